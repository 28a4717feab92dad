import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One POST …/Messages.json as received: the form parameters, the answer, and the sid it created. */
export type RecordedMessage = {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  status: number | null;
  sid: string | null;
};

/** What the next creations do instead of succeeding. */
export type TwilioFakeFault =
  /** 400 with Twilio's error code (21211: invalid 'To'; 21610: the recipient replied STOP). */
  | { kind: "error"; code: number; message?: string }
  /** The message is created (and counted) but the request is never answered. */
  | { kind: "timeout" };

export type TwilioFake = {
  /** http://127.0.0.1:<port> — the SDK's `api.baseUrl`. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Every create request, in order. */
  messages: RecordedMessage[];
  /** Messages created per (To, Body): >1 is a duplicate send. */
  duplicates(): number;
  failNext(fault: TwilioFakeFault, times?: number): void;
  /** Delay every answer by `ms` (a slow provider). */
  setLatency(ms: number): void;
  close(): Promise<void>;
};

/** Twilio's request signature: base64 HMAC-SHA1 of the URL followed by the sorted POST parameters. */
export const twilioSignature = (authToken: string, url: string, params: Record<string, string>): string =>
  createHmac("sha1", authToken)
    .update(
      Object.keys(params)
        .sort()
        .reduce((acc, k) => acc + k + params[k], url),
    )
    .digest("base64");

/** POSTs a signed callback (status or inbound message) to `url`, as Twilio does. */
export const postSignedCallback = async (
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature = twilioSignature(authToken, url, params),
): Promise<Response> =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  });

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const MESSAGES = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

/** Starts the fake on a free local port. */
export const startTwilioFake = async (
  options: { accountSid?: string; authToken?: string } = {},
): Promise<TwilioFake> => {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString("hex")}`;
  const authToken = options.authToken ?? randomBytes(16).toString("hex");
  const messages: RecordedMessage[] = [];
  const faults: TwilioFakeFault[] = [];
  const sockets = new Set<Socket>();
  let latency = 0;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const m = MESSAGES.exec((req.url ?? "").split("?")[0] ?? "");
    const raw = await readBody(req);
    if (req.method !== "POST" || !m)
      return send(res, 404, { code: 20404, message: "not found", status: 404 });
    const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
    if (auth !== `${accountSid}:${authToken}` || m[1] !== accountSid) {
      return send(res, 401, { code: 20003, message: "Authenticate", status: 401 });
    }
    const form = new URLSearchParams(raw);
    const rec: RecordedMessage = {
      accountSid,
      to: form.get("To") ?? "",
      from: form.get("From") ?? form.get("MessagingServiceSid") ?? "",
      body: form.get("Body") ?? "",
      statusCallback: form.get("StatusCallback"),
      status: null,
      sid: null,
    };
    messages.push(rec);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const fault = faults.shift();
    if (fault?.kind === "error") {
      rec.status = 400;
      return send(res, 400, {
        code: fault.code,
        message: fault.message ?? `Twilio error ${fault.code}`,
        more_info: `https://www.twilio.com/docs/errors/${fault.code}`,
        status: 400,
      });
    }
    if (!/^\+[1-9]\d{6,14}$/.test(rec.to)) {
      rec.status = 400;
      return send(res, 400, { code: 21211, message: `The 'To' number ${rec.to} is not valid.`, status: 400 });
    }
    rec.sid = `SM${randomBytes(16).toString("hex")}`;
    if (fault?.kind === "timeout") return; // created, never answered
    rec.status = 201;
    const now = new Date().toUTCString();
    send(res, 201, {
      sid: rec.sid,
      account_sid: accountSid,
      to: rec.to,
      from: rec.from,
      body: rec.body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      api_version: "2010-04-01",
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${rec.sid}.json`,
      subresource_uris: {},
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    duplicates: () => {
      const seen = new Map<string, number>();
      for (const r of messages)
        if (r.sid) seen.set(`${r.to}\n${r.body}`, (seen.get(`${r.to}\n${r.body}`) ?? 0) + 1);
      return [...seen.values()].reduce((n, c) => n + (c - 1), 0);
    },
    failNext: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    setLatency: (ms) => {
      latency = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
