import { openSharedDocument, sharedDocumentSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { shareLinkKeyOf } from "./share-link-key";

export const sharedTokenParams = z.strictObject({
  token: z.string().max(300).describe("the signed token of a shared link (/d/<token>)"),
});

/** Public: a shared link's document, without a session (the signed token is the credential). */
export const registerGetSharedDocumentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/shared-documents/{token}",
      tags: ["Sharing"],
      security: [],
      summary:
        "The document behind a shared link (no session): 404 SHARE_LINK_INVALID when altered, 410 " +
        "SHARE_LINK_EXPIRED after its expiry, 410 DOCUMENT_VOID once withdrawn. Every view is audited",
      request: { params: sharedTokenParams },
      responses: { 200: json(sharedDocumentSchema, "The shared document"), ...errorResponses },
    }),
    async (c) => {
      const shared = await openSharedDocument(deps.database, {
        token: c.req.valid("param").token,
        linkKey: shareLinkKeyOf(deps),
        now: deps.clock.now(),
        view: "info",
        withPdf: false,
      });
      return c.json(
        {
          ...shared,
          issuedAt: shared.issuedAt.toISOString(),
          linkExpiresAt: shared.linkExpiresAt.toISOString(),
        },
        200,
      );
    },
  );
};
