import {
  addProductToInvoice,
  invoiceRowSchema,
  moveInvoicePaymentsToCredit,
  openedInvoicesSchema,
  openInvoices,
  voidInvoice,
} from "@billcycle/app";
import { voidDispositions } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { errorResponses, practiceParams } from "./shared";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const movedPaymentsSchema = z
  .strictObject({ invoiceId: z.uuid(), movedCents: z.int(), paymentIds: z.array(z.uuid()) })
  .openapi("MovedPayments");

export const registerInvoiceActionRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}/invoices";
  const idParams = practiceParams.extend({ id: z.string() });

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/open`,
      tags: ["Invoice"],
      summary: "Open reviewed Pended invoices (all or none)",
      request: {
        params: practiceParams,
        body: {
          required: true,
          content: {
            "application/json": { schema: z.strictObject({ invoiceIds: z.array(z.uuid()).min(1).max(500) }) },
          },
        },
      },
      responses: { 200: json(openedInvoicesSchema, "Opened"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const opened = await openInvoices(deps.database, {
        actor,
        invoiceIds: c.req.valid("json").invoiceIds,
        now: deps.clock.now(),
      });
      return c.json({ data: opened }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/void`,
      tags: ["Invoice"],
      summary:
        "Void an invoice: a correction bills its sessions again, a waiver never does (refused with " +
        "INVOICE_HAS_PAYMENTS while payments are applied to it)",
      request: {
        params: idParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.strictObject({
                reason: z.string().trim().min(1).max(500),
                /** correction: the sessions are billed again; waive: never again ("why not billed" says so). */
                disposition: z.enum(voidDispositions),
              }),
            },
          },
        },
      },
      responses: { 200: json(invoiceRowSchema, "Voided"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Invoice");
      return c.json(
        await voidInvoice(deps.database, {
          actor,
          invoiceId: id,
          ...c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/move-payments`,
      tags: ["Invoice"],
      summary: "Move the client payments applied to an invoice back to credit on account (before a void)",
      request: { params: idParams },
      responses: { 200: json(movedPaymentsSchema, "Moved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Invoice");
      return c.json(
        await moveInvoicePaymentsToCredit(deps.database, { actor, invoiceId: id, now: deps.clock.now() }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/products`,
      tags: ["Invoice"],
      summary: "Add a product (e.g. a card fee) to a Pended invoice",
      request: {
        params: idParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.strictObject({ productId: z.uuid(), quantity: z.int().min(1).max(100).default(1) }),
            },
          },
        },
      },
      responses: { 200: json(invoiceRowSchema, "Updated invoice"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Invoice");
      return c.json(
        await addProductToInvoice(deps.database, {
          actor,
          invoiceId: id,
          input: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
