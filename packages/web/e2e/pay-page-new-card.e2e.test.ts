import { generateSecretKey, signPayLink, startOutreachSet } from "@billcycle/app";
import { systemClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { startServer } from "@billcycle/server";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { defaultRuleSet, PAY_KEY, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import { stripePractice } from "@billcycle/testing/stripe-practice";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";

process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();
const CARD_NUMBER = "5555555555554444";

let database: TestDatabase;
let fake: StripeFake;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the browser sent to billcycle (the card number must be in none of it) and what its policy refused. */
const toBillcycle: string[] = [];
const refusedByPolicy: string[] = [];

describe("a patient pays a pay link with a new card in Stripe's element (the Stripe fake's Stripe.js)", () => {
  let setId: string;
  let clientId: string;
  let token: string;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    fake = await startStripeFake();
    const now = systemClock.now();
    const p = await stripePractice(database, fake, now, "Lakeside Therapy");
    await defaultRuleSet(database, p, now);
    ({ clientId } = await patientWithBalance(database, p, now, ["2026-03-02"], { firstName: "Robin" }));
    setId = await startOutreachSet(database, { actor: p.actor, clientId, now });
    token = signPayLink(PAY_KEY, {
      practiceId: p.practiceId,
      setId,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    server = await startServer(
      {
        database,
        clock: systemClock,
        logger: { info: () => undefined, error: () => undefined },
        stripeJsUrl: `${fake.url}/v3`,
        outreach: { payLinkKey: PAY_KEY },
      },
      { port: 0, host: "127.0.0.1" },
    );
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, server.url));
    page.on("request", (r) => {
      if (r.url().startsWith(server.url)) toBillcycle.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`);
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refusedByPolicy.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close().catch(() => undefined);
    await fake?.stop();
    await database?.dispose();
  });

  const fillCard = async () => {
    const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
    await frame.getByLabel("Card number").fill(CARD_NUMBER);
    await frame.getByLabel("Expiration date MM / YY").fill("1234");
    await frame.getByLabel("CVC").fill("123");
    await frame.getByLabel("ZIP").fill("97201");
  };
  const setStatus = async () =>
    (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, setId)))[0]!
      .status;
  const succeeded = () => fake.paymentIntents().filter((pi) => pi.status === "succeeded");

  it("pays part with a new card not kept (a double click charges once), then the rest with the card saved", async () => {
    await page.goto(`/pay/${encodeURIComponent(token)}`);
    await page.getByText("$175.00").waitFor();
    await page.getByRole("link", { name: "Pay with a new card" }).click();
    await page.getByRole("heading", { level: 1, name: "Pay Lakeside Therapy" }).waitFor();
    await fillCard();
    await page.getByLabel("Amount in dollars").fill("75");
    await page.getByRole("button", { name: "Pay" }).dblclick();
    await page.getByText("$75.00 was paid.").waitFor();
    expect(await page.textContent("main")).toContain("The amount outstanding is now $100.00");
    expect(succeeded().map((pi) => pi.amount)).toEqual([7500]);
    // Not ticked: the card is not on file.
    expect(
      await database.db.select().from(tables.clientCards).where(eq(tables.clientCards.clientId, clientId)),
    ).toEqual([]);
    expect(await setStatus()).toBe("active");

    await page.goto(`/pay/${encodeURIComponent(token)}/new-card`);
    await fillCard();
    await page.getByLabel("Save this card for later payments").check();
    await page.getByRole("button", { name: "Pay" }).click();
    await page.getByText("$100.00 was paid.").waitFor();
    expect(await page.textContent("main")).toContain("Nothing more is due.");
    expect(await setStatus()).toBe("paid");
    expect(succeeded().map((pi) => pi.amount)).toEqual([7500, 10000]);
    const cards = await database.db
      .select()
      .from(tables.clientCards)
      .where(eq(tables.clientCards.clientId, clientId));
    expect(cards.map((c) => [c.brand, c.last4, c.isDefault])).toEqual([["mastercard", "4444", true]]);

    // The number went from the browser to Stripe (the fake) only; the page's policy refused nothing it needed.
    const confirms = fake.requests.filter((r) => /^\/v1\/setup_intents\/[^/]+\/confirm$/.test(r.path));
    expect(confirms).toHaveLength(2);
    expect(JSON.stringify(confirms[0]?.params)).toContain(CARD_NUMBER);
    expect(toBillcycle.some((r) => r.includes(CARD_NUMBER) || r.includes("5555 5555"))).toBe(false);
    expect(refusedByPolicy).toEqual([]);
  });
});
