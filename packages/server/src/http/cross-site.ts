import { DomainError } from "@billcycle/core";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { SESSION_COOKIE } from "../routes/auth";
import type { AppDeps, HonoEnv } from "./deps";
import { requestOrigin } from "./request-origin";

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type CrossSiteFacts = {
  method: string;
  /** A Bearer credential: sent by a program on purpose, never attached by a browser on its own. */
  bearer: boolean;
  /** The session cookie, which a browser attaches to requests that another site's page makes. */
  sessionCookie: boolean;
  origin: string | undefined;
  secFetchSite: string | undefined;
  ownOrigins: readonly string[];
};

/**
 * Whether a request may change state, judged by where a browser says it comes from.
 * - From the app's own origin (Sec-Fetch-Site: same-origin, or an Origin that is ours): allowed.
 * - With the session cookie and no such proof: refused. Browsers send Origin on every POST, PUT, PATCH and
 *   DELETE (and Sec-Fetch-Site, since 2019 to 2023 by browser), so a cookie without either is not our page's request.
 * - Without the cookie, from another site (login CSRF signs a victim into the attacker's account): refused.
 * - Without the cookie and without either header: a program (curl, the CLI), not a browser: allowed.
 * Requests with a Bearer token are not judged: a page on another site cannot make a browser send one.
 */
export const crossSiteAllowed = (f: CrossSiteFacts): boolean => {
  if (!stateChanging.has(f.method.toUpperCase()) || f.bearer) return true;
  const sameOrigin =
    f.secFetchSite === "same-origin" || (f.origin !== undefined && f.ownOrigins.includes(f.origin));
  if (sameOrigin) return true;
  if (f.sessionCookie) return false;
  return f.origin === undefined && f.secFetchSite === undefined;
};

/**
 * Refuses cross-site state-changing requests with CROSS_SITE_REQUEST (403), before authentication.
 * Not hono/csrf: it judges only form-like content types (a JSON POST passes), and lets a request through
 * when neither header is present, which this guard refuses for cookie-authenticated requests.
 */
export const crossSiteGuard = (deps: Pick<AppDeps, "trustProxy" | "publicUrl">) => {
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  return createMiddleware<HonoEnv>(async (c, next) => {
    const ownOrigins = [requestOrigin(c, deps), ...(publicOrigin ? [publicOrigin] : [])];
    const allowed = crossSiteAllowed({
      method: c.req.method,
      // The same test as the authentication middleware: a malformed Authorization header is no Bearer.
      bearer: /^Bearer\s+\S+$/i.test(c.req.header("authorization") ?? ""),
      sessionCookie: getCookie(c, SESSION_COOKIE) !== undefined,
      origin: c.req.header("origin"),
      secFetchSite: c.req.header("sec-fetch-site")?.toLowerCase(),
      ownOrigins,
    });
    if (!allowed) {
      throw new DomainError(
        "CROSS_SITE_REQUEST",
        "This request came from another site; changes are accepted only from billcycle's own pages",
      );
    }
    await next();
  });
};
