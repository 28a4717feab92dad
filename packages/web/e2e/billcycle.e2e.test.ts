import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tables } from "@billcycle/db";
import { era835 } from "@billcycle/testing/x12-files";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Billcycle,
  firstSubmittedClaim,
  PASSWORD,
  pickSessions,
  type SessionPick,
  startBillcycle,
} from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";

/**
 * The README's pictures: rewritten only on request (`UPDATE_SCREENSHOTS=1`), so a test run does not change
 * tracked files; otherwise the pictures are still taken, into a temporary directory.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : `${mkdtempSync(join(tmpdir(), "billcycle-shots-"))}/`;

let app: Billcycle;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sessions: { toKeep: SessionPick; unsigned: SessionPick };

const shot = async (name: string, p: Page = page) => {
  // Let fetches settle and the UI paint before the picture.
  await p.waitForLoadState("networkidle").catch(() => undefined);
  await p.screenshot({ path: `${SCREENSHOTS}${name}.png` });
};

const signIn = async (p: Page, email: string) => {
  await p.goto("/");
  await p.getByRole("heading", { name: "Sign in" }).waitFor();
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill(PASSWORD);
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
};

/** Picks an option of a react-aria Select by its label (within `scope`, e.g. a filter bar). */
const choose = async (p: Page, label: string, option: string, scope: Locator | Page = p) => {
  const select = scope.getByRole("button", { name: label });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await p.getByRole("option", { name: option, exact: true }).click();
    // The Select now shows the choice (a press while its popover still opens can be lost: press again).
    const shown = await expect
      .poll(() => select.textContent(), { timeout: 3_000 })
      .toContain(option)
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`${label}: could not choose ${option}`);
    await p.keyboard.press("Escape");
  }
};

const filters = (p: Page) => p.getByRole("search");

/**
 * Filters a list by client: types the name into the Client combobox and picks the option. The list
 * can re-render while its popover opens and the press is lost (the popover then closes): type and
 * press again, until the address holds a new client filter.
 */
const filterByClient = async (p: Page, name: string) => {
  const client = () => new URL(p.url()).searchParams.get("client");
  const before = client();
  const box = p.getByRole("combobox", { name: "Client" });
  for (let attempt = 1; ; attempt++) {
    await box.fill(name);
    await p
      .getByRole("option", { name })
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    const applied = await expect
      .poll(() => client() !== null && client() !== before, { timeout: 3_000 })
      .toBe(true)
      .then(() => true)
      .catch(() => false);
    if (applied) return;
    if (attempt === 3) throw new Error(`Client: could not pick ${name}`);
    await p.keyboard.press("Escape");
  }
};

/** A practice-local date as the screens write it: "Tue, Nov 18, 2025". */
const longDate = (date: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));

/** Opens a session from the list, filtered by its client and status. */
const openSession = async (p: Page, s: SessionPick, status: string) => {
  await filterByClient(p, s.clientName);
  await choose(p, "Status", status, filters(p));
  await p.getByRole("link", { name: `Session: ${s.clientName} on ${longDate(s.dateOfService)}` }).click();
  await p.getByRole("heading", { level: 1, name: `Session with ${s.clientName}` }).waitFor();
};

const nav = (p: Page, name: string) =>
  p.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

/** Switches practice with the switcher, and waits until the whole frame belongs to the new one. */
const switchPractice = async (p: Page, name: string, practiceId: string) => {
  await choose(p, "Practice", name);
  await p.waitForURL(`**/p/${practiceId}/**`);
  await p.locator(`nav[aria-label="Main"] a[href="/p/${practiceId}/invoices"]`).waitFor();
};

const invoiceCreation = () => page.getByRole("region", { name: "Invoice Creation" });

describe("billcycle in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [app, browser] = await Promise.all([startBillcycle(), launchBrowser()]);
    sessions = await pickSessions(app.database, app.riverbend);
    ({ context, page } = await newPage(browser, app.url));
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

  it("signs in and switches to the practice to work in", async () => {
    await page.goto("/");
    await page.waitForURL(/\/signin/);
    await page.getByLabel("Email").fill("owner@demo.billcycle.test");
    await shot("sign-in");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("do not match");

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
    // Two practices: the first by name opens, the switcher moves to the other.
    expect(page.url()).toContain(`/p/${app.harbor}/sessions`);
    await switchPractice(page, "Riverbend Counseling", app.riverbend);
    expect(page.url()).toContain(`/p/${app.riverbend}/sessions`);
  });

  it("enables Invoice Creation through its confirmation", async () => {
    await nav(page, "Automation settings");
    await page.getByRole("heading", { level: 1, name: "Automation Settings" }).waitFor();
    const toggle = page.getByRole("switch", { name: "Invoice Creation" });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });

    const dialog = page.getByRole("alertdialog", { name: "Enable Invoice Creation?" });
    await dialog.waitFor();
    const words = await dialog.textContent();
    expect(words).toContain("creates an invoice for each kept session");
    expect(words).toContain("every night at 11:00 PM, practice time (America/Chicago)");
    expect(words).toContain("First run:");
    // Focus is inside the dialog, on Cancel.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await shot("automation-settings");

    await dialog.getByRole("button", { name: "Enable" }).click();
    await page.getByRole("status").filter({ hasText: "Invoice Creation enabled." }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await invoiceCreation().textContent()).toContain("next run");
  });

  it("adds an exclusion rule and shows what it excludes in words", async () => {
    await invoiceCreation().getByRole("button", { name: "Exclusion rules for Invoice Creation (0)" }).click();
    await invoiceCreation().getByRole("button", { name: "+ Add rule (or)" }).click();
    await invoiceCreation().getByLabel("Rule name").fill("Small balances");
    await choose(page, "Small balances, condition 1 field", "Amount");
    await choose(page, "Small balances, condition 1 operator", "is between");
    await page.getByLabel("Small balances, condition 1 amount from").fill("0");
    await page.getByLabel("Small balances, condition 1 amount to").fill("10");
    await page.getByRole("button", { name: "Add condition to Small balances" }).click();
    await choose(page, "Small balances, condition 2 value", "Self-pay");

    const expected = "Excludes items where (amount between $0.00 and $10.00 and client pays by = self-pay).";
    expect(await page.getByTestId("rules-words-invoice_creation").textContent()).toBe(expected);
    await page.getByRole("button", { name: "Save Invoice Creation rules" }).click();
    await page.getByRole("status").filter({ hasText: "Invoice Creation exclusion rules saved." }).waitFor();
    // The server's own sentence for the saved rules says the same.
    await invoiceCreation().getByText(expected, { exact: true }).first().waitFor();
    await invoiceCreation()
      .getByRole("button", { name: "Exclusion rules for Invoice Creation (1)" })
      .waitFor();
  });

  it("switches to on-Kept, marks a session Kept and its invoice appears", async () => {
    await invoiceCreation().getByText("On Kept", { exact: true }).click();
    await invoiceCreation().getByRole("button", { name: "Save mode" }).click();
    await page.getByRole("status").filter({ hasText: "Invoice creation mode: On Kept." }).waitFor();

    const s = sessions.toKeep;
    await nav(page, "Sessions");
    await openSession(page, s, "Upcoming");

    await page.getByRole("button", { name: "Write and sign note" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign note" }).click();
    await page.getByText(/^Signed /).waitFor();
    await page.getByRole("button", { name: "Mark Kept" }).click();

    // The worker invoices it on Kept; the page shows the invoice as soon as it exists.
    const invoiceLink = page.getByRole("region", { name: "Billing" }).getByRole("link", { name: /^INV-/ });
    await invoiceLink.waitFor({ timeout: 20_000 });
    const number = (await invoiceLink.textContent()) ?? "";
    await invoiceLink.click();
    await page.getByRole("heading", { level: 1, name: `Invoice ${number}` }).waitFor();
    expect(await page.getByRole("region", { name: "Summary" }).textContent()).toContain("on kept");

    await nav(page, "Invoices");
    await page.getByRole("link", { name: number, exact: true }).waitFor();
  });

  it("shows why another session was not billed, and fixing it clears the way", async () => {
    const s = sessions.unsigned;
    await nav(page, "Sessions");
    await filterByClient(page, s.clientName);
    await choose(page, "Status", "Kept", filters(page));
    await page.getByText("Not billed: progress note not signed").first().waitFor();
    await shot("sessions");

    await page
      .getByRole("link", { name: `Session: ${s.clientName} on ${longDate(s.dateOfService)}` })
      .click();
    const reasons = page.getByRole("list", { name: "Why this session was not billed" });
    await reasons.getByText("Progress note not signed.").waitFor();
    await shot("session-why-not-billed");

    await reasons.getByRole("button", { name: "Sign the progress note" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign note" }).click();
    await page.getByText("Not billed yet, and nothing stands in the way.").waitFor();
    expect(await page.getByRole("region", { name: "Billing" }).textContent()).toContain(
      "It will be invoiced at the next run",
    );
    // Focus came back out of the closed dialog to the page.
    expect(await page.getByRole("alertdialog").count()).toBe(0);
  });

  it("shows the calendar week", async () => {
    await nav(page, "Sessions");
    await page.getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("heading", { level: 3, name: /today/ }).waitFor();
    await shot("sessions-calendar");
  });

  it("works through invoices, the review queue, claims and runs in the other practice", async () => {
    await switchPractice(page, "Harbor Occupational Health", app.harbor);
    await nav(page, "Invoices");
    await page.getByRole("link", { name: /^INV-/ }).first().waitFor();
    await shot("invoices");
    await choose(page, "Status", "Processed", filters(page));
    await expect
      .poll(async () => {
        const statuses = await page.getByRole("row").locator("td:nth-child(4)").allTextContents();
        return statuses.length > 0 && statuses.every((t) => t === "Processed");
      })
      .toBe(true);

    await page.getByRole("link", { name: "Pended review" }).click();
    await page
      .getByRole("checkbox", { name: /^Select invoice INV-/ })
      .first()
      .check({ force: true });
    await page
      .getByRole("checkbox", { name: /^Select invoice INV-/ })
      .nth(1)
      .check({ force: true });
    await page.getByRole("button", { name: "Open selected (2)" }).click();
    await shot("pended-review");
    await page.getByRole("alertdialog").getByRole("button", { name: "Open invoices" }).click();
    await page.getByRole("status").filter({ hasText: "2 invoices opened." }).waitFor();

    await nav(page, "Claims");
    const submitted = page.getByRole("region", { name: "Submitted" });
    await submitted.getByRole("link", { name: /\$/ }).first().waitFor();
    await shot("claims-board");
    await submitted.getByRole("link", { name: /\$/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /^Claim / }).waitFor();
    const history = await page.getByRole("region", { name: "History" }).textContent();
    expect(history).toContain("Awaiting Submission → Submitted");
    // The X12 pipeline scrubbed it on the way out: one scrub, nothing blocking.
    const scrubs = page.getByRole("table", { name: "Scrubber messages" });
    expect(await scrubs.textContent()).toContain("No findings: the claim passed.");
    expect(await scrubs.textContent()).not.toContain("Blocks sending");
    await shot("claim-detail");

    await nav(page, "Automation runs");
    await page.getByRole("heading", { level: 1, name: "Automation runs" }).waitFor();
    await page
      .getByRole("link", { name: /^Invoice Processing run of .*: outcomes$/ })
      .first()
      .waitFor();
    await shot("automation-runs");
    await choose(page, "Automation", "Invoice Creation", filters(page));
    await page
      .getByRole("link", { name: /^Invoice Creation run of .*: outcomes$/ })
      .last()
      .click();
    const outcomes = page.getByRole("region", { name: /^Invoice Creation, night of/ });
    await outcomes.getByRole("row").nth(1).waitFor();
    await choose(page, "Reason", "note not signed", outcomes.getByRole("search"));
    // Filtered by the server: every row left is a session skipped for an unsigned note.
    await expect
      .poll(async () => {
        const rows = (await outcomes.getByRole("row").allTextContents()).slice(1);
        return rows.length > 0 && rows.every((r) => r.includes("NOTE_NOT_SIGNED"));
      })
      .toBe(true);
    await outcomes.getByRole("heading", { level: 2 }).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await shot("automation-run-outcomes");
  });

  it("shows real counts on the claims board and opens a Scrubber Rejected claim's messages", async () => {
    // Still in Harbor, whose seed left one claim Scrubber Rejected (its policy lost the member id).
    await nav(page, "Claims");
    const rejectedColumn = page.getByRole("region", { name: /^Scrubber Rejected/ });
    await rejectedColumn.getByRole("link", { name: /\$/ }).first().waitFor();
    const counts = await app.database.db
      .select({ status: tables.claims.status, id: tables.claims.id })
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, app.harbor));
    const howMany = (status: string) => counts.filter((c) => c.status === status).length;
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: /^Submitted/ }).textContent())
      .toBe(`Submitted${howMany("submitted")} claims`);
    expect(await rejectedColumn.getByRole("heading", { level: 2 }).textContent()).toBe(
      `Scrubber Rejected${howMany("scrubber_rejected")} claims`,
    );

    await rejectedColumn.getByRole("link", { name: /\$/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /^Claim / }).waitFor();
    // A table row: what it does, the message in words, the scrubber's code beside it.
    const messages = page.getByRole("table", { name: "Scrubber messages" });
    const rejected = messages.getByRole("row").filter({ hasText: "SUBSCRIBER_ID_MISSING" });
    expect(await rejected.getByRole("cell").allTextContents()).toEqual([
      expect.any(String),
      "Blocks sending",
      "The insurance policy has no member (subscriber) id",
      "SUBSCRIBER_ID_MISSING",
    ]);
    expect(await page.getByRole("region", { name: "Summary" }).textContent()).toContain("Scrubber Rejected");
    await shot("claim-scrubber-rejected");
    // The data is not fixed yet: re-scrubbing says so, with the same message.
    await page.getByRole("button", { name: "Re-scrub" }).click();
    const result = page.getByRole("status").filter({ hasText: "Still rejected by the scrubber" });
    await result.waitFor();
    expect(await result.textContent()).toContain("SUBSCRIBER_ID_MISSING (blocking)");
  });

  it("imports an 835 and sees the postings, the work queue and the posting rules", async () => {
    // A claim the seeded engine history submitted, paid by the 835 with a contractual write-off per line.
    // The 835 is addressed to the practice (N1*PE NPI and REF*TJ): one for another payee is refused.
    const { claim, lines, payee } = await firstSubmittedClaim(app.database, app.harbor);
    const [payer] = await app.database.db
      .select()
      .from(tables.payers)
      .where(eq(tables.payers.id, claim.payerId));
    const eraLines = lines.map((l) => {
      const writeOff = Math.round(l.chargeCents * 0.2);
      return {
        code: l.code,
        chargeCents: l.chargeCents,
        paidCents: l.chargeCents - writeOff,
        date: l.dateOfService,
        control: l.controlNumber,
        adjustments: [["CO", "45", writeOff]] as Array<[string, string, number]>,
      };
    });
    const paid = eraLines.reduce((a, l) => a + l.paidCents, 0);
    const trace = `EFT${Date.now()}`;
    const dir = mkdtempSync(join(tmpdir(), "billcycle-era-"));
    try {
      const file = join(dir, `era-${trace}.835`);
      writeFileSync(
        file,
        era835({
          trace,
          payee,
          payerName: payer?.name.toUpperCase() ?? "PAYER",
          claims: [
            {
              pcn: claim.patientControlNumber,
              chargeCents: claim.totalCents,
              paidCents: paid,
              lines: eraLines,
            },
          ],
        }),
      );
      // And one that does not balance (BPR02 a dollar more than its claim pays): it waits in the work queue.
      const unbalancedFile = join(dir, `era-${trace}-b.835`);
      writeFileSync(
        unbalancedFile,
        era835({
          trace: `${trace}B`,
          payee,
          payerName: "HARBOR TEST PAYER",
          control: 102,
          bprCents: 10100,
          claims: [
            {
              pcn: "E2E-NOT-OURS",
              chargeCents: 10000,
              paidCents: 10000,
              lines: [{ code: "99213", chargeCents: 10000, paidCents: 10000, date: "2026-03-01" }],
            },
          ],
        }),
      );

      await nav(page, "Remittances");
      await page.getByRole("heading", { level: 1, name: "Remittances" }).waitFor();
      await page.getByLabel("Remittance file (835)").setInputFiles(file);
      await page.getByRole("button", { name: "Import file" }).click();
      const outcome = page.getByRole("status").filter({ hasText: "imported: 1 remittance" });
      await outcome.waitFor();
      expect(await outcome.textContent()).toContain(
        `Trace ${trace}: 1 claim, 1 posted, 0 to the work queue (posted)`,
      );
      // The list refreshed with it.
      await page
        .getByRole("link", { name: `Remittance ${trace} from ${payer?.name.toUpperCase()}` })
        .waitFor();

      await page.getByLabel("Remittance file (835)").setInputFiles(unbalancedFile);
      await page.getByRole("button", { name: "Import file" }).click();
      const queued = page.getByRole("status").filter({ hasText: `Trace ${trace}B` });
      await queued.waitFor();
      expect(await queued.textContent()).toContain("1 claim, 0 posted, 1 to the work queue (needs review)");
      const unbalancedRow = page.getByRole("row").filter({ hasText: `${trace}B` });
      await unbalancedRow.waitFor();
      expect(await unbalancedRow.textContent()).toContain("Out of balance by $1.00");
      await shot("remittances");

      await page.getByRole("link", { name: `Remittance ${trace} from ${payer?.name.toUpperCase()}` }).click();
      await page.getByRole("heading", { level: 1, name: `Remittance ${trace}` }).waitFor();
      const card = page.getByRole("region", { name: `Claim ${claim.patientControlNumber}` });
      const postings = card.getByRole("table", { name: `Postings of claim ${claim.patientControlNumber}` });
      await postings.waitFor();
      const rows = (await postings.getByRole("row").allTextContents()).slice(1);
      expect(rows.filter((r) => r.startsWith("Payment"))).toHaveLength(lines.length);
      expect(rows.filter((r) => r.startsWith("Write-off") && r.includes("CO-45"))).toHaveLength(lines.length);
      // The claim it matched is paid now.
      await card
        .locator("dd .badge")
        .filter({ hasText: /^Paid$/ })
        .waitFor();
      expect(await page.getByRole("region", { name: "Totals" }).textContent()).toContain("Balanced");
      await shot("remittance-detail");

      await card.getByRole("link", { name: `Open claim ${claim.patientControlNumber}` }).click();
      await page.getByRole("heading", { level: 1, name: `Claim ${claim.patientControlNumber}` }).waitFor();
      expect(
        await page.getByRole("region", { name: "Summary" }).getByText("Paid", { exact: true }).count(),
      ).toBe(1);
      expect(await page.getByRole("table", { name: "Postings" }).textContent()).toContain("Write-off");

      await nav(page, "Work queue");
      const item = page.getByRole("row").filter({ hasText: `Remittance ${trace}B does not balance` });
      await item.waitFor();
      expect(await item.textContent()).toContain("Unbalanced remittance");
      expect(await item.textContent()).toContain("off by $1.00");
      await shot("work-queue");
      await item.getByRole("button", { name: /^Dismiss/ }).click();
      const dialog = page.getByRole("alertdialog", { name: "Dismiss this item?" });
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
      await dialog.getByLabel("Reason for dismissing").fill("Test file, not a real payment");
      await dialog.getByRole("button", { name: "Dismiss" }).click();
      await page.getByRole("status").filter({ hasText: "Dismissed:" }).waitFor();
      await expect.poll(() => item.count()).toBe(0);

      await page.getByRole("link", { name: "Posting rules" }).click();
      await page.getByRole("heading", { level: 1, name: "Posting rules" }).waitFor();
      const rule = page
        .getByRole("row")
        .filter({ has: page.getByRole("button", { name: "Edit rule CO-45" }) });
      expect(await rule.textContent()).toContain("Write off");
      await page.getByRole("button", { name: "Add rule" }).click();
      const form = page.getByRole("dialog", { name: "Add a posting rule" });
      await form.getByLabel("Reason code").fill("B7");
      await choose(page, "Action", "Denial", form);
      await form.getByRole("button", { name: "Save rule" }).click();
      await page.getByRole("status").filter({ hasText: "Rule CO-B7 saved." }).waitFor();
      await page.getByRole("button", { name: "Edit rule CO-B7" }).waitFor();
      await shot("posting-rules");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a read-only user sees no edit controls, and the API refuses the edit anyway", async () => {
    const { context: ro, page: p } = await newPage(browser, app.url);
    try {
      await signIn(p, "readonly@demo.billcycle.test");
      await switchPractice(p, "Riverbend Counseling", app.riverbend);
      await p
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Automation settings" })
        .click();
      await p.getByText("Your role can view these settings but not change them.").waitFor();
      expect(await p.getByRole("switch").count()).toBe(0);
      expect(await p.getByRole("button", { name: /^Save/ }).count()).toBe(0);

      await p.goto(`/p/${app.riverbend}/sessions/${sessions.unsigned.appointmentId}`);
      await p.getByRole("region", { name: "Billing" }).waitFor();
      expect(
        await p
          .getByRole("main")
          .getByRole("button", { name: /Mark|Sign|Add/ })
          .count(),
      ).toBe(0);

      await p.goto(`/p/${app.harbor}/invoices/review`);
      await p.getByRole("heading", { level: 1, name: "Pended review" }).waitFor();
      expect(await p.getByRole("checkbox").count()).toBe(0);
      expect(await p.getByRole("button", { name: /^Open selected/ }).count()).toBe(0);

      await p.goto(`/p/${app.harbor}/remittances`);
      await p.getByRole("heading", { level: 1, name: "Remittances" }).waitFor();
      await p.getByRole("table", { name: "Remittances" }).waitFor();
      expect(await p.getByLabel("Remittance file (835)").count()).toBe(0);
      await p.goto(`/p/${app.harbor}/posting-rules`);
      await p.getByText("Your role can view these rules but not change them.").waitFor();
      expect(await p.getByRole("button", { name: /^(Add|Edit|Delete) rule/ }).count()).toBe(0);

      const refused = await p.evaluate(
        async ({ practiceId, id }) => {
          const res = await fetch(`/api/v1/practices/${practiceId}/appointments/${id}/status`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ status: "no_show" }),
          });
          return { status: res.status, body: (await res.json()) as { error: { code: string } } };
        },
        { practiceId: app.riverbend, id: sessions.unsigned.appointmentId },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
    } finally {
      await ro.close();
    }
  });
  it("makes an API token under Settings, uses it from a script, and revokes it", async () => {
    const { context: own, page: p } = await newPage(browser, app.url);
    const clients = (token: string) =>
      fetch(`${app.url}/api/v1/practices/${app.riverbend}/clients?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
    try {
      await signIn(p, "owner@demo.billcycle.test");
      await p.getByRole("complementary").getByRole("link", { name: "API tokens" }).click();
      await p.getByRole("heading", { level: 1, name: "API tokens" }).waitFor();
      await p.getByRole("button", { name: "Create token" }).click();
      const dialog = p.getByRole("dialog", { name: "Create an API token" });
      await dialog.getByLabel("Name").fill("e2e script");
      await dialog.getByRole("button", { name: "Create token" }).click();
      const shown = p.getByRole("dialog", { name: "Your new API token" });
      await shown.getByText("it will not be shown again").waitFor();
      const secret = await shown.getByRole("textbox", { name: /e2e script/ }).inputValue();
      expect(secret).toMatch(/^bct_/);
      await shown.getByRole("button", { name: "Done" }).click();

      expect((await clients(secret)).status).toBe(200);
      const row = p.getByRole("row", { name: /e2e script/ });
      await row.getByText("Active").waitFor();
      await row.getByRole("button", { name: "Revoke token e2e script" }).click();
      await p
        .getByRole("alertdialog", { name: "Revoke token e2e script?" })
        .getByRole("button", { name: "Revoke token" })
        .click();
      await p.getByText("Token e2e script revoked.").waitFor();
      await row.getByText("Revoked").waitFor();
      const refused = await clients(secret);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    } finally {
      await own.close();
    }
  });
});
