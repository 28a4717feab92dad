import { openPayPage, payOutreachSet } from "@billcycle/app";
import { DomainError, dollarsToCents, formatCents } from "@billcycle/core";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { escapeHtml, linkRefusal, linkToken, page } from "../shared-documents/shared-document-page";
import { payLinkKeyOf } from "./outreach-route-support";

const tokenOf = (c: Context<HonoEnv>): string => linkToken(c, "PAY_LINK_INVALID");

const refusalHeadings = {
  PAY_LINK_EXPIRED: "This link has expired",
  PAY_LINK_INVALID: "This link is not valid",
  default: "The payment was not taken",
};
/** A refused link or payment: a page the patient understands, with the status and code the API gives it. */
const refusal = (c: Context<HonoEnv>, e: unknown) => linkRefusal(c, e, refusalHeadings);

/**
 * The page a pay link in an outreach text or email opens (`/pay/<token>`; the signed token is the credential, as
 * for `/d/<token>`): the amount outstanding now, and a form that pays it, or part of it, with the card on file. The
 * form carries an idempotency key made when the page was shown, so a double submit charges once. No script: a
 * plain form post, answered with a page.
 */
export const registerPayPage = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const open = (token: string) =>
    openPayPage(deps.database, { token, linkKey: payLinkKeyOf(deps), now: deps.clock.now() });

  app.get("/pay/:token", async (c) => {
    try {
      const token = tokenOf(c);
      const due = await open(token);
      const title = `Pay ${due.practiceName}`;
      const greeting = `<h1>${escapeHtml(title)}</h1><p>Hello ${escapeHtml(due.firstName)}.</p>`;
      if (due.amountOutstandingCents <= 0) {
        return c.html(page(title, `${greeting}<p>Nothing is due. Thank you.</p>`), 200);
      }
      const owed = `<p>The amount outstanding is <strong>${formatCents(due.amountOutstandingCents)}</strong>.</p>`;
      if (!due.card) {
        return c.html(
          page(
            title,
            `${greeting}${owed}<p>There is no card on file to pay with: please call the office.</p>`,
          ),
          200,
        );
      }
      const card = `${escapeHtml(due.card.brand ?? "card")} ending ${escapeHtml(due.card.last4 ?? "")}`;
      const form =
        `<form method="post">` +
        `<label>Amount in dollars <input name="amount" inputmode="decimal" required ` +
        `value="${(due.amountOutstandingCents / 100).toFixed(2)}"></label> ` +
        `<input type="hidden" name="key" value="${crypto.randomUUID()}">` +
        `<button type="submit">Pay with the ${card}</button></form>`;
      const expiry = `<p>This link works until ${due.linkExpiresAt.slice(0, 10)}.</p>`;
      return c.html(page(title, `${greeting}${owed}${form}${expiry}`), 200);
    } catch (e) {
      return refusal(c, e);
    }
  });

  app.post("/pay/:token", async (c) => {
    try {
      const token = tokenOf(c);
      const form = new URLSearchParams(await c.req.text());
      const key = form.get("key") ?? "";
      if (key.length < 8 || key.length > 100) {
        throw new DomainError("VALIDATION_FAILED", "The form was not complete: open the link again");
      }
      const { charge } = await payOutreachSet(deps.database, {
        token,
        linkKey: payLinkKeyOf(deps),
        amountCents: dollarsToCents(form.get("amount") ?? ""),
        idempotencyKey: key,
        now: deps.clock.now(),
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      const due = await open(token);
      const left =
        due.amountOutstandingCents > 0
          ? `<p>The amount outstanding is now ${formatCents(due.amountOutstandingCents)}.</p>`
          : "<p>Nothing more is due.</p>";
      const title = `Pay ${due.practiceName}`;
      const outcome =
        charge.status === "succeeded"
          ? `<h1>Thank you</h1><p>${formatCents(charge.amountCents)} was paid.</p>${left}`
          : charge.status === "declined" || charge.status === "failed"
            ? `<h1>The card was not charged</h1><p>${escapeHtml(charge.failureMessage ?? "")} Nothing was ` +
              `taken; please call the office.</p>`
            : `<h1>The payment is being processed</h1><p>${formatCents(charge.amountCents)} will show once ` +
              `the card's bank answers.</p>`;
      return c.html(page(title, outcome), 200);
    } catch (e) {
      return refusal(c, e);
    }
  });
};
