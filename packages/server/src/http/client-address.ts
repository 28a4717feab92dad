import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/**
 * The address a request came from, for throttling: the socket's remote address, unless the server sits behind
 * a proxy the operator told it to trust (`trustProxy`), in which case the proxy's X-Forwarded-For names the
 * client. Untrusted, that header is whatever the client wants, so it is ignored: an attacker could otherwise
 * rotate it to escape the per-address throttle.
 */
export const clientAddress = (c: Context, trustProxy: boolean): string => {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
};
