import {
  assertSmsSignature,
  handleInboundSms,
  handleSmsStatusCallback,
  openPayPage,
  payByLinkInputSchema,
  payOutreachSet,
  payPageSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { payLinkKeyOf, twilioCallbackUrl } from "./outreach-route-support";

const tokenParams = z.strictObject({ token: z.string().max(300).describe("the signed token of a pay link") });

const chargeSchema = z
  .strictObject({
    chargeId: z.string(),
    status: z.string(),
    amountCents: z.int(),
    declineCode: z.string().nullable(),
    failureMessage: z.string().nullable(),
  })
  .meta({ id: "outreachPayResult" });

const formParams = async (req: Request): Promise<Record<string, string>> => {
  const text = await req.text();
  return Object.fromEntries(new URLSearchParams(text));
};

/** The patient's pay page (signed token, no session) and Twilio's callbacks (signed, no session). */
export const registerPublicOutreachRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/pay/{token}",
      tags: ["Outreach"],
      security: [],
      summary:
        "The payment page behind a pay link (no session): the amount outstanding now and the card on file. 404 " +
        "PAY_LINK_INVALID when altered, 410 PAY_LINK_EXPIRED after its expiry",
      request: { params: tokenParams },
      responses: { 200: json(payPageSchema, "What the patient owes"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await openPayPage(deps.database, {
          token: c.req.valid("param").token,
          linkKey: payLinkKeyOf(deps),
          now: deps.clock.now(),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/pay/{token}",
      tags: ["Outreach"],
      security: [],
      summary:
        "Pay by card on file from a pay link (one charge per idempotency key; never more than outstanding). The " +
        "payment lowers the amount at once and makes the set Paid at zero",
      request: { params: tokenParams, body: body(payByLinkInputSchema) },
      responses: { 200: json(chargeSchema, "The charge"), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { charge } = await payOutreachSet(deps.database, {
        token: c.req.valid("param").token,
        linkKey: payLinkKeyOf(deps),
        amountCents: input.amountCents,
        idempotencyKey: input.idempotencyKey,
        now: deps.clock.now(),
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      return c.json(
        {
          chargeId: charge.id,
          status: charge.status,
          amountCents: charge.amountCents,
          declineCode: charge.declineCode,
          failureMessage: charge.failureMessage,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/twilio/{practiceId}/status",
      tags: ["Outreach"],
      security: [],
      summary:
        "Twilio message status callback (X-Twilio-Signature verified, 400 INVALID_SIGNATURE otherwise; the same " +
        "report twice is one). undelivered/failed make the set Failed",
      request: { params: practiceParams },
      responses: {
        200: json(z.strictObject({ recorded: z.boolean() }), "Acknowledged"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const practiceId = recordId(c.req.valid("param").practiceId, "Practice");
      const params = await formParams(c.req.raw);
      assertSmsSignature(
        deps.outreach?.sms,
        c.req.header("x-twilio-signature"),
        twilioCallbackUrl(deps, practiceId, "status"),
        params,
      );
      return c.json(
        await handleSmsStatusCallback(deps.database, { practiceId, params, now: deps.clock.now() }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/twilio/{practiceId}/inbound",
      tags: ["Outreach"],
      security: [],
      summary:
        "Twilio inbound message (signature verified): on the timeline; STOP/START change the SMS preference; HELP " +
        "answers (TwiML) with the practice's contact",
      request: { params: practiceParams },
      responses: {
        200: { description: "TwiML", content: { "text/xml": { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const practiceId = recordId(c.req.valid("param").practiceId, "Practice");
      const params = await formParams(c.req.raw);
      assertSmsSignature(
        deps.outreach?.sms,
        c.req.header("x-twilio-signature"),
        twilioCallbackUrl(deps, practiceId, "inbound"),
        params,
      );
      const result = await handleInboundSms(deps.database, { practiceId, params, now: deps.clock.now() });
      const escapeXml = (t: string) => t.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
      const twiml = result.reply
        ? `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(result.reply)}</Message></Response>`
        : `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`;
      return c.body(twiml, 200, { "content-type": "text/xml; charset=utf-8" });
    },
  );
};
