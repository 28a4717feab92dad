import { createApiToken, login, logout, membershipsOf } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { requireUser } from "../http/guards";
import { errorResponses } from "./shared";

export const SESSION_COOKIE = "bc_session";

const me = z.strictObject({
  user: z.strictObject({ id: z.uuid(), email: z.string(), name: z.string() }),
  memberships: z.array(
    z.strictObject({
      practiceId: z.uuid(),
      practiceName: z.string(),
      role: z.enum(["owner", "biller", "clinician", "read_only"]),
    }),
  ),
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
      const ip = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
      const result = await login(deps.database, { email, password, ip }, deps.clock.now());
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: new URL(c.req.url).protocol === "https:",
        expires: result.expiresAt,
      });
      return c.json(
        { user: result.user, memberships: await membershipsOf(deps.database, result.user.id) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      tags: ["Auth"],
      summary: "Sign out",
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
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/tokens",
      tags: ["Auth"],
      summary: "Create an API token for the signed-in user (shown once)",
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: z.strictObject({ name: z.string().min(1).max(100) }) } },
        },
      },
      responses: {
        201: {
          description: "The token",
          content: { "application/json": { schema: z.strictObject({ id: z.uuid(), token: z.string() }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      return c.json(
        await createApiToken(deps.database, {
          userId: user.id,
          name: c.req.valid("json").name,
          now: deps.clock.now(),
        }),
        201,
      );
    },
  );
};
