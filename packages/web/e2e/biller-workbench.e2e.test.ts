import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tables } from "@billcycle/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Billcycle, PASSWORD, startBillcycle } from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";

/** The README's pictures, rewritten only on request (`UPDATE_SCREENSHOTS=1`), as in billcycle.e2e.test.ts. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : `${mkdtempSync(join(tmpdir(), "billcycle-shots-"))}/`;

let app: Billcycle;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const shot = async (name: string) => {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
};

const nav = (name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

/** Picks an option of a react-aria Select by its label, pressing again if a press is lost while it opens. */
const choose = async (label: string, option: string) => {
  // A Select's button is named by its value, then its label: "Secondary Rank".
  const select = page.getByRole("dialog").getByRole("button", { name: new RegExp(`(^|\\s)${label}$`) });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.getByRole("option", { name: option, exact: true }).click();
    const shown = await expect
      .poll(() => select.textContent(), { timeout: 3_000 })
      .toContain(option)
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    // No Escape here: with the popover already closed it would close the whole dialog.
    if (attempt === 3) throw new Error(`${label}: could not choose ${option}`);
  }
};

const longDate = (date: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));

/** The Scrubber Rejected claim the seed left in Harbor (its policy lost the member id), and its client. */
const rejectedClaim = async () => {
  const [row] = await app.database.db
    .select({
      claimId: tables.claims.id,
      policyId: tables.claims.policyId,
      clientId: tables.clients.id,
      firstName: tables.clients.firstName,
      lastName: tables.clients.lastName,
      dateOfBirth: tables.clients.dateOfBirth,
    })
    .from(tables.claims)
    .innerJoin(tables.clients, eq(tables.clients.id, tables.claims.clientId))
    .where(and(eq(tables.claims.practiceId, app.harbor), eq(tables.claims.status, "scrubber_rejected")))
    .orderBy(asc(tables.claims.id))
    .limit(1);
  if (!row) throw new Error("the seed left no Scrubber Rejected claim");
  return row;
};

describe("a biller's workbench in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [app, browser] = await Promise.all([startBillcycle(), launchBrowser()]);
    ({ context, page } = await newPage(browser, app.url));
    await page.goto("/");
    await page.getByLabel("Email").fill("biller@demo.billcycle.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
    // The biller's first practice by name is Harbor, where the seed left a Scrubber Rejected claim.
    expect(page.url()).toContain(`/p/${app.harbor}/`);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && process.env.E2E_FAILURE_SHOTS) {
      await page.screenshot({
        path: `${process.env.E2E_FAILURE_SHOTS}/${ctx.task.name.replace(/\W+/g, "-")}.png`,
      });
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
  });

  it("searches a client by name and date of birth, and adds a secondary policy held by the spouse", async () => {
    const c = await rejectedClaim();
    await nav("Clients");
    await page.getByRole("heading", { level: 1, name: "Clients" }).waitFor();
    const find = page.getByRole("search", { name: "Find clients" });
    await find.getByLabel("Name").fill(c.lastName.slice(0, 4).toLowerCase());
    await page.waitForURL(/[?&]q=/);
    await find.getByLabel("Date of birth").fill(c.dateOfBirth);
    // The name alone can match two clients of that name; the date of birth leaves one row.
    await page.waitForURL(/[?&]dob=/);
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    const link = page.getByRole("link", { name: `${c.lastName}, ${c.firstName}` });
    await link.waitFor();
    await shot("clients");
    await link.click();
    await page.getByRole("heading", { level: 1, name: `${c.firstName} ${c.lastName}` }).waitFor();
    const sections = page.getByRole("navigation", { name: "Client sections" });
    expect(await sections.getByRole("link", { name: "Billing" }).getAttribute("href")).toBe(
      `/p/${app.harbor}/clients/${c.clientId}?tab=billing`,
    );

    await page
      .getByRole("navigation", { name: "Client sections" })
      .getByRole("link", { name: "Insurance" })
      .click();
    const policies = page.getByRole("table", { name: "Insurance policies" });
    await policies.waitFor();
    const [payer] = await app.database.db
      .select({ name: tables.payers.name })
      .from(tables.payers)
      .where(eq(tables.payers.practiceId, app.harbor))
      .orderBy(asc(tables.payers.name))
      .limit(1);
    await page.getByRole("button", { name: "Add policy" }).click();
    const dialog = page.getByRole("dialog", { name: "Add insurance policy" });
    await choose("Payer", payer!.name);
    await choose("Rank", "Secondary");
    await dialog.getByLabel("Member ID").fill("SPZ-448120");
    await dialog.getByLabel("Group number (optional)").fill("GRP-77");
    await choose("Subscriber", "Client is the subscriber's spouse");
    await dialog.getByLabel("Subscriber first name").fill("Jordan");
    await dialog.getByLabel("Subscriber last name").fill(c.lastName);
    await dialog.getByLabel("Subscriber date of birth").fill("1979-04-12");
    await choose("Subscriber sex", "Male");
    await shot("client-add-policy");
    await dialog.getByRole("button", { name: "Add policy" }).click();
    await page.getByRole("status").filter({ hasText: "Policy added." }).waitFor();
    await policies.getByText("SPZ-448120").waitFor();
    expect(await policies.textContent()).toContain(
      `Jordan ${c.lastName}, born ${longDate("1979-04-12")} — client is the subscriber's spouse`,
    );
    await shot("client-insurance");

    const saved = await app.database.db
      .select()
      .from(tables.insurancePolicies)
      .where(
        and(
          eq(tables.insurancePolicies.clientId, c.clientId),
          eq(tables.insurancePolicies.memberId, "SPZ-448120"),
        ),
      );
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      rank: "secondary",
      groupNumber: "GRP-77",
      subscriberRelationship: "spouse",
      subscriber: { firstName: "Jordan", lastName: c.lastName, dateOfBirth: "1979-04-12", sex: "M" },
    });
  });

  it("fixes the member id the scrubber rejected from the claim, and the re-scrub passes", async () => {
    const c = await rejectedClaim();
    await page.goto(`/p/${app.harbor}/claims/${c.claimId}`);
    await page.getByRole("heading", { level: 1, name: /^Claim / }).waitFor();
    const fixes = page.getByRole("navigation", { name: "Fix what the scrubber rejected" });
    await fixes.waitFor();
    await shot("claim-scrubber-fix");
    await fixes.getByRole("link", { name: "Fix the member id on the client's insurance policy" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit primary policy" });
    await dialog.waitFor();
    await page.getByText("The scrubber rejected this policy's member id.").waitFor();
    await dialog.getByLabel("Member ID").fill("HOH-5512093");
    await dialog.getByRole("button", { name: "Save policy" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Policy saved." });
    await notice.waitFor();
    const [policy] = await app.database.db
      .select({ memberId: tables.insurancePolicies.memberId })
      .from(tables.insurancePolicies)
      .where(eq(tables.insurancePolicies.id, c.policyId));
    expect(policy?.memberId).toBe("HOH-5512093");

    await notice.getByRole("link", { name: "Back to the claim to re-scrub it" }).click();
    await page.getByRole("button", { name: "Re-scrub" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "The claim passes the scrubber now and is back in Awaiting Submission." })
      .waitFor();
    const [claim] = await app.database.db
      .select({ status: tables.claims.status })
      .from(tables.claims)
      .where(eq(tables.claims.id, c.claimId));
    expect(claim?.status).toBe("awaiting_submission");
  });

  it("sets the Late Cancel fee in Billing Settings from a session's hint, and invoices the session from its page", async () => {
    // Riverbend charges a No Show fee but no Late Cancel fee: its Late Cancel sessions say so.
    const [session] = await app.database.db
      .select({ id: tables.appointments.id })
      .from(tables.appointments)
      .where(
        and(eq(tables.appointments.practiceId, app.riverbend), eq(tables.appointments.status, "late_cancel")),
      )
      .orderBy(asc(tables.appointments.dateOfService))
      .limit(1);
    expect(session).toBeDefined();
    await page.goto(`/p/${app.riverbend}/sessions/${session!.id}`);
    const reasons = page.getByRole("list", { name: "Why this session was not billed" });
    await reasons.getByText("To fix: set a Late Cancel fee in billing settings.").waitFor();
    await reasons.getByRole("link", { name: "billing settings" }).waitFor();
    await reasons.getByRole("link", { name: "Set the Late Cancel fee" }).click();

    await page.getByRole("heading", { level: 1, name: "Billing Settings" }).waitFor();
    const fee = page.getByLabel("Late Cancel fee ($)");
    await expect.poll(() => fee.evaluate((el) => el === document.activeElement)).toBe(true);
    await fee.fill("40");
    await page.getByRole("button", { name: "Save missed session fees" }).click();
    await page.getByRole("status").filter({ hasText: "Missed session fees saved." }).waitFor();
    await shot("billing-settings");
    const [practice] = await app.database.db
      .select({ settings: tables.practices.billingSettings })
      .from(tables.practices)
      .where(eq(tables.practices.id, app.riverbend));
    expect(practice?.settings.lateCancelFeeCents).toBe(4000);
    expect(practice?.settings.noShowFeeCents).toBe(5000);

    await page.goBack();
    const billing = page.getByRole("region", { name: "Billing" });
    await billing.waitFor();
    await expect.poll(() => billing.textContent()).not.toContain("the practice charges no Late Cancel fee");

    // Fixed after the night's run, billed the same minute from its page.
    await billing.getByRole("button", { name: "Invoice now" }).click();
    await page.getByRole("heading", { level: 1, name: /^Invoice / }).waitFor();
    const billed = await app.database.db
      .select({ invoiceId: tables.invoiceLines.invoiceId, cents: tables.invoiceLines.amountCents })
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.appointmentId, session!.id));
    expect(billed).toHaveLength(1);
    // The Late Cancel fee just set ($40).
    expect(billed[0]!.cents).toBe(4000);
    expect(page.url()).toContain(`/invoices/${billed[0]!.invoiceId}`);
  });

  it("highlights one entry of the main menu: Denials alone on the Denials screen, Claims alone on Claims", async () => {
    const menu = page.getByRole("navigation", { name: "Main" });
    const current = () =>
      menu.locator('a[aria-current="page"]').evaluateAll((links) => links.map((a) => a.textContent?.trim()));
    await nav("Denials");
    await page.getByRole("heading", { level: 1, name: "Denials" }).waitFor();
    await expect.poll(current).toEqual(["Denials"]);
    await nav("Claims");
    await page.getByRole("heading", { level: 1, name: /Claims/ }).waitFor();
    await expect.poll(current).toEqual(["Claims"]);
  });

  it("shows the practice setup and its services with fees in dollars", async () => {
    await nav("Setup");
    await page.getByRole("table", { name: "Payers" }).waitFor();
    await shot("setup-payers");
    await page
      .getByRole("navigation", { name: "Setup sections" })
      .getByRole("link", { name: "Services and fees" })
      .click();
    const services = page.getByRole("table", { name: "Services and fees" });
    await services
      .getByText(/^\$\d+\.\d\d$/)
      .first()
      .waitFor();
    await shot("setup-services");
  });

  it("links a provider to the practice member who signs their notes (as the owner: a biller cannot edit providers)", async () => {
    const [provider] = await app.database.db
      .select({
        id: tables.providers.id,
        firstName: tables.providers.firstName,
        lastName: tables.providers.lastName,
      })
      .from(tables.providers)
      .where(and(eq(tables.providers.practiceId, app.harbor), isNull(tables.providers.userId)))
      .orderBy(asc(tables.providers.lastName))
      .limit(1);
    if (!provider) throw new Error("the seed left no Harbor provider without a user");
    const name = `${provider.firstName} ${provider.lastName}`;
    const owner = await newPage(browser, app.url);
    try {
      const p = owner.page;
      await p.goto("/");
      await p.getByLabel("Email").fill("owner@demo.billcycle.test");
      await p.getByLabel("Password").fill(PASSWORD);
      await p.getByRole("button", { name: "Sign in" }).click();
      await p.getByRole("navigation", { name: "Main" }).waitFor();
      await p.goto(`/p/${app.harbor}/setup/providers`);
      const table = p.getByRole("table", { name: "Providers" });
      await table.getByRole("button", { name: `Edit ${name}` }).click();
      const dialog = p.getByRole("dialog");
      const select = dialog.getByRole("button", { name: /User$/ });
      await expect.poll(() => select.isDisabled()).toBe(false);
      expect(await select.textContent()).toContain("No user");
      const option = "Olivia Owner (owner) — owner@demo.billcycle.test";
      for (let attempt = 1; !(await select.textContent())?.includes(option); attempt++) {
        if (attempt > 3) throw new Error(`could not choose ${option}`);
        await select.click();
        await p.getByRole("option", { name: option, exact: true }).click();
      }
      await p.waitForLoadState("networkidle").catch(() => undefined);
      await p.screenshot({ path: `${SCREENSHOTS}setup-provider-user.png` });
      await dialog.getByRole("button", { name: "Save" }).click();
      await p.getByText(`${name} saved.`).waitFor();
    } finally {
      await owner.context.close();
    }
    const [ownerUser] = await app.database.db
      .select({ id: tables.users.id })
      .from(tables.users)
      .where(eq(tables.users.email, "owner@demo.billcycle.test"));
    const [saved] = await app.database.db
      .select({ userId: tables.providers.userId })
      .from(tables.providers)
      .where(eq(tables.providers.id, provider.id));
    expect(saved?.userId).toBe(ownerUser?.id);
  });
});
