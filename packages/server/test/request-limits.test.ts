import {
  AUTH_BODY_LIMIT,
  INBOUND_UPLOAD_BODY_LIMIT,
  JSON_BODY_LIMIT,
  JSON_MAX_DEPTH,
  JSON_MAX_KEYS,
  jsonLogger,
  type RunningServer,
  startServer,
} from "@billcycle/server";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyPieces, sendInPieces } from "./support/raw-http";

const MB = 1000 * 1000;
const loginHead = '{"email":"someone@example.com","password":"';
const json = { "content-type": "application/json" };

describe.each(testBackends())("request limits before any work on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let server: RunningServer;
  let slow: RunningServer;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Limits");
    const deps = { database: h.database, clock: h.clock, logger: jsonLogger(() => undefined) };
    server = await startServer(deps, { port: 0, host: "127.0.0.1" });
    slow = await startServer(
      { ...deps, requestTimeoutMs: 300, uploadTimeoutMs: 10_000 },
      { port: 0, host: "127.0.0.1" },
    );
  });
  afterAll(async () => {
    await server?.close();
    await slow?.close();
    await h?.dispose();
  });

  it("a 50 MB sign-in body is refused with 413 before it is sent, and /healthz answers meanwhile", async () => {
    const filler = 50 * MB;
    const upload = sendInPieces(server.url, {
      path: "/api/v1/auth/login",
      headers: { ...json, "content-length": loginHead.length + filler + 2 },
      pieces: bodyPieces(loginHead, filler, '"}'),
    });
    let finished = false;
    void upload.finally(() => {
      finished = true;
    });
    // Health checks for as long as the upload runs: none may wait on it.
    const healthz: number[] = [];
    do {
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      healthz.push(performance.now() - started);
    } while (!finished);
    const answer = await upload;
    expect([answer.status, errorCode(answer)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(answer.json.error).toMatchObject({ limitBytes: AUTH_BODY_LIMIT });
    expect(answer.sentBeforeAnswer).toBeLessThan(filler / 10);
    expect(Math.max(...healthz)).toBeLessThan(1000);
  });

  it("a chunked body (no Content-Length) is cut off at the limit while it streams in", async () => {
    const filler = 4 * AUTH_BODY_LIMIT;
    const answer = await sendInPieces(server.url, {
      path: "/api/v1/auth/login",
      headers: json,
      pieces: bodyPieces(loginHead, filler, '"}', 8 * 1024),
      pauseMs: 2,
    });
    expect([answer.status, errorCode(answer)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(answer.sentBeforeAnswer).toBeGreaterThan(AUTH_BODY_LIMIT);
    expect(answer.sentBeforeAnswer).toBeLessThan(filler);

    // Under the limit a chunked body is read as usual: here, a wrong password.
    const small = await sendInPieces(server.url, {
      path: "/api/v1/auth/login",
      headers: json,
      pieces: [Buffer.from('{"email":"nobody@example.com",'), Buffer.from('"password":"not the password"}')],
    });
    expect([small.status, errorCode(small)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("a 100 MB file upload is refused with 413 before it is sent, with or without credentials", async () => {
    const filler = 100 * MB;
    const head = '{"name":"big.835","content":"';
    for (const token of [p.users.owner.token, undefined]) {
      const answer = await sendInPieces(server.url, {
        path: `/api/v1/practices/${p.id}/inbound-files`,
        headers: {
          ...json,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          "content-length": head.length + filler + 2,
        },
        pieces: bodyPieces(head, filler, '"}'),
      });
      expect([answer.status, errorCode(answer)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
      expect(answer.json.error).toMatchObject({ limitBytes: INBOUND_UPLOAD_BODY_LIMIT });
      expect(answer.sentBeforeAnswer).toBeLessThan(filler / 10);
    }
  });

  it("each route has its limit: 64 KiB for sign-in, 1 MiB for JSON, more for an inbound file", async () => {
    const base = `/api/v1/practices/${p.id}`;
    const padded = (bytes: number) => JSON.stringify({ name: "x".repeat(bytes) });
    const owner = p.users.owner.token;
    const overAuth = await h.call("POST", "/api/v1/auth/login", { rawBody: padded(AUTH_BODY_LIMIT) });
    expect([overAuth.status, errorCode(overAuth)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    // The same size is fine on a JSON route (refused by validation instead), 1 MiB is not.
    const underJson = await h.call("POST", `${base}/locations`, {
      token: owner,
      rawBody: padded(AUTH_BODY_LIMIT),
    });
    expect(underJson.status).toBe(400);
    expect(errorCode(underJson)).not.toBe("PAYLOAD_TOO_LARGE");
    const overJson = await h.call("POST", `${base}/locations`, {
      token: owner,
      rawBody: padded(JSON_BODY_LIMIT),
    });
    expect([overJson.status, errorCode(overJson)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    // An inbound file of 2 MiB passes the size limit and reaches the route (which refuses it as not X12).
    const file = await h.call("POST", `${base}/inbound-files`, {
      token: owner,
      body: { name: "big.835", content: "x".repeat(2 * JSON_BODY_LIMIT) },
    });
    expect(errorCode(file)).not.toBe("PAYLOAD_TOO_LARGE");
  });

  it("JSON nested too deep or with too many keys is JSON_TOO_COMPLEX, before validation", async () => {
    const nested = (depth: number) => `${"[".repeat(depth - 1)}"x"${"]".repeat(depth - 1)}`;
    const deep = await h.call("POST", "/api/v1/auth/login", {
      rawBody: `{"email":${nested(JSON_MAX_DEPTH + 1)},"password":"x"}`,
    });
    expect([deep.status, errorCode(deep)]).toEqual([400, "JSON_TOO_COMPLEX"]);
    // At the limit the body reaches validation.
    const atLimit = await h.call("POST", "/api/v1/auth/login", {
      rawBody: `{"email":${nested(JSON_MAX_DEPTH)},"password":"x"}`,
    });
    expect([atLimit.status, errorCode(atLimit)]).toEqual([400, "VALIDATION_FAILED"]);

    const keys = (n: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1])));
    const base = `/api/v1/practices/${p.id}`;
    const many = await h.call("POST", `${base}/locations`, {
      token: p.users.owner.token,
      rawBody: keys(JSON_MAX_KEYS + 1),
    });
    expect([many.status, errorCode(many)]).toEqual([400, "JSON_TOO_COMPLEX"]);
    const enough = await h.call("POST", `${base}/locations`, {
      token: p.users.owner.token,
      rawBody: keys(JSON_MAX_KEYS),
    });
    expect(enough.status).toBe(400);
    expect(errorCode(enough)).not.toBe("JSON_TOO_COMPLEX");
  });

  it("a request over its time limit is answered REQUEST_TIMEOUT (503); an upload has a longer limit", async () => {
    const trickle = (path: string, head: string, headers: Record<string, string> = {}) =>
      sendInPieces(slow.url, {
        path,
        headers: { ...json, ...headers },
        // Ten pieces 100 ms apart: about a second in all.
        pieces: [Buffer.from(head), ...Array.from({ length: 9 }, () => Buffer.from("a")), Buffer.from('"}')],
        pauseMs: 100,
      });
    const login = await trickle("/api/v1/auth/login", '{"email":"nobody@example.com","password":"');
    expect([login.status, errorCode(login)]).toEqual([503, "REQUEST_TIMEOUT"]);
    expect(login.ms).toBeLessThan(900);

    const upload = await trickle(
      `/api/v1/practices/${p.id}/inbound-files`,
      '{"name":"slow.835","content":"',
      {
        authorization: `Bearer ${p.users.owner.token}`,
      },
    );
    expect(upload.sentBeforeAnswer).toBeGreaterThan(10);
    expect(errorCode(upload)).not.toBe("REQUEST_TIMEOUT");
    expect(upload.status).not.toBe(503);
  });
});
