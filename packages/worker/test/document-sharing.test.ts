import {
  createInvoices,
  type EnginePorts,
  openInvoices,
  type SharingPorts,
  scheduleDocumentShare,
  scheduleInvoiceShares,
  shareDocumentsJob,
  shareDueDocuments,
  shareLinkKeyFrom,
  smtpShareMailer,
  verifyShareLink,
  voidInvoice,
} from "@billcycle/app";
import { MAX_SHARE_ATTEMPTS, ManualClock } from "@billcycle/core";
import { newId, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import { type SmtpTestServer, startSmtpTestServer } from "@billcycle/testing/smtp-test-server";
import { testBillIssuer, tinyPdf } from "@billcycle/testing/test-bill-issuer";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "../src/worker";

const ZONE = "America/Chicago";
const DAY = "2026-03-02";
const MINUTE = 60_000;
const FROM = "billing@mail.billcycle.test";
const PUBLIC_URL = "https://app.billcycle.test";

type Share = typeof tables.documentShares.$inferSelect;

describe.each(testBackends())("automatic sharing of billing documents on %s", (backend) => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let ports: EnginePorts & { sharing: SharingPorts };
  let issuer: ReturnType<typeof testBillIssuer>;
  const linkKey = shareLinkKeyFrom(Buffer.alloc(32, 7));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    ports?.sharing.mailer?.close();
    await smtp?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    ports?.sharing.mailer?.close();
    issuer = testBillIssuer();
    ports = {
      ...filePorts(),
      sharing: {
        mailer: smtpShareMailer({ url: smtp.url, from: FROM, timeoutMs: 5_000 }),
        issueBillDocument: issuer,
        linkKey,
        publicUrl: PUBLIC_URL,
      },
    };
    smtp.behave("accept");
  });

  /** A practice (`settings` over the billing defaults) and one client with an email address and sharing on. */
  const setup = async (
    clock: ManualClock,
    settings: Record<string, unknown> = {},
    client: Record<string, unknown> = {},
  ) => {
    const p = await createBillingPractice(
      database,
      ZONE,
      clock.now(),
      `Sunrise Therapy ${newId().slice(-6)}`,
    );
    await database.db
      .update(tables.practices)
      .set({ billingSettings: sql`billing_settings || ${JSON.stringify(settings)}::jsonb` })
      .where(eq(tables.practices.id, p.practiceId));
    const clientId = await createClient(database, p, clock.now(), { paysBy: "self_pay" });
    await database.db
      .update(tables.clients)
      .set({ email: `client.${clientId.slice(-8)}@example.com`, ...client })
      .where(eq(tables.clients.id, clientId));
    return { p, clientId };
  };

  /** A kept session billed by the nightly creation (Open at once): the bulk path schedules its share. */
  const billNightly = async (p: PracticeFixture, clientId: string, clock: ManualClock): Promise<string> => {
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: `${DAY}T10:00`,
      status: "kept",
    });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "schedule", runId: null, today: DAY, mode: "nightly" },
      clock.now(),
    );
    const [invoice] = await database.db
      .select({ id: tables.invoices.id })
      .from(tables.invoices)
      .where(eq(tables.invoices.clientId, clientId));
    return invoice!.id;
  };

  const sharesOf = async (practiceId: string): Promise<Share[]> =>
    database.db.select().from(tables.documentShares).where(eq(tables.documentShares.practiceId, practiceId));
  /** What a reader sees: the body without MIME boundaries, part headers and the link (random ids and hex). */
  const readableText = (decoded: string) =>
    decoded
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join("\n")
      .split(/\r?\n/)
      .filter((line) => !line.startsWith("--") && !/^Content-[\w-]+:/i.test(line))
      .join("\n")
      .replace(/https?:\/\/[^\s"<]+/g, "<link>");
  const mailTo = (clientEmail: string) => smtp.received.filter((m) => m.to.includes(clientEmail));
  const emailOf = async (clientId: string) =>
    String(
      (await database.db.select().from(tables.clients).where(eq(tables.clients.id, clientId)))[0]!.email,
    );

  /** An issued superbill and its share, scheduled on the issuing transaction as the documents code does. */
  const issueSuperbill = async (practiceId: string, clientId: string, now: Date): Promise<string> => {
    const documentId = newId();
    const pdf = tinyPdf("superbill");
    await database.db.transaction(async (tx) => {
      await tx.insert(tables.documents).values({
        id: documentId,
        practiceId,
        clientId,
        kind: "superbill",
        number: `SB-${documentId.slice(-6)}`,
        status: "issued",
        periodFrom: "2026-02-01",
        periodTo: "2026-02-28",
        amountCents: 0,
        source: "automation",
        issuedAt: now,
        pdf,
        pdfSha256: "x",
        pdfBytes: pdf.byteLength,
      });
      await scheduleDocumentShare(tx, { practiceId, documentId, now });
    });
    return documentId;
  };

  it("a bill is shared when its delay has passed, not a minute before, with the state of that moment", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 60 });
    const openedAt = clock.now();
    const invoiceId = await billNightly(p, clientId, clock);
    const [share] = await sharesOf(p.practiceId);
    expect(share).toMatchObject({ status: "scheduled", subjectType: "invoice", invoiceId, kind: "invoice" });
    expect(share!.dueAt.getTime()).toBe(openedAt.getTime() + 60 * MINUTE);

    // An autopay-like payment lands between the bill's creation and its share.
    clock.set(new Date(openedAt.getTime() + 30 * MINUTE));
    await database.db
      .update(tables.invoices)
      .set({ clientPaidCents: 5000 })
      .where(eq(tables.invoices.id, invoiceId));

    clock.set(new Date(openedAt.getTime() + 59 * MINUTE));
    await drainJobs({ database, clock, ports });
    // Not even a direct call shares it early.
    expect((await shareDueDocuments(database, p.practiceId, ports.sharing, clock)).sent).toBe(0);
    const email = await emailOf(clientId);
    expect(mailTo(email)).toHaveLength(0);
    expect((await sharesOf(p.practiceId))[0]!.status).toBe("scheduled");

    clock.set(new Date(openedAt.getTime() + 60 * MINUTE));
    expect(await drainJobs({ database, clock, ports })).toBeGreaterThan(0);
    const [sent] = await sharesOf(p.practiceId);
    expect(sent).toMatchObject({
      status: "sent",
      attempts: 1,
      messageId: `<share.${sent!.id}@mail.billcycle.test>`,
    });
    expect(sent!.sentAt?.getTime()).toBe(clock.now().getTime());

    // The bill issued at share time shows the payment: 175.00 owed, 50.00 paid.
    const [doc] = await database.db
      .select()
      .from(tables.documents)
      .where(eq(tables.documents.id, sent!.documentId!));
    expect(doc).toMatchObject({ kind: "invoice", invoiceId, amountCents: 17500 - 5000, status: "issued" });
    expect(doc!.issuedAt.getTime()).toBe(clock.now().getTime());

    const [mail] = mailTo(email);
    expect(mail!.headers.get("message-id")).toBe(sent!.messageId);
    expect(mail!.headers.get("from")).toContain(FROM);
    const practiceName = (
      await database.db.select().from(tables.practices).where(eq(tables.practices.id, p.practiceId))
    )[0]!.name;
    expect(mail!.headers.get("from")).toContain(practiceName);
    expect(mail!.headers.get("subject")).toBe(`New billing document from ${practiceName}`);
    expect(mail!.decoded).toContain(`You have a new billing document from ${practiceName}.`);
    // No health information: no amounts, codes, services or diagnoses.
    for (const phi of ["175", "125", "$", "90837", "Psychotherapy", "F41.1", "Superbill", "Bill "]) {
      expect(readableText(mail!.decoded), phi).not.toContain(phi);
    }
    const token = mail!.decoded.match(/https:\/\/app\.billcycle\.test\/d\/([A-Za-z0-9._-]+)/)?.[1];
    expect(token).toBeTruthy();
    const claims = verifyShareLink(linkKey, token!, clock.now());
    expect(claims).toMatchObject({ practiceId: p.practiceId, documentId: doc!.id });
    expect(claims.expiresAt.getTime()).toBe(clock.now().getTime() + 30 * 86_400_000);

    // Shared once: another run, and scheduling the invoice again, change nothing.
    clock.advance(10 * MINUTE);
    await shareDueDocuments(database, p.practiceId, ports.sharing, clock);
    expect(mailTo(email)).toHaveLength(1);
    expect(issuer.calls).toBe(1);
  });

  it("a bill opened by hand (Pended → Open) is scheduled by the one invoice transition", async () => {
    const clock = new ManualClock(local(`${DAY}T09:00`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 15 });
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: `${DAY}T08:00`,
      status: "kept",
    });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: DAY, mode: "manual" },
      clock.now(),
    );
    expect(await sharesOf(p.practiceId)).toHaveLength(0);
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.clientId, clientId));
    clock.advance(5 * MINUTE);
    await openInvoices(database, { actor: p.actor, invoiceIds: [invoice!.id], now: clock.now() });
    const [share] = await sharesOf(p.practiceId);
    expect(share!.dueAt.getTime()).toBe(clock.now().getTime() + 15 * MINUTE);
    // Scheduled once: asked again (a later transition to Open), the share is left as it is.
    const again = await database.db.transaction((tx) =>
      scheduleInvoiceShares(tx, { practiceId: p.practiceId, invoiceIds: [invoice!.id], now: clock.now() }),
    );
    expect(again).toBe(0);
    expect(await sharesOf(p.practiceId)).toEqual([share]);
    clock.advance(15 * MINUTE);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(p.practiceId))[0]!.status).toBe("sent");
    expect(mailTo(await emailOf(clientId))).toHaveLength(1);
  });

  const skippedFor = async (settings: Record<string, unknown>, client: Record<string, unknown>) => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 60, ...settings }, client);
    await billNightly(p, clientId, clock);
    const before = smtp.received.length;
    clock.advance(60 * MINUTE);
    await drainJobs({ database, clock, ports });
    const [share] = await sharesOf(p.practiceId);
    expect(smtp.received.length, "nothing was mailed").toBe(before);
    expect(share!.status).toBe("skipped");
    return share!;
  };

  it("each reason not to share fires on its own and is recorded, never silent", async () => {
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ["NO_EMAIL", {}, { email: null }],
      ["EMAIL_OPTED_OUT", {}, { emailOptIn: false }],
      ["CLIENT_SHARING_OFF", {}, { autoShareDocuments: false }],
      ["PRACTICE_SHARING_OFF", { autoShareEnabled: false }, {}],
      ["KIND_NOT_SHARED", {}, { shareDocumentKinds: "superbills" }],
      ["INVALID_EMAIL", {}, { email: "someone@localhost" }],
    ];
    for (const [code, settings, client] of cases) {
      const share = await skippedFor(settings, client);
      expect(share.reasonCode, code).toBe(code);
      expect(
        share.reasons?.map((r) => r.code),
        code,
      ).toEqual([code]);
      expect(share.reasons?.[0]?.message.length).toBeGreaterThan(10);
      expect(share.finishedAt).not.toBeNull();
      const [audit] = rowsOf<{ details: { reason: string } }>(
        await database.db.execute(
          sql`SELECT details FROM audit_log WHERE entity = 'document_share' AND entity_id = ${share.id}`,
        ),
      );
      expect(audit?.details.reason).toBe(code);
    }
    expect(issuer.calls, "no bill is issued for a share that is skipped").toBe(0);
  });

  it("a client who shares bills gets the bill; one who shares superbills only gets the superbill", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const bills = await setup(clock, { shareDelayMinutes: 0 }, { shareDocumentKinds: "bills" });
    await billNightly(bills.p, bills.clientId, clock);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(bills.p.practiceId))[0]!.status).toBe("sent");

    const superbills = await setup(clock, { shareDelayMinutes: 30 }, { shareDocumentKinds: "superbills" });
    const documentId = newId();
    const pdf = tinyPdf("superbill");
    await database.db.transaction(async (tx) => {
      await tx.insert(tables.documents).values({
        id: documentId,
        practiceId: superbills.p.practiceId,
        clientId: superbills.clientId,
        kind: "superbill",
        number: "SB-1",
        status: "issued",
        periodFrom: "2026-02-01",
        periodTo: "2026-02-28",
        amountCents: 0,
        source: "automation",
        issuedAt: clock.now(),
        pdf,
        pdfSha256: "x",
        pdfBytes: pdf.byteLength,
      });
      expect(
        await scheduleDocumentShare(tx, {
          practiceId: superbills.p.practiceId,
          documentId,
          now: clock.now(),
        }),
      ).toEqual({ scheduled: true, dueAt: new Date(clock.now().getTime() + 30 * MINUTE) });
      // Once per document.
      expect(
        (
          await scheduleDocumentShare(tx, {
            practiceId: superbills.p.practiceId,
            documentId,
            now: clock.now(),
          })
        ).scheduled,
      ).toBe(false);
    });
    clock.advance(29 * MINUTE);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(superbills.p.practiceId))[0]!.status).toBe("scheduled");
    clock.advance(MINUTE);
    await drainJobs({ database, clock, ports });
    const [share] = await sharesOf(superbills.p.practiceId);
    expect(share).toMatchObject({ status: "sent", subjectType: "document", documentId, kind: "superbill" });
    const [mail] = mailTo(await emailOf(superbills.clientId));
    const token = mail!.decoded.match(/\/d\/([A-Za-z0-9._-]+)/)?.[1];
    expect(verifyShareLink(linkKey, token!, clock.now()).documentId).toBe(documentId);
  });

  it("a bill voided before it is due is skipped as DOCUMENT_VOID; so is a voided superbill", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 60 });
    const invoiceId = await billNightly(p, clientId, clock);
    clock.advance(20 * MINUTE);
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId,
      reason: "Entered in error",
      disposition: "correction",
      now: clock.now(),
    });
    clock.advance(40 * MINUTE);
    await drainJobs({ database, clock, ports });
    const [share] = await sharesOf(p.practiceId);
    expect(share).toMatchObject({ status: "skipped", reasonCode: "DOCUMENT_VOID" });
    expect(mailTo(await emailOf(clientId))).toHaveLength(0);
    expect(issuer.calls).toBe(0);

    const other = await setup(clock, { shareDelayMinutes: 60 });
    const documentId = await issueSuperbill(other.p.practiceId, other.clientId, clock.now());
    clock.advance(30 * MINUTE);
    await database.db
      .update(tables.documents)
      .set({ status: "void", voidedAt: clock.now(), voidReason: "Wrong period" })
      .where(eq(tables.documents.id, documentId));
    clock.advance(30 * MINUTE);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(other.p.practiceId))[0]).toMatchObject({
      status: "skipped",
      reasonCode: "DOCUMENT_VOID",
    });
    expect(mailTo(await emailOf(other.clientId))).toHaveLength(0);
  });

  it("an SMTP server that refuses (5xx) is a recorded failed attempt, and the retry later succeeds", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 0 });
    await billNightly(p, clientId, clock);
    smtp.behave("refuse");
    await drainJobs({ database, clock, ports });
    const [failed] = await sharesOf(p.practiceId);
    expect(failed).toMatchObject({
      status: "scheduled",
      attempts: 1,
      reasonCode: "SMTP_REFUSED",
      sentAt: null,
    });
    expect(failed!.reasons?.[0]?.message).toContain("554");
    expect(failed!.dueAt.getTime()).toBe(clock.now().getTime() + 5 * MINUTE);
    const history = rowsOf<{ details: { path: string } }>(
      await database.db.execute(
        sql`SELECT details FROM audit_log WHERE entity = 'document_share' AND entity_id = ${failed!.id}`,
      ),
    );
    expect(history.map((h) => h.details.path)).toEqual(["failed>scheduled"]);
    expect(mailTo(await emailOf(clientId))).toHaveLength(0);

    smtp.behave("accept");
    clock.advance(4 * MINUTE);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(p.practiceId))[0]!.status).toBe("scheduled");
    clock.advance(MINUTE);
    await drainJobs({ database, clock, ports });
    const [sent] = await sharesOf(p.practiceId);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, reasonCode: null });
    expect(mailTo(await emailOf(clientId))).toHaveLength(1);
    // The bill issued by the first attempt is the one sent: no second version.
    expect(issuer.calls).toBe(1);
  });

  it("an SMTP server that drops the connection is a failed attempt; attempts are bounded", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 0 });
    await billNightly(p, clientId, clock);
    smtp.behave("drop");
    await drainJobs({ database, clock, ports });
    const [first] = await sharesOf(p.practiceId);
    expect(first).toMatchObject({ status: "scheduled", attempts: 1, reasonCode: "SMTP_UNAVAILABLE" });
    for (let i = 2; i <= MAX_SHARE_ATTEMPTS; i++) {
      clock.advance(24 * 60 * MINUTE);
      await drainJobs({ database, clock, ports });
    }
    const [last] = await sharesOf(p.practiceId);
    expect(last).toMatchObject({
      status: "failed",
      attempts: MAX_SHARE_ATTEMPTS,
      reasonCode: "SMTP_UNAVAILABLE",
    });
    expect(last!.finishedAt).not.toBeNull();
    clock.advance(24 * 60 * MINUTE);
    await drainJobs({ database, clock, ports });
    expect((await sharesOf(p.practiceId))[0]!.attempts).toBe(MAX_SHARE_ATTEMPTS);
    expect(mailTo(await emailOf(clientId))).toHaveLength(0);
  });

  it("a sender that dies after claiming leaves the share to the next once its lease runs out", async () => {
    const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
    const { p, clientId } = await setup(clock, { shareDelayMinutes: 0 });
    await billNightly(p, clientId, clock);
    // The first sender claims and dies before sending: its mailer never answers.
    const dead: SharingPorts = {
      ...ports.sharing,
      mailer: { fromAddress: FROM, send: () => new Promise(() => undefined), close: () => undefined },
    };
    void shareDueDocuments(database, p.practiceId, dead, clock, { leaseMs: 2 * MINUTE });
    await expect.poll(async () => (await sharesOf(p.practiceId))[0]!.leaseUntil).not.toBeNull();
    const waiting = await shareDueDocuments(database, p.practiceId, ports.sharing, clock);
    expect(waiting.sent).toBe(0);
    expect(waiting.retryAt?.getTime()).toBe(clock.now().getTime() + 2 * MINUTE);
    clock.advance(2 * MINUTE);
    expect((await shareDueDocuments(database, p.practiceId, ports.sharing, clock)).sent).toBe(1);
    expect(mailTo(await emailOf(clientId))).toHaveLength(1);
    expect((await sharesOf(p.practiceId))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it.skipIf(backend !== "postgres")(
    "two workers share 120 due documents exactly once",
    async () => {
      const clock = new ManualClock(local(`${DAY}T23:59`, ZONE));
      const p = await createBillingPractice(database, ZONE, clock.now(), "Two Workers Therapy");
      const clientIds: string[] = [];
      for (let i = 0; i < 120; i++) {
        const id = await createClient(database, p, clock.now(), { paysBy: "self_pay" });
        await database.db
          .update(tables.clients)
          .set({ email: `two.${i}@example.com` })
          .where(eq(tables.clients.id, id));
        await createAppointment(database, p, id, clock.now(), { localStart: `${DAY}T10:00`, status: "kept" });
        clientIds.push(id);
      }
      await createInvoices(
        database,
        { practiceId: p.practiceId, trigger: "schedule", runId: null, today: DAY, mode: "nightly" },
        clock.now(),
      );
      clock.advance(60 * MINUTE);
      const before = smtp.received.length;
      const second = smtpShareMailer({ url: smtp.url, from: FROM });
      const results = await Promise.all([
        shareDueDocuments(database, p.practiceId, ports.sharing, clock, { batchSize: 10 }),
        shareDueDocuments(database, p.practiceId, { ...ports.sharing, mailer: second }, clock, {
          batchSize: 10,
        }),
        drainJobs({ database, clock, ports, workerId: "third" }),
      ]);
      second.close();
      expect(results[0].sent + results[1].sent).toBeGreaterThan(0);
      const mails = smtp.received.slice(before);
      expect(mails).toHaveLength(120);
      expect(new Set(mails.map((m) => m.headers.get("message-id"))).size).toBe(120);
      const shares = await sharesOf(p.practiceId);
      expect(shares.every((s) => s.status === "sent" && s.attempts === 1)).toBe(true);
      const jobs = await database.db
        .select()
        .from(tables.jobs)
        .where(eq(tables.jobs.queue, shareDocumentsJob.name));
      expect(jobs.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
