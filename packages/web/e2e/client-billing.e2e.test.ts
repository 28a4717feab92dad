import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createInvoices,
  generateSecretKey,
  openInvoices as openPendedInvoices,
  saveStripeSettings,
  signShareLink,
  systemActor,
  type TenantActor,
} from "@billcycle/app";
import { seedDemo } from "@billcycle/cli";
import { systemClock } from "@billcycle/core";
import { type Database, migrate, openDatabase, tables } from "@billcycle/db";
import { startServer } from "@billcycle/server";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { createAppointment, createClient, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { and, asc, eq, gt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, WEB_ROOT } from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";

/** The README's pictures, rewritten only on request (`UPDATE_SCREENSHOTS=1`), as in billcycle.e2e.test.ts. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : `${mkdtempSync(join(tmpdir(), "billcycle-shots-"))}/`;

const CARD_NUMBER = "4242424242424242";
const SHARE_LINK_KEY = randomBytes(32);

let dataDir: string;
let database: Database;
let fake: StripeFake;
let server: { url: string; close(): Promise<void> };
let harbor: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the browser sent to billcycle, with its body: the card number must be in none of them. */
const toBillcycle: string[] = [];

const shot = async (name: string) => {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
};

const signIn = async (p: Page, email: string) => {
  await p.goto("/");
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill(PASSWORD);
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
};

/** Picks an option of a react-aria Select in the open dialog by the Select's label. */
const choose = async (label: string, option: string) => {
  const select = page.getByRole("dialog").getByRole("button", { name: new RegExp(`(^|\\s)${label}$`) });
  await select.click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => select.textContent()).toContain(option);
};

const balance = async () =>
  (await page.getByLabel("Balance and credit").textContent())?.match(/^Balance(-?\$[\d,.]+)/)?.[1];

describe("a client's billing in a browser, with Stripe's card element from the Stripe fake", () => {
  let client: { id: string; name: string };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();
    dataDir = mkdtempSync(join(tmpdir(), "billcycle-e2e-billing-"));
    database = await openDatabase({ kind: "pglite", dataDir });
    await migrate(database);
    const summary = await seedDemo(database, new Date());
    if (!summary) throw new Error("demo data already present");
    harbor = summary.practices.find((p) => p.name.startsWith("Harbor"))!.id;
    fake = await startStripeFake();
    await saveStripeSettings(database, {
      actor: { ...systemActor(harbor, "e2e-setup"), practiceId: harbor } as TenantActor,
      input: {
        publishableKey: "pk_test_billcycle",
        secretKey: "sk_test_billcycle",
        webhookSecret: "whsec_billcycle",
        apiBaseUrl: fake.url,
        version: 0,
      },
      production: false,
      now: new Date(),
    });
    const [c] = await database.db
      .select({ id: tables.clients.id, first: tables.clients.firstName, last: tables.clients.lastName })
      .from(tables.clients)
      .where(and(eq(tables.clients.practiceId, harbor), eq(tables.clients.active, true)))
      .orderBy(asc(tables.clients.lastName), asc(tables.clients.id))
      .limit(1);
    if (!c) throw new Error("no client in Harbor");
    client = { id: c.id, name: `${c.first} ${c.last}` };
    server = await startServer(
      {
        database,
        clock: systemClock,
        logger: { info: () => undefined, error: () => undefined },
        webRoot: WEB_ROOT,
        stripeJsUrl: `${fake.url}/v3`,
        shareLinkKey: SHARE_LINK_KEY,
      },
      { port: 0, host: "127.0.0.1" },
    );
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, server.url));
    page.on("request", (r) => {
      if (r.url().startsWith(server.url)) toBillcycle.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`);
    });
    await signIn(page, "biller@demo.billcycle.test");
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close().catch(() => undefined);
    await fake?.stop();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
  });

  it("adds a card with Stripe's element: the number goes to Stripe only", async () => {
    await page.goto(`/p/${harbor}/clients/${client.id}?tab=billing`);
    await page.getByRole("heading", { level: 1, name: client.name }).waitFor();
    await page.getByText("No card on file").waitFor();
    await page.getByRole("button", { name: "Add card" }).click();
    const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
    await frame.getByLabel("Card number").fill(CARD_NUMBER);
    await frame.getByLabel("Expiration date MM / YY").fill("1234");
    await frame.getByLabel("CVC").fill("123");
    await frame.getByLabel("ZIP").fill("97201");
    await page.getByRole("button", { name: "Save card" }).click();
    await page.getByText("Card saved.").waitFor();
    const cards = page.getByRole("table", { name: "Cards on file" });
    await expect.poll(() => cards.textContent()).toContain("Visa •••• 4242");
    expect(await cards.textContent()).toContain("12/2034");
    expect(await cards.textContent()).toContain("Default");
    // Stripe (the fake) received the number from the browser; billcycle's server never did.
    const confirm = fake.requests.find((r) => /^\/v1\/setup_intents\/[^/]+\/confirm$/.test(r.path));
    expect(JSON.stringify(confirm?.params)).toContain(CARD_NUMBER);
    expect(toBillcycle.some((r) => r.includes(CARD_NUMBER) || r.includes("4242 4242"))).toBe(false);
  });

  it("takes a cash payment and a card payment; the balance changes with each", async () => {
    const before = await balance();
    await page.getByRole("button", { name: "Take payment" }).click();
    await page.getByRole("dialog", { name: "Take a payment" }).waitFor();
    await page.getByRole("dialog").getByRole("textbox", { name: "Amount ($)" }).fill("40");
    await page.getByRole("dialog").getByRole("button", { name: "Record payment" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(balance).not.toBe(before);
    const afterCash = await balance();

    await page.getByRole("button", { name: "Take payment" }).click();
    await choose("Method", "Card on file (visa 4242)");
    await page.getByRole("dialog").getByRole("textbox", { name: "Amount ($)" }).fill("25");
    await shot("client-billing-take-payment");
    await page.getByRole("dialog").getByRole("button", { name: "Charge card" }).click();
    await page.getByText("$25.00 charged to visa 4242.").waitFor();
    await expect.poll(balance).not.toBe(afterCash);
    const cents = (s: string | undefined) => Math.round(Number((s ?? "").replace(/[$,]/g, "")) * 100);
    expect(cents(await balance())).toBe(cents(afterCash) - 2_500);
    expect(fake.paymentIntents().filter((pi) => pi.status === "succeeded")).toHaveLength(1);
    const charges = page.getByRole("table", { name: "Card charges" });
    await expect.poll(() => charges.textContent()).toMatch(/succeeded/i);
  });

  it("refunds the card payment back to the card; the balance returns", async () => {
    const before = await balance();
    const payments = page.getByRole("table", { name: "Payments" });
    const cardRow = payments.getByRole("row").filter({ hasText: "visa 4242" });
    await cardRow.getByRole("button", { name: "Refund" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect.poll(() => dialog.textContent()).toContain("back to the card through Stripe");
    await dialog.getByRole("textbox", { name: "Reason" }).fill("charged by mistake");
    await dialog.getByRole("button", { name: "Refund" }).click();
    await dialog.waitFor({ state: "detached" });
    const cents = (s: string | undefined) => Math.round(Number((s ?? "").replace(/[$,]/g, "")) * 100);
    await expect.poll(async () => cents(await balance())).toBe(cents(before) + 2_500);
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.status === 200)).toHaveLength(1);
    await expect.poll(() => cardRow.textContent()).toContain("$25.00");
  });

  it("a card payment pays the invoice the biller chooses, not the oldest", async () => {
    // A self-pay client of Harbor with two bills issued (the demo has no client with two open), given a card the
    // way the first step did.
    const [provider] = await database.db
      .select({ id: tables.providers.id })
      .from(tables.providers)
      .where(eq(tables.providers.practiceId, harbor))
      .limit(1);
    const [location] = await database.db
      .select({ id: tables.locations.id })
      .from(tables.locations)
      .where(eq(tables.locations.practiceId, harbor))
      .limit(1);
    const [service] = await database.db
      .select({ id: tables.services.id })
      .from(tables.services)
      .where(
        and(
          eq(tables.services.practiceId, harbor),
          eq(tables.services.billable, true),
          gt(tables.services.feeCents, 0),
        ),
      )
      .limit(1);
    const [practice] = await database.db
      .select({ zone: tables.practices.timeZone })
      .from(tables.practices)
      .where(eq(tables.practices.id, harbor));
    if (!provider || !location || !service || !practice)
      throw new Error("Harbor lacks a provider, location or service");
    const now = new Date();
    const fixture: PracticeFixture = {
      practiceId: harbor,
      actor: { userId: null, practiceId: harbor, role: "owner", label: "e2e-setup" },
      zone: practice.zone,
      providerId: provider.id,
      locationId: location.id,
      services: { therapy: service.id, intake: service.id, nonBillable: service.id },
      payerId: provider.id,
    };
    const otherId = await createClient(database, fixture, now, { paysBy: "self_pay" });
    for (const daysAgo of [10, 3]) {
      const date = DateTime.fromJSDate(now, { zone: practice.zone }).minus({ days: daysAgo }).toISODate()!;
      const appointmentId = await createAppointment(database, fixture, otherId, now, {
        localStart: `${date}T09:00`,
        status: "kept",
      });
      await createInvoices(
        database,
        { practiceId: harbor, trigger: "manual", runId: null, today: date, appointmentIds: [appointmentId] },
        now,
      );
    }
    const pended = await database.db
      .select({ id: tables.invoices.id })
      .from(tables.invoices)
      .where(and(eq(tables.invoices.clientId, otherId), eq(tables.invoices.status, "pended")));
    if (pended.length > 0)
      await openPendedInvoices(database, { actor: fixture.actor, invoiceIds: pended.map((r) => r.id), now });
    const other = { id: otherId, first: "Test", last: "Client" };
    await page.goto(`/p/${harbor}/clients/${other.id}?tab=billing`);
    await page.getByRole("heading", { level: 1, name: `${other.first} ${other.last}` }).waitFor();
    await page.getByRole("button", { name: "Add card" }).click();
    const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
    await frame.getByLabel("Card number").fill(CARD_NUMBER);
    await frame.getByLabel("Expiration date MM / YY").fill("1234");
    await frame.getByLabel("CVC").fill("123");
    await frame.getByLabel("ZIP").fill("97201");
    await page.getByRole("button", { name: "Save card" }).click();
    await page.getByText("Card saved.").waitFor();

    type Open = { invoiceId: string; invoiceNumber: string; openCents: number };
    const openInvoices = () =>
      page.evaluate(
        async ({ practiceId, clientId }) =>
          (
            (await (await fetch(`/api/v1/practices/${practiceId}/clients/${clientId}/balance`)).json()) as {
              openInvoices: Open[];
            }
          ).openInvoices,
        { practiceId: harbor, clientId: other.id },
      );
    const before = await openInvoices();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const oldest = before[0]!;
    const chosen = before.at(-1)!;
    await page.getByRole("button", { name: "Take payment" }).click();
    await choose("Method", "Card on file (visa 4242)");
    await choose("Apply to", "Chosen invoices");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Amount ($)" }).fill((chosen.openCents / 100).toFixed(2));
    await dialog
      .getByRole("checkbox", { name: new RegExp(`^${chosen.invoiceNumber} `) })
      .click({ force: true });
    await dialog.getByRole("button", { name: "Charge card" }).click();
    await page.getByText(`${(chosen.openCents / 100).toFixed(2)} charged to visa 4242.`).waitFor();
    const open = page.getByRole("table", { name: "Open invoices" });
    await expect.poll(() => open.textContent()).not.toContain(chosen.invoiceNumber);
    // Oldest first would have paid the oldest bill; the chosen one is paid and the oldest is as it was.
    const after = await openInvoices();
    expect(after.map((o) => o.invoiceId)).not.toContain(chosen.invoiceId);
    expect(after.find((o) => o.invoiceId === oldest.invoiceId)?.openCents).toBe(oldest.openCents);
    await page.goto(`/p/${harbor}/clients/${client.id}?tab=billing`);
    await page.getByRole("heading", { level: 1, name: client.name }).waitFor();
  });

  it("shows an issued statement's share state, and changes a client setting after its confirmation", async () => {
    // A statement issued by hand (the API the CLI also uses), from the page so it carries the biller's session.
    const status = await page.evaluate(
      async ({ practiceId, clientId }) => {
        const res = await fetch(`/api/v1/practices/${practiceId}/clients/${clientId}/statements`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from: "2020-01-01", to: new Date().toISOString().slice(0, 10) }),
        });
        return res.status;
      },
      { practiceId: harbor, clientId: client.id },
    );
    expect(status).toBe(201);
    await page.reload();
    const docs = page.getByRole("table", { name: "Documents" });
    await docs.waitFor();
    const row = docs.getByRole("row").filter({ hasText: "Statement" });
    await expect.poll(() => row.textContent()).toMatch(/Scheduled|Not shared/);
    expect(await row.getByRole("link", { name: "Download PDF" }).getAttribute("href")).toMatch(
      /\/documents\/[0-9a-f-]+\/pdf$/,
    );

    const form = page.getByRole("form", { name: "Client billing settings" });
    await form.getByRole("checkbox", { name: "Autopay with the default card" }).click({ force: true });
    await form.getByRole("button", { name: "Save billing settings" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change this client's billing settings?" });
    await expect.poll(() => dialog.textContent()).toContain("Autopay charges the default card");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("Billing settings saved.").waitFor();
    const [saved] = await database.db
      .select({ autopay: tables.clients.autopay })
      .from(tables.clients)
      .where(eq(tables.clients.id, client.id));
    expect(saved?.autopay).toBe(true);
    await page.getByRole("heading", { name: "Balance" }).scrollIntoViewIfNeeded();
    await shot("client-billing");
  });

  it("the client opens the statement from a signed link, without signing in", async () => {
    const [doc] = await database.db
      .select({ id: tables.documents.id, number: tables.documents.number })
      .from(tables.documents)
      .where(and(eq(tables.documents.practiceId, harbor), eq(tables.documents.clientId, client.id)));
    if (!doc) throw new Error("no document issued");
    const token = signShareLink(SHARE_LINK_KEY, {
      practiceId: harbor,
      documentId: doc.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const visitor = await newPage(browser, server.url);
    try {
      await visitor.page.goto(`/d/${token}`);
      await expect.poll(() => visitor.page.textContent("body")).toContain(doc.number);
      await visitor.page.screenshot({ path: `${SCREENSHOTS}shared-document.png` });
      const forged = await visitor.page.goto(`/d/${token.slice(0, -2)}xx`);
      expect(forged?.status()).toBeGreaterThanOrEqual(400);
    } finally {
      await visitor.context.close();
    }
  });

  it("the owner turns Autopay on in Billing Settings › Billing Automation, after its confirmation", async () => {
    const owner = await newPage(browser, server.url);
    const p = owner.page;
    try {
      await signIn(p, "owner@demo.billcycle.test");
      await p.goto(`/p/${harbor}/settings/billing`);
      await p.getByRole("heading", { name: "Billing Automation" }).waitFor();
      await p.getByRole("switch", { name: "Autopay" }).click({ force: true });
      const dialog = p.getByRole("alertdialog", { name: "Enable Autopay?" });
      await expect.poll(() => dialog.textContent()).toContain("12:30am");
      await dialog.getByRole("button", { name: "Enable" }).click();
      await p.getByText("Autopay enabled.").waitFor();
      const sharing = p.getByRole("form", { name: "Automatically sharing billing documents" });
      await sharing.getByLabel("Share after (minutes)").fill("30");
      await expect.poll(() => sharing.textContent()).toContain("set at least 60 minutes");
      await p.getByRole("heading", { name: "Billing Automation" }).scrollIntoViewIfNeeded();
      await p.waitForLoadState("networkidle").catch(() => undefined);
      await p.screenshot({ path: `${SCREENSHOTS}billing-automation.png`, fullPage: true });
      const [config] = await database.db
        .select({ config: tables.automationConfigs.config })
        .from(tables.automationConfigs)
        .where(eq(tables.automationConfigs.practiceId, harbor));
      expect(config?.config.automations.autopay.enabled).toBe(true);
    } finally {
      await owner.context.close();
    }
  });
});
