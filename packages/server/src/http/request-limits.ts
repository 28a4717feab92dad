import { DomainError } from "@billcycle/core";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import type { AppDeps, HonoEnv } from "./deps";
import { jsonTooComplex } from "./json-complexity";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Sign-in and the other /api/v1/auth routes carry a few short fields. */
export const AUTH_BODY_LIMIT = 64 * KiB;
/** Any other request body (every JSON route; the largest is a practice's settings). */
export const JSON_BODY_LIMIT = 1 * MiB;
/**
 * An inbound X12 file uploaded as JSON: a 50 MiB file plus room for JSON escaping (the newline many files put
 * after each segment terminator doubles as `\n`; 14 MiB covers one every 4 bytes) and the file name.
 */
export const INBOUND_UPLOAD_BODY_LIMIT = 64 * MiB;

export const REQUEST_TIMEOUT_MS = 30_000;
/** Reading and posting a 50 MiB remittance takes longer than an ordinary request. */
export const UPLOAD_TIMEOUT_MS = 5 * 60_000;

export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_KEYS = 10_000;

/** The one route that takes a file: POST …/practices/{practiceId}/inbound-files. */
export const isInboundUpload = (c: Context): boolean =>
  c.req.method === "POST" && /^\/api\/v1\/practices\/[^/]+\/inbound-files\/?$/.test(c.req.path);

const sizeText = (bytes: number) => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);

/**
 * Refuses a body over its route's limit with PAYLOAD_TOO_LARGE (413), before authentication and before any
 * of it is parsed: at once when Content-Length says so, else while a chunked body streams in (hono's
 * bodyLimit counts the bytes and stops reading at the limit). @hono/node-server discards the rest of a
 * refused body (reading it for at most 500 ms, then closing the connection); none of it is kept.
 */
export const bodySizeLimit = () => {
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new DomainError("PAYLOAD_TOO_LARGE", `The request body is larger than ${sizeText(maxSize)}`, {
          limitBytes: maxSize,
        });
      },
    });
  const auth = limit(AUTH_BODY_LIMIT);
  const upload = limit(INBOUND_UPLOAD_BODY_LIMIT);
  const json = limit(JSON_BODY_LIMIT);
  return createMiddleware<HonoEnv>(async (c, next) =>
    (c.req.path.startsWith("/api/v1/auth/") ? auth : isInboundUpload(c) ? upload : json)(c, next),
  );
};

/**
 * Answers REQUEST_TIMEOUT (503) when a request has run longer than its time limit (reading a slow body
 * included). The work already started is not cancelled and may still commit: the message says to check.
 */
export const requestTimeLimit = (deps: Pick<AppDeps, "requestTimeoutMs" | "uploadTimeoutMs">) => {
  const limiter = (ms: number) =>
    timeout(
      ms,
      () =>
        new HTTPException(503, {
          message: "Request timed out",
          cause: new DomainError(
            "REQUEST_TIMEOUT",
            `The request took longer than ${ms / 1000} s. It may still complete: check before trying again`,
            { limitSeconds: ms / 1000 },
          ),
        }),
    );
  const ordinary = limiter(deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  const upload = limiter(deps.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS);
  return createMiddleware<HonoEnv>(async (c, next) => (isInboundUpload(c) ? upload : ordinary)(c, next));
};

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses JSON nested deeper than JSON_MAX_DEPTH or with more than JSON_MAX_KEYS keys (JSON_TOO_COMPLEX,
 * 400) before the route's validator parses it; the text read here is cached for the validator.
 */
export const jsonComplexityLimit = () =>
  createMiddleware<HonoEnv>(async (c, next) => {
    const mediaType = c.req.header("content-type")?.split(";")[0]?.trim() ?? "";
    if (c.req.raw.body && jsonMediaType.test(mediaType)) {
      const excess = jsonTooComplex(await c.req.text(), { maxDepth: JSON_MAX_DEPTH, maxKeys: JSON_MAX_KEYS });
      if (excess === "depth")
        throw new DomainError(
          "JSON_TOO_COMPLEX",
          `The JSON body is nested deeper than ${JSON_MAX_DEPTH} levels`,
        );
      if (excess === "keys")
        throw new DomainError("JSON_TOO_COMPLEX", `The JSON body has more than ${JSON_MAX_KEYS} keys`);
    }
    await next();
  });
