import { isPlatformOperator, login, logout, membershipsOf } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { clientAddress } from "../http/client-address";
import type { AppDeps, HonoEnv } from "../http/deps";
import { requireUser } from "../http/guards";
import { requestIsHttps } from "../http/request-origin";
import { registerApiTokenRoutes } from "./api-tokens";
import { errorResponses } from "./shared";

export const SESSION_COOKIE = "bc_session";
/** Marks a browser as a known device of the accounts signed in on it: their per-account throttle skips it. */
export const DEVICE_COOKIE = "bc_device";

const me = z.strictObject({
  user: z.strictObject({ id: z.uuid(), email: z.string(), name: z.string() }),
  memberships: z.array(
    z.strictObject({
      practiceId: z.uuid(),
      practiceName: z.string(),
      role: z.enum(["owner", "biller", "clinician", "read_only"]),
    }),
  ),
  /** A platform operator may create practices (granted on the command line). */
  isOperator: z.boolean(),
});

export const registerAuthRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/login",
      tags: ["Auth"],
      summary: "Sign in; sets an HttpOnly session cookie",
      security: [],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.strictObject({ email: z.string().max(320), password: z.string().max(200) }),
            },
          },
        },
      },
      responses: {
        200: { description: "Signed in", content: { "application/json": { schema: me } } },
        429: errorResponses[401],
        ...errorResponses,
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const ip = clientAddress(c, deps.trustProxy ?? false);
      const deviceSecret = getCookie(c, DEVICE_COOKIE);
      const result = await login(deps.database, { email, password, ip, deviceSecret }, deps.clock.now());
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        // Over HTTPS (directly or via a trusted proxy), and always in production.
        secure: deps.production === true || requestIsHttps(c, deps),
        expires: result.expiresAt,
      });
      // Only the sign-in route reads it, and it outlives sessions: a year from the last sign-in on this browser.
      setCookie(c, DEVICE_COOKIE, result.device.secret, {
        httpOnly: true,
        sameSite: "Strict",
        path: "/api/v1/auth/login",
        secure: deps.production === true || requestIsHttps(c, deps),
        expires: result.device.expiresAt,
      });
      return c.json(
        {
          user: result.user,
          memberships: await membershipsOf(deps.database, result.user.id),
          isOperator: await isPlatformOperator(deps.database, result.user.id),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      tags: ["Auth"],
      summary: "Sign out: ends the session; API tokens stay valid until revoked or expired",
      responses: { 204: { description: "Signed out" } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout(deps.database, token);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me",
      tags: ["Auth"],
      summary: "The signed-in user and the practices they belong to",
      responses: {
        200: { description: "You", content: { "application/json": { schema: me } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      return c.json(
        {
          user: { id: user.id, email: user.email, name: user.name },
          memberships: await membershipsOf(deps.database, user.id),
          isOperator: await isPlatformOperator(deps.database, user.id),
        },
        200,
      );
    },
  );

  registerApiTokenRoutes(app, deps);
};
