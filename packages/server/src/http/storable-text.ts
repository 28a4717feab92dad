import { DomainError, escapeUnstorable, findUnstorableText, unstorableCharacter } from "@billcycle/core";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "./deps";

const jsonType = /^application\/([a-z-.]+\+)?json\b/i;
/**
 * In JSON text, U+0000 and surrogates can only be written as escapes (raw control characters are invalid JSON,
 * and the body was decoded from UTF-8, which holds no surrogates): a body without one is not parsed here.
 */
const mayHoldUnstorable = /\\u(0000|[dD][89a-fA-F])/;

/**
 * An uploaded X12 file's `content` is the file, not text to store: the import keeps its bytes and judges them
 * (a file with NUL bytes is stored and rejected as FILE_NOT_TEXT, like one picked up from the clearinghouse).
 */
const uploadedFileContent = /^\/api\/v1\/practices\/[^/]+\/inbound-files\/?$/;

const refuse = (where: "body" | "query" | "path", path: string, reason: string): never => {
  const message = `contains a ${reason}, which is not text that can be stored`;
  throw new DomainError("INVALID_TEXT", `${path || where}: ${message}`, {
    in: where,
    issues: [{ path, code: "INVALID_TEXT", message }],
  });
};

/**
 * Every string a request carries — path segments, query parameters, and each string and key of a JSON body — is
 * text the database can store (no U+0000, no lone surrogate), checked once here before routing validates it.
 * The body is read through Hono's cache, so the validator reuses it; malformed JSON is left to the validator.
 */
export const refuseUnstorableText = createMiddleware<HonoEnv>(async (c, next) => {
  const segments = new URL(c.req.url).pathname.split("/");
  for (const [i, segment] of segments.entries()) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // Hono keeps an undecodable segment as written: plain ASCII
    }
    const found = unstorableCharacter(decoded);
    if (found) refuse("path", `segment ${i}`, found.reason);
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    const inName = unstorableCharacter(name);
    if (inName) refuse("query", escapeUnstorable(name), inName.reason);
    for (const value of values) {
      const found = unstorableCharacter(value);
      if (found) refuse("query", name, found.reason);
    }
  }
  if (jsonType.test(c.req.header("content-type") ?? "")) {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = mayHoldUnstorable.test(text) ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (c.req.method === "POST" && uploadedFileContent.test(new URL(c.req.url).pathname)) {
      const { content: _file, ...rest } = (body ?? {}) as Record<string, unknown>;
      body = rest;
    }
    const found = findUnstorableText(body);
    if (found) refuse("body", found.path, found.reason);
  }
  await next();
});
