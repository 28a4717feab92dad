import {
  type ChargeCardResult,
  openPayPage,
  payOutreachSet,
  payOutreachSetWithNewCard,
  startPayLinkCardSetup,
} from "@billcycle/app";
import { DomainError, dollarsToCents, formatCents } from "@billcycle/core";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { STRIPE_JS_URL } from "../../http/stripe-js";
import { escapeHtml, linkRefusal, linkToken, page } from "../shared-documents/shared-document-page";
import { payLinkKeyOf } from "./outreach-route-support";
import { PAY_NEW_CARD_SCRIPT } from "./pay-page-new-card-script";

const tokenOf = (c: Context<HonoEnv>): string => linkToken(c, "PAY_LINK_INVALID");

const refusalHeadings = {
  PAY_LINK_EXPIRED: "This link has expired",
  PAY_LINK_INVALID: "This link is not valid",
  default: "The payment was not taken",
};
/** A refused link or payment: a page the patient understands, with the status and code the API gives it. */
const refusal = (c: Context<HonoEnv>, e: unknown) => linkRefusal(c, e, refusalHeadings);

/** The form's idempotency key: made when the page was shown, so a double submit charges once. */
const keyOf = (form: URLSearchParams): string => {
  const key = form.get("key") ?? "";
  if (key.length < 8 || key.length > 100) {
    throw new DomainError("VALIDATION_FAILED", "The form was not complete: open the link again");
  }
  return key;
};

const amountField = (cents: number) =>
  `<label>Amount in dollars <input name="amount" inputmode="decimal" required ` +
  `value="${(cents / 100).toFixed(2)}"></label> ` +
  `<input type="hidden" name="key" value="${crypto.randomUUID()}">`;

/**
 * The page a pay link in an outreach text or email opens (`/pay/<token>`; the signed token is the credential, as
 * for `/d/<token>`): the amount outstanding now, and a form that pays it, or part of it, with the card on file; and
 * `/pay/<token>/new-card`, where the patient pays with a new card in Stripe's card element. Each form carries an
 * idempotency key made when the page was shown, so a double submit charges once. `/pay/<token>` has no script (a
 * plain form post, answered with a page); the new-card page runs Stripe.js and one inline script, allowed by hash
 * (security-headers.ts).
 */
export const registerPayPage = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const open = (token: string) =>
    openPayPage(deps.database, { token, linkKey: payLinkKeyOf(deps), now: deps.clock.now() });
  const stripe = () => ({ ...deps.stripe, production: deps.production === true });

  /** What the patient sees once a payment was asked for: paid, declined or still with the bank. */
  const outcomePage = async (c: Context<HonoEnv>, token: string, { charge }: ChargeCardResult) => {
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
  };

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
      const newCard = due.takesNewCard
        ? `<p><a href="${escapeHtml(`/pay/${encodeURIComponent(token)}/new-card`)}">Pay with a new card</a></p>`
        : "";
      if (!due.card) {
        const none = due.takesNewCard
          ? "<p>There is no card on file.</p>"
          : "<p>There is no card on file to pay with: please call the office.</p>";
        return c.html(page(title, `${greeting}${owed}${none}${newCard}`), 200);
      }
      const card = `${escapeHtml(due.card.brand ?? "card")} ending ${escapeHtml(due.card.last4 ?? "")}`;
      const form =
        `<form method="post">${amountField(due.amountOutstandingCents)}` +
        `<button type="submit">Pay with the ${card}</button></form>`;
      const expiry = `<p>This link works until ${due.linkExpiresAt.slice(0, 10)}.</p>`;
      return c.html(page(title, `${greeting}${owed}${form}${newCard}${expiry}`), 200);
    } catch (e) {
      return refusal(c, e);
    }
  });

  app.post("/pay/:token", async (c) => {
    try {
      const token = tokenOf(c);
      const form = new URLSearchParams(await c.req.text());
      const result = await payOutreachSet(deps.database, {
        token,
        linkKey: payLinkKeyOf(deps),
        amountCents: dollarsToCents(form.get("amount") ?? ""),
        idempotencyKey: keyOf(form),
        now: deps.clock.now(),
        stripe: stripe(),
      });
      return outcomePage(c, token, result);
    } catch (e) {
      return refusal(c, e);
    }
  });

  /**
   * A new card: a SetupIntent for this link's patient, and Stripe's card element. The page's script confirms the
   * card with Stripe (the number goes there only), then posts the form with the SetupIntent's id.
   */
  app.get("/pay/:token/new-card", async (c) => {
    try {
      const token = tokenOf(c);
      const due = await open(token);
      const title = `Pay ${due.practiceName}`;
      if (due.amountOutstandingCents <= 0) {
        return c.html(page(title, `<h1>${escapeHtml(title)}</h1><p>Nothing is due. Thank you.</p>`), 200);
      }
      const setup = await startPayLinkCardSetup(deps.database, {
        token,
        linkKey: payLinkKeyOf(deps),
        now: deps.clock.now(),
        stripe: stripe(),
      });
      const form =
        `<form id="new-card" method="post" data-publishable-key="${escapeHtml(setup.publishableKey)}" ` +
        `data-client-secret="${escapeHtml(setup.clientSecret)}">` +
        `<p>${amountField(due.amountOutstandingCents)}</p>` +
        `<input type="hidden" name="setupIntent" value="">` +
        `<div id="card-element" aria-label="Card"></div><p id="card-error" role="alert"></p>` +
        `<p><label><input type="checkbox" name="save" value="yes"> Save this card for later payments</label></p>` +
        `<button type="submit">Pay</button></form>`;
      const body =
        `<h1>${escapeHtml(title)}</h1><p>Hello ${escapeHtml(due.firstName)}. The amount outstanding is ` +
        `<strong>${formatCents(due.amountOutstandingCents)}</strong>.</p>` +
        `<p>The card is entered in Stripe's own form and goes to Stripe only.</p>${form}` +
        `<script src="${escapeHtml(deps.stripeJsUrl ?? STRIPE_JS_URL)}"></script>` +
        `<script>${PAY_NEW_CARD_SCRIPT}</script>`;
      return c.html(page(title, body), 200);
    } catch (e) {
      return refusal(c, e);
    }
  });

  app.post("/pay/:token/new-card", async (c) => {
    try {
      const token = tokenOf(c);
      const form = new URLSearchParams(await c.req.text());
      const result = await payOutreachSetWithNewCard(deps.database, {
        token,
        linkKey: payLinkKeyOf(deps),
        amountCents: dollarsToCents(form.get("amount") ?? ""),
        idempotencyKey: keyOf(form),
        setupIntentId: form.get("setupIntent") ?? "",
        save: form.get("save") === "yes",
        now: deps.clock.now(),
        stripe: stripe(),
      });
      return outcomePage(c, token, result);
    } catch (e) {
      return refusal(c, e);
    }
  });
};
