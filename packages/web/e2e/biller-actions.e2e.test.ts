import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAppointmentFacts, loadBillingContext, practiceToday } from "@billcycle/app";
import { decideAppointmentBillable, invoiceTransitions } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { ack277, ack999, era835 } from "@billcycle/testing/x12-files";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Billcycle, firstSubmittedClaim, PASSWORD, startBillcycle } from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";

/** The README's pictures, rewritten only on request (`UPDATE_SCREENSHOTS=1`), as in billcycle.e2e.test.ts. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : `${mkdtempSync(join(tmpdir(), "billcycle-shots-"))}/`;

let app: Billcycle;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const shot = async (p: Page, name: string) => {
  await p.waitForLoadState("networkidle").catch(() => undefined);
  await p.screenshot({ path: `${SCREENSHOTS}${name}.png` });
};

const signIn = async (p: Page, email: string) => {
  await p.goto("/");
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill(PASSWORD);
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
};

const nav = (name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();

/** Picks an option of a react-aria Select inside `scope` by its label, pressing again if a press is lost. */
const choose = async (scope: Locator, label: string, option: string) => {
  const select = scope.getByRole("button", { name: new RegExp(`(^|\\s)${label}$`) });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.getByRole("option", { name: option, exact: true }).click();
    const shown = await expect
      .poll(() => select.textContent(), { timeout: 3_000 })
      .toContain(option)
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`${label}: could not choose ${option}`);
  }
};

/** A request from the signed-in page (its session cookie, same origin), as the web app would send it. */
const callApi = (p: Page, method: string, path: string, body?: unknown) =>
  p.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text };
    },
    { method, path, body },
  );

/** Self-pay invoices of Harbor's engine history that can still be voided, with no payment on them. */
const voidableSelfPayInvoices = async () => {
  const rows = await app.database.db
    .select()
    .from(tables.invoices)
    .where(
      and(
        eq(tables.invoices.practiceId, app.harbor),
        eq(tables.invoices.paysBy, "self_pay"),
        eq(tables.invoices.clientPaidCents, 0),
        eq(tables.invoices.insurancePaidCents, 0),
      ),
    )
    .orderBy(asc(tables.invoices.numberSeq));
  return rows.filter((i) => i.clientCents > 0 && invoiceTransitions[i.status].includes("void"));
};

const serviceLines = (invoiceId: string) =>
  app.database.db
    .select()
    .from(tables.invoiceLines)
    .where(and(eq(tables.invoiceLines.invoiceId, invoiceId), eq(tables.invoiceLines.kind, "service")))
    .orderBy(asc(tables.invoiceLines.position));

describe("a biller's actions in a browser: voids, denials, the work queue and files, signature requests", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [app, browser] = await Promise.all([startBillcycle(), launchBrowser()]);
    ({ context, page } = await newPage(browser, app.url));
    await signIn(page, "biller@demo.billcycle.test");
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

  it("voids an invoice waiving its session: Invoice Creation run now leaves it unbilled, and says why", async () => {
    const [invoice] = await voidableSelfPayInvoices();
    if (!invoice) throw new Error("the engine history left no voidable self-pay invoice");
    const [line] = await serviceLines(invoice.id);
    const appointmentId = line?.appointmentId;
    if (!appointmentId) throw new Error("the invoice bills no session");

    await page.goto(`/p/${app.harbor}/invoices/${invoice.id}`);
    await page.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` }).waitFor();
    await page.getByRole("button", { name: "Void invoice" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Void ${invoice.number}?` });
    await dialog.getByText("Bill the session again").waitFor();
    // Nothing is voided before the biller says what becomes of the sessions.
    expect(await dialog.getByRole("button", { name: "Void invoice" }).isDisabled()).toBe(true);
    await dialog.getByText("Never bill it (waive)").click();
    await dialog.getByLabel("Reason").fill("Courtesy: first session");
    await dialog.getByRole("button", { name: "Void invoice" }).click();
    await page.getByText(/^Voided .*: Courtesy: first session\.$/).waitFor();

    // Invoice Creation, run now by hand, bills everything billable: not the waived session.
    await nav("Automation settings");
    const creation = page.getByRole("region", { name: "Invoice Creation" });
    await creation.getByRole("button", { name: "Run now" }).click();
    await page
      .getByRole("alertdialog", { name: "Run Invoice Creation now?" })
      .getByRole("button", {
        name: "Run now",
      })
      .click();
    await creation.getByRole("status").filter({ hasText: "Invoice Creation is running now" }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await app.database.db
              .select({ status: tables.automationRuns.status })
              .from(tables.automationRuns)
              .where(
                and(
                  eq(tables.automationRuns.practiceId, app.harbor),
                  eq(tables.automationRuns.automation, "invoice_creation"),
                  eq(tables.automationRuns.trigger, "manual"),
                ),
              )
          ).map((r) => r.status),
        { timeout: 30_000 },
      )
      .toEqual(["done"]);
    const billed = await app.database.db
      .select({ invoiceId: tables.invoiceLines.invoiceId, status: tables.invoices.status })
      .from(tables.invoiceLines)
      .innerJoin(tables.invoices, eq(tables.invoices.id, tables.invoiceLines.invoiceId))
      .where(eq(tables.invoiceLines.appointmentId, appointmentId));
    expect(billed).toEqual([{ invoiceId: invoice.id, status: "void" }]);

    await page.goto(`/p/${app.harbor}/sessions/${appointmentId}`);
    const reasons = page.getByRole("list", { name: "Why this session was not billed" });
    await reasons
      .getByText(/^Waived by Ben Biller when its invoice was voided: "Courtesy: first session"/)
      .waitFor();
  });

  it("writes off an invoice line with a reason; Void waits until the invoice's payments are moved", async () => {
    const [, invoice] = await voidableSelfPayInvoices();
    if (!invoice) throw new Error("the engine history left no second voidable self-pay invoice");
    const [line] = await serviceLines(invoice.id);
    if (!line) throw new Error("the invoice has no service line");

    await page.goto(`/p/${app.harbor}/invoices/${invoice.id}`);
    await page.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` }).waitFor();
    await page.getByRole("button", { name: `Write off ${line.code} ${line.description}` }).click();
    const writeOff = page.getByRole("dialog", { name: `Write off ${line.code} ${line.description}` });
    await writeOff.getByLabel(/^Amount/).fill("10");
    await writeOff.getByLabel("Reason").fill("Hardship discount");
    await writeOff.getByRole("button", { name: "Write off" }).click();
    await writeOff.waitFor({ state: "detached" });
    await expect
      .poll(async () => {
        const [row] = await app.database.db
          .select({ writtenOff: tables.invoices.clientWrittenOffCents })
          .from(tables.invoices)
          .where(eq(tables.invoices.id, invoice.id));
        return row?.writtenOff;
      })
      .toBe(1000);
    const [writtenOff] = await app.database.db
      .select()
      .from(tables.clientWriteOffs)
      .where(eq(tables.clientWriteOffs.clientId, invoice.clientId))
      .orderBy(desc(tables.clientWriteOffs.createdAt))
      .limit(1);
    expect(writtenOff).toMatchObject({ amountCents: 1000, reason: "Hardship discount" });

    // And $2 of what the client owes on it, from the client's Billing tab.
    await page.goto(`/p/${app.harbor}/clients/${invoice.clientId}?tab=billing`);
    await page.getByRole("button", { name: "Write off", exact: true }).click();
    const balance = page.getByRole("alertdialog", { name: "Write off client balance" });
    await balance.getByRole("button", { name: /Invoice$/ }).click();
    await page.getByRole("option", { name: new RegExp(`^${invoice.number} — `) }).click();
    await balance.getByLabel(/^Amount/).fill("2");
    await balance.getByLabel("Reason").fill("Uncollectible small balance");
    await balance.getByRole("button", { name: "Write off" }).click();
    await balance.waitFor({ state: "detached" });
    const reasons = await app.database.db
      .select({ reason: tables.clientWriteOffs.reason, amountCents: tables.clientWriteOffs.amountCents })
      .from(tables.clientWriteOffs)
      .where(eq(tables.clientWriteOffs.invoiceId, invoice.id))
      .orderBy(asc(tables.clientWriteOffs.createdAt));
    expect(reasons).toEqual([
      { reason: "Hardship discount", amountCents: 1000 },
      { reason: "Uncollectible small balance", amountCents: 200 },
    ]);

    // A $5 cash payment on the invoice: Void is not offered, and the API refuses it (INVOICE_HAS_PAYMENTS).
    const paid = await callApi(
      page,
      "POST",
      `/api/v1/practices/${app.harbor}/clients/${invoice.clientId}/payments`,
      {
        method: "cash",
        amountCents: 500,
        apply: { kind: "chosen", invoices: [{ invoiceId: invoice.id, amountCents: 500 }] },
      },
    );
    expect(paid.status, paid.text).toBe(201);
    await page.goto(`/p/${app.harbor}/invoices/${invoice.id}`);
    await page.getByText("$5.00 of payments are on this invoice: move them before voiding it.").waitFor();
    expect(await page.getByRole("button", { name: "Void invoice" }).count()).toBe(0);
    const refused = await callApi(
      page,
      "POST",
      `/api/v1/practices/${app.harbor}/invoices/${invoice.id}/void`,
      {
        reason: "Entered twice",
        disposition: "correction",
      },
    );
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text).error.code).toBe("INVOICE_HAS_PAYMENTS");

    await page.getByRole("button", { name: "Move payments to credit" }).click();
    await page.getByRole("button", { name: "Void invoice" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Void ${invoice.number}?` });
    await dialog.getByText("Bill the session again").click();
    await dialog.getByLabel("Reason").fill("Entered twice");
    await dialog.getByRole("button", { name: "Void invoice" }).click();
    await page.getByText(/^Voided .*: Entered twice\.$/).waitFor();
  });

  it("posts a denial through the work queue, corrects it as a replacement claim, and its 837P says so", async () => {
    const { claim, lines, payee } = await firstSubmittedClaim(app.database, app.harbor);
    const [client] = await app.database.db
      .select()
      .from(tables.clients)
      .where(eq(tables.clients.id, claim.clientId));
    const trace = `DENY${Date.now()}`;
    const payerClaimNumber = `ICN${Date.now()}`;
    const dir = mkdtempSync(join(tmpdir(), "billcycle-era-"));
    try {
      // The payer denies every line as not medically necessary (CO-50, no posting rule yet) with a remark (N30);
      // a second claim in the file is not one of ours.
      const file = join(dir, `era-${trace}.835`);
      writeFileSync(
        file,
        era835({
          trace,
          payee,
          payerName: "HARBOR TEST PAYER",
          claims: [
            {
              pcn: claim.patientControlNumber,
              status: "4",
              chargeCents: claim.totalCents,
              paidCents: 0,
              payerClaimNumber,
              lines: lines.map((l) => ({
                code: l.code,
                chargeCents: l.chargeCents,
                paidCents: 0,
                date: l.dateOfService,
                control: l.controlNumber,
                adjustments: [["CO", "50", l.chargeCents]] as Array<[string, string, number]>,
                remarks: ["N30"],
              })),
            },
            {
              pcn: "E2E-NOT-OURS",
              chargeCents: 12500,
              paidCents: 9000,
              lines: [
                {
                  code: "90834",
                  chargeCents: 12500,
                  paidCents: 9000,
                  date: "2026-03-01",
                  adjustments: [["CO", "45", 3500]],
                },
              ],
            },
          ],
        }),
      );
      await nav("Remittances");
      await page.getByLabel("Remittance file (835)").setInputFiles(file);
      await page.getByRole("button", { name: "Import file" }).click();
      const outcome = page.getByRole("status").filter({ hasText: `Trace ${trace}` });
      await outcome.waitFor();
      expect(await outcome.textContent()).toContain("2 claims, 0 posted, 2 to the work queue");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The work queue names the claim and client of each item; the payer's unknown claim shows its amounts.
    await nav("Work queue");
    const unmatched = page.getByRole("row").filter({ hasText: "E2E-NOT-OURS" });
    await unmatched.waitFor();
    expect(await unmatched.textContent()).toContain("Billed $125.00, paid $90.00");
    const blocked = page
      .getByRole("row")
      .filter({ hasText: "Blocked adjustment code" })
      .filter({ hasText: `Claim ${claim.patientControlNumber}` });
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(`${client!.firstName} ${client!.lastName}`);
    await shot(page, "work-queue-blocked");
    // Post now says what CO-50 lacks and links to the rule, or makes the rule in place.
    await blocked.getByRole("button", { name: /^Post now/ }).click();
    const post = page.getByRole("alertdialog", { name: "Post it now?" });
    await post.getByText("No posting rule says what CO-50 means").waitFor();
    const ruleLink = post.getByRole("link", { name: "Add the rule for CO-50 on the Posting rules screen" });
    expect(await ruleLink.getAttribute("href")).toContain("new=1&group=CO&reason=50");
    await choose(post, "What CO-50 means", "Denial");
    await post.getByRole("button", { name: "Post now" }).click();
    await page.getByText("Rule CO-50 saved (Denial) and the claim posted.").waitFor();
    await expect
      .poll(async () => {
        const [row] = await app.database.db
          .select({ status: tables.claims.status, adjudication: tables.claims.adjudication })
          .from(tables.claims)
          .where(eq(tables.claims.id, claim.id));
        return row;
      })
      .toEqual({ status: "adjudicated", adjudication: "denied" });

    // The Denials queue says why in words and offers every way forward.
    await nav("Denials");
    const row = page.getByRole("row").filter({ hasText: claim.patientControlNumber });
    await row.waitFor();
    const why = (await row.textContent()) ?? "";
    expect(why).toContain("CO-50 Not deemed a medical necessity by the payer");
    expect(why).toContain("N30 Patient ineligible for this service");
    for (const action of [
      "Correct and resubmit as a replacement",
      "Void at the payer",
      "Resubmit unchanged",
      "Write off",
      "Bill the client",
    ])
      await row.getByRole("button", { name: `${action} (${claim.patientControlNumber})` }).waitFor();
    await shot(page, "denials");

    await row
      .getByRole("button", { name: `Correct and resubmit as a replacement (${claim.patientControlNumber})` })
      .click();
    const replace = page.getByRole("dialog", {
      name: `Correct and resubmit as a replacement: claim ${claim.patientControlNumber}`,
    });
    await replace.getByLabel("Reason").fill("Medical necessity documented in the note");
    await replace.getByRole("button", { name: "Correct and resubmit as a replacement" }).click();
    await replace.waitFor({ state: "detached" });
    const [replacement] = await app.database.db
      .select()
      .from(tables.claims)
      .where(eq(tables.claims.replacesClaimId, claim.id));
    expect(replacement).toMatchObject({
      frequencyCode: "7",
      replacesPayerClaimNumber: payerClaimNumber,
      status: "awaiting_submission",
    });

    // Submitted now, it goes out in an 837P: CLM05-3 is 7 and REF*F8 names the payer's claim number.
    await nav("Claims");
    await page.getByRole("button", { name: "Submit now" }).click();
    const submit = page.getByRole("alertdialog", { name: "Submit claims now?" });
    await submit.getByText(/^Preview: /).waitFor();
    // The practice's staggered cadence rests claims made today: the biller sends them anyway.
    await submit.getByText("Send the held claims too").click();
    await submit.getByText(/^Preview: /).waitFor();
    await submit.getByRole("button", { name: "Submit claims" }).click();
    const ran = page.getByText(/^Claims Submission ran: [1-9]\d* submitted in 1 file/);
    await ran.waitFor();

    // An acknowledgment for a file that is not ours is processed, but needs a person (not green).
    const ackDir = mkdtempSync(join(tmpdir(), "billcycle-ack-"));
    try {
      const ack = join(ackDir, "ack-unknown.999");
      writeFileSync(ack, ack999({ groupControl: "987654321", transactionControl: "0001", accepted: true }));
      await nav("Remittances");
      await page.getByLabel("Remittance file (835)").setInputFiles(ack);
      await page.getByRole("button", { name: "Import file" }).click();
      const needs = page.getByRole("status").filter({ hasText: "ack-unknown.999 (999) needs attention" });
      await needs.waitFor();
      expect(await needs.textContent()).toContain("1 acknowledgment matched none of our claims or files");
      // So is a 277CA about a claim we never sent: needing attention, never a green "processed".
      const ack277File = join(ackDir, "ack-unknown.277");
      writeFileSync(ack277File, ack277([{ pcn: "NOSUCHCLAIM1", accepted: true, chargeCents: 15000 }]));
      await page.getByLabel("Remittance file (835)").setInputFiles(ack277File);
      await page.getByRole("button", { name: "Import file" }).click();
      const needs277 = page
        .getByRole("status")
        .filter({ hasText: "ack-unknown.277 (277CA) needs attention" });
      await needs277.waitFor();
      expect(await needs277.textContent()).toContain("1 acknowledgment matched none of our claims or files");
      expect(await page.locator(".alert-success").filter({ hasText: "ack-unknown.277" }).count()).toBe(0);
      await needs277.getByRole("link", { name: "Open the Files screen" }).click();
    } finally {
      rmSync(ackDir, { recursive: true, force: true });
    }

    await page.getByRole("heading", { level: 1, name: "Files" }).waitFor();
    const files = page.getByRole("table", { name: "Clearinghouse files" });
    const unmatchedAck = files.getByRole("row").filter({ hasText: "999 acknowledgment" }).first();
    await unmatchedAck.waitFor();
    expect(await unmatchedAck.textContent()).toContain("Processed: needs attention");
    expect(await unmatchedAck.textContent()).toContain("UNMATCHED_ACKNOWLEDGMENT");
    const unmatched277 = files.getByRole("row").filter({ hasText: "277CA claim acknowledgment" }).first();
    await unmatched277.waitFor();
    expect(await unmatched277.textContent()).toContain("Processed: needs attention");
    expect(await unmatched277.textContent()).toContain("UNMATCHED_ACKNOWLEDGMENT");
    const received = files.getByRole("row").filter({ hasText: "835 remittance" }).first();
    await received.waitFor();
    expect(await received.textContent()).toContain("Received");
    const sent = files.getByRole("row").filter({ hasText: "837P claims" }).first();
    expect(await sent.textContent()).toContain("Sent");
    const href = await sent.getByRole("link", { name: /^Download / }).getAttribute("href");
    await shot(page, "files");
    const x12 = await callApi(page, "GET", href!);
    expect(x12.status).toBe(200);
    const segments = x12.text.split("~").map((s) => s.trim());
    const clm = segments.findIndex((s) => s.startsWith(`CLM*${replacement!.patientControlNumber}*`));
    expect(clm).toBeGreaterThan(-1);
    expect(segments[clm]!.split("*")[5]).toMatch(/^\d\d[:>^]B[:>^]7$/);
    const claimSegments = segments.slice(
      clm + 1,
      segments.findIndex((s, i) => i > clm && /^(CLM|HL)\*/.test(s)),
    );
    expect(claimSegments).toContain(`REF*F8*${payerClaimNumber}`);
  });

  it("a biller asks the clinician to sign; the clinician sees the request and signs it as the author", async () => {
    const [linked] = await app.database.db
      .select({ id: tables.providers.id, first: tables.providers.firstName, last: tables.providers.lastName })
      .from(tables.providers)
      .innerJoin(tables.users, eq(tables.users.id, tables.providers.userId))
      .where(
        and(
          eq(tables.providers.practiceId, app.harbor),
          eq(tables.users.email, "clinician@demo.billcycle.test"),
        ),
      );
    if (!linked) throw new Error("the demo clinician is linked to no Harbor provider");
    // Kept sessions whose only obstacle is the unsigned note: one of the clinician's, one of another provider's.
    const { today } = await practiceToday(app.database.db, app.harbor, new Date());
    const ctx = await loadBillingContext(app.database.db, app.harbor, today);
    const facts = await loadAppointmentFacts(app.database.db, app.harbor, {
      dosTo: today,
      onlyUninvoiced: true,
    });
    const unsigned = facts.filter((f) => {
      if (f.status !== "kept") return false;
      const d = decideAppointmentBillable(f, ctx.eligibility);
      return !d.billable && d.reasons.length === 1 && d.reasons[0]?.code === "NOTE_NOT_SIGNED";
    });
    const mine = unsigned.find((f) => f.providerId === linked.id);
    const others = unsigned.find((f) => f.providerId !== linked.id);
    if (!mine || !others) throw new Error("the demo data has no unsigned note for the flow");
    const who = `${linked.first} ${linked.last}`;

    // The biller cannot sign (no Sign button, and the API refuses); they ask the provider instead.
    await page.goto(`/p/${app.harbor}/sessions/${mine.appointmentId}`);
    const reasons = page.getByRole("list", { name: "Why this session was not billed" });
    await reasons.getByRole("button", { name: `Ask ${who} to sign` }).click();
    await reasons
      .getByRole("status")
      .filter({ hasText: `Asked ${who} to sign the note.` })
      .waitFor();
    expect(await page.getByRole("button", { name: /^Sign the progress note/ }).count()).toBe(0);
    const bySigner = await callApi(
      page,
      "POST",
      `/api/v1/practices/${app.harbor}/appointments/${mine.appointmentId}/note/sign`,
    );
    expect(bySigner.status).toBe(403);
    expect(JSON.parse(bySigner.text).error.code).toBe("FORBIDDEN");

    const clinician = await newPage(browser, app.url);
    try {
      const p = clinician.page;
      await signIn(p, "clinician@demo.billcycle.test");
      await p.goto(`/p/${app.harbor}/sessions`);
      const requests = p.getByRole("region", { name: "Signature requests" });
      const request = requests.getByRole("row").filter({ hasText: "Ben Biller" });
      await request.waitFor();
      expect(await request.textContent()).toContain(who);
      await shot(p, "signature-requests");

      // Not the author of another provider's note: refused with NOT_NOTE_AUTHOR.
      const notAuthor = await callApi(
        p,
        "POST",
        `/api/v1/practices/${app.harbor}/appointments/${others.appointmentId}/note/sign`,
      );
      expect(notAuthor.status).toBe(403);
      expect(JSON.parse(notAuthor.text).error.code).toBe("NOT_NOTE_AUTHOR");

      await request.getByRole("button", { name: /^Sign / }).click();
      await p
        .getByRole("alertdialog", { name: "Sign the progress note?" })
        .getByRole("button", { name: "Sign note" })
        .click();
      await expect.poll(() => requests.count()).toBe(0);
      const [note] = await app.database.db
        .select()
        .from(tables.progressNotes)
        .innerJoin(tables.users, eq(tables.users.id, tables.progressNotes.signedByUserId))
        .where(eq(tables.progressNotes.appointmentId, mine.appointmentId));
      expect(note?.progress_notes.signed).toBe(true);
      expect(note?.progress_notes.signedByProviderId).toBe(linked.id);
      expect(note?.users.email).toBe("clinician@demo.billcycle.test");
    } finally {
      await clinician.context.close();
    }

    // The biller sees the session billable now: the note is signed.
    await page.reload();
    const billing = page.getByRole("region", { name: "Billing" });
    await billing.waitFor();
    await billing.getByText("Not billed yet, and nothing stands in the way.").waitFor();
    expect(await page.getByRole("list", { name: "Why this session was not billed" }).count()).toBe(0);
    // The session page says who signed the note (the clinician's user, by name) and when.
    const signedLine = page.locator(".note-line").filter({ hasText: /^Signed by / });
    await signedLine.waitFor();
    const signerName = (
      await app.database.db
        .select({ name: tables.users.name })
        .from(tables.users)
        .where(eq(tables.users.email, "clinician@demo.billcycle.test"))
    )[0]?.name;
    expect(await signedLine.textContent()).toMatch(
      new RegExp(`^Signed by ${signerName}, \\w{3}, \\w{3} \\d+, \\d{4}`),
    );
  });
});
