import type { Context } from "hono";
import type { AppDeps } from "./deps";

type ProxySetting = Pick<AppDeps, "trustProxy">;

/** The first value of a forwarded header (a chain of proxies appends: the first is the client's). */
const forwarded = (c: Context, name: string): string | undefined =>
  c.req.header(name)?.split(",")[0]?.trim().toLowerCase() || undefined;

/**
 * Whether the client reached billcycle over HTTPS: directly, or through a reverse proxy that says so. The
 * proxy's word counts only when it is trusted, because any client can send X-Forwarded-Proto.
 */
export const requestIsHttps = (c: Context, settings: ProxySetting): boolean =>
  new URL(c.req.url).protocol === "https:" ||
  (settings.trustProxy === true && forwarded(c, "x-forwarded-proto") === "https");

/** The origin the client addressed: the request's own, or the one a trusted proxy forwarded. */
export const requestOrigin = (c: Context, settings: ProxySetting): string => {
  const url = new URL(c.req.url);
  if (settings.trustProxy !== true) return url.origin;
  const proto = forwarded(c, "x-forwarded-proto") ?? url.protocol.slice(0, -1);
  const host = forwarded(c, "x-forwarded-host") ?? url.host;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return url.origin;
  }
};
