import { createApiToken, createApiTokenSchema, listApiTokens, revokeApiToken } from "@billcycle/app";
import { DomainError, tokenScopes } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { requireUser } from "../http/guards";
import { errorResponses } from "./shared";

const apiToken = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(z.enum(tokenScopes)),
    createdVia: z.enum(["session", "cli"]),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe("to the minute"),
    revokedAt: z.iso.datetime().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ApiToken" });

const createdApiToken = apiToken
  .extend({ token: z.string().describe("the secret: send it as `Authorization: Bearer …`; shown only here") })
  .meta({ id: "CreatedApiToken" });

const tokenParams = z.object({ tokenId: z.string().describe("the token's id") });

/** Dates as the JSON the schemas above describe. */
const json = <
  T extends { createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null },
>(
  t: T,
) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** The signed-in user's own API tokens: create (from a session only), list, revoke. */
export const registerApiTokenRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/tokens",
      tags: ["Auth"],
      summary:
        "Create an API token for the signed-in user (the secret is shown once; a token cannot make one)",
      security: [{ session: [] }],
      request: {
        body: { required: true, content: { "application/json": { schema: createApiTokenSchema } } },
      },
      responses: {
        201: { description: "The token", content: { "application/json": { schema: createdApiToken } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      // Before requireUser, so that a token of any scope hears why.
      if (c.get("user")?.token) {
        throw new DomainError("FORBIDDEN", "API tokens cannot create API tokens: sign in to make one");
      }
      const user = requireUser(c);
      const made = await createApiToken(
        deps.database,
        { ...c.req.valid("json"), userId: user.id, createdVia: "session" },
        { userId: user.id, practiceId: null, role: null, label: user.via },
        deps.clock.now(),
      );
      return c.json(json(made), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/auth/tokens",
      tags: ["Auth"],
      summary: "Your API tokens, newest first, with their status (never their secrets)",
      responses: {
        200: {
          description: "Your tokens",
          content: { "application/json": { schema: z.strictObject({ data: z.array(apiToken) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const tokens = await listApiTokens(deps.database, user.id, deps.clock.now());
      return c.json({ data: tokens.map(json) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/auth/tokens/{tokenId}",
      tags: ["Auth"],
      summary: "Revoke one of your API tokens; the next request with it is refused",
      request: { params: tokenParams },
      responses: {
        200: { description: "The revoked token", content: { "application/json": { schema: apiToken } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const revoked = await revokeApiToken(
        deps.database,
        { tokenId: c.req.valid("param").tokenId, ownerId: user.id },
        { userId: user.id, practiceId: null, role: null, label: user.via },
        deps.clock.now(),
      );
      return c.json(json(revoked), 200);
    },
  );
};
