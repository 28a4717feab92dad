import { request } from "node:http";
import type { ApiResponse } from "@billcycle/testing/api-harness";
import type { Json } from "@billcycle/testing/bodies";

export type RawAnswer = ApiResponse & {
  /** Bytes of the body written to the connection when the answer arrived. */
  sentBeforeAnswer: number;
  /** Milliseconds from the start of the request to the answer's headers. */
  ms: number;
};

/**
 * Sends a request body piece by piece over a real connection (chunked unless a Content-Length header is
 * given), pausing `pauseMs` between pieces, and stops sending as soon as the server answers: how much had
 * been sent by then shows whether the server answered before reading the whole body.
 */
export const sendInPieces = (
  baseUrl: string,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string | number>;
    pieces: Iterable<Buffer>;
    pauseMs?: number;
  },
): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const req = request(
      new URL(options.path, baseUrl),
      { method: options.method ?? "POST", headers: options.headers },
      (res) => {
        answered = true;
        const sentBeforeAnswer = sent;
        const ms = performance.now() - started;
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(parts).toString("utf8");
          req.destroy();
          const json =
            text && res.headers["content-type"]?.includes("json") ? (JSON.parse(text) as Json) : {};
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === "string") headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, json, text, headers, sentBeforeAnswer, ms });
        });
      },
    );
    // Once answered, the server may cut the rest of the body off: a write error then is expected.
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const write = async () => {
      for (const piece of options.pieces) {
        if (answered) return;
        sent += piece.length;
        if (!req.write(piece)) await new Promise((done) => req.once("drain", done));
        await new Promise((done) => setTimeout(done, options.pauseMs ?? 0));
      }
      if (!answered) req.end();
    };
    write().catch(reject);
  });

/** `head`, then `fillerBytes` of `fill` in pieces of `pieceBytes`, then `tail`. */
export function* bodyPieces(head: string, fillerBytes: number, tail: string, pieceBytes = 64 * 1024) {
  yield Buffer.from(head);
  const piece = Buffer.alloc(pieceBytes, "a");
  for (let left = fillerBytes; left > 0; left -= pieceBytes) {
    yield left >= pieceBytes ? piece : piece.subarray(0, left);
  }
  yield Buffer.from(tail);
}
