import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message the test SMTP server accepted: envelope, headers (lower-case names) and the decoded text of it all. */
export type ReceivedMail = {
  from: string;
  to: string[];
  headers: Map<string, string>;
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes undone, for asserting what the body says. */
  decoded: string;
};

/** What the server does with the next messages: accept, refuse with a 5xx, or drop the connection at DATA. */
export type SmtpBehaviour = "accept" | "refuse" | "drop";

export type SmtpTestServer = {
  url: string;
  received: ReceivedMail[];
  /** Behaviour for the next messages; `accept` is the default. */
  behave(mode: SmtpBehaviour): void;
  /** Answers RCPT TO for this address with 550 (no such mailbox), as a server does for a dead address. */
  refuseRecipient(address: string): void;
  close(): Promise<void>;
};

const headersOf = (raw: string): Map<string, string> => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const out = new Map<string, string>();
  for (const line of unfolded.split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) out.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return out;
};

const decodeQuotedPrintable = (raw: string): string =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A real SMTP server (smtp-server) on a free local port, without TLS or AUTH, that keeps what it receives. */
export const startSmtpTestServer = async (): Promise<SmtpTestServer> => {
  const received: ReceivedMail[] = [];
  let mode: SmtpBehaviour = "accept";
  const refusedRecipients = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    hideSTARTTLS: true,
    onRcptTo(address, _session, callback) {
      if (!refusedRecipients.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      if (mode === "drop") {
        stream.resume();
        // A connection that ends mid-message (a crash, a network cut), not an SMTP answer.
        (session as unknown as { _socket?: unknown }) && destroyConnection(server, session.id);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (mode === "refuse") {
          const err = Object.assign(new Error("Message refused by policy"), { responseCode: 554 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          headers: headersOf(raw),
          raw,
          decoded: decodeQuotedPrintable(raw),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    behave: (next) => {
      mode = next;
    },
    refuseRecipient: (address) => {
      refusedRecipients.add(address.toLowerCase());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const destroyConnection = (server: SMTPServer, sessionId: string): void => {
  for (const connection of server.connections) {
    const c = connection as unknown as { id: string; _socket: { destroy(): void } };
    if (c.id === sessionId) c._socket.destroy();
  }
};
