import {
  applyEmployerReceipt,
  appointmentsResource,
  changeAppointmentStatus,
  createCreditMemo,
  createEmployerBatch,
  emailEmployerInvoice,
  getEmployerBatch,
  getEmployerDashboard,
  getEmployerInvoice,
  listEmployerInvoices,
  loadEmployerInvoicePdf,
  rebatchEmployerBatch,
  recordEmployerReceipt,
  reverseEmployerReceipt,
  saveInvoiceProfile,
  smtpInvoiceMailer,
  storeMissingInvoicePdfs,
  updateResource,
  voidEmployerInvoice,
} from "@billcycle/app";
import { DomainError, ManualClock } from "@billcycle/core";
import { type Database, newId, openDatabase, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  createAppointment,
  createBillingPractice,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { type SmtpTestServer, startSmtpTestServer } from "@billcycle/testing/smtp-test-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickScheduler } from "../src/clock/tick-scheduler";
import { drainJobs } from "../src/worker";

const ZONE = "America/Chicago";
const now = local("2026-03-20T12:00", ZONE);

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
};

const count = async (database: Database, table: string): Promise<number> =>
  Number(
    rowsOf<{ n: string }>(await database.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n,
  );

/** Counts of every table an employer-billing write touches: a refusal must leave all of them as they were. */
const footprint = async (database: Database) => ({
  batches: await count(database, "employer_invoice_batches"),
  invoices: await count(database, "employer_invoices"),
  lines: await count(database, "employer_invoice_lines"),
  billed: await count(database, "employer_billed_encounters"),
  receipts: await count(database, "employer_receipts"),
  applications: await count(database, "employer_receipt_applications"),
  pdfs: await count(database, "employer_invoice_pdfs"),
});

describe.each(testBackends())("employer billing (%s)", (backend) => {
  let database: TestDatabase;
  let p: PracticeFixture;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.dispose();
  });

  const enableInvoices = (practiceId: string) =>
    database.db.execute(sql`
      UPDATE practices SET billing_settings = billing_settings || '{"invoicesEnabled": true}'::jsonb WHERE id = ${practiceId}`);

  const employer = async (
    practice: PracticeFixture,
    name: string,
    o: { groupId?: string; fees?: Array<{ serviceId: string; feeCents: number }>; email?: string } = {},
  ) => {
    const id = newId();
    await database.db.insert(tables.employers).values({
      id,
      practiceId: practice.practiceId,
      name,
      groupId: o.groupId ?? null,
      termsDays: 30,
      contacts: o.email ? [{ name: "Pat Payroll", email: o.email, billing: true }] : [],
      feeSchedule: o.fees ?? [],
      address: { line1: "5 Plant Road", city: "Austin", state: "TX", zip: "78702" },
    });
    return id;
  };
  const group = async (practice: PracticeFixture, name: string) => {
    const id = newId();
    await database.db.insert(tables.employerGroups).values({ id, practiceId: practice.practiceId, name });
    return id;
  };
  /** An employee of the employer whose case is billed to it. */
  const employee = async (
    practice: PracticeFixture,
    employerId: string | null,
    lastName: string,
    billTo: "employer" | "client" | null = "employer",
  ) => {
    const id = newId();
    await database.db.insert(tables.clients).values({
      id,
      practiceId: practice.practiceId,
      firstName: "Sam",
      lastName,
      dateOfBirth: "1985-01-01",
      sex: "M",
      paysBy: "self_pay",
      autopay: false,
      autoShareDocuments: false,
      autoSuperbills: false,
      employerId,
      billTo,
    });
    return id;
  };
  /** A Kept encounter on `date`, posted (kept) at `postedAt`. */
  const encounter = (practice: PracticeFixture, clientId: string, date: string, postedAt: Date = now) =>
    createAppointment(database, practice, clientId, postedAt, {
      localStart: `${date}T09:00`,
      status: "kept",
    });

  it("needs the practice's invoices setting", async () => {
    const practice = await createBillingPractice(database, ZONE, now, "Disabled Practice");
    const e = await employer(practice, "Acme");
    expect(await codeOf(createEmployerBatch(database, { actor: practice.actor, employerId: e, now }))).toBe(
      "INVOICES_DISABLED",
    );
  });

  describe("with invoices on", () => {
    let acme: string;
    let globex: string;
    let initech: string;
    let groupId: string;
    let encounters: Record<string, string>;
    beforeAll(async () => {
      p = await createBillingPractice(database, ZONE, now, "Occupational Health");
      await enableInvoices(p.practiceId);
      groupId = await group(p, "Metro Manufacturers");
      acme = await employer(p, "Acme Tools", {
        fees: [{ serviceId: p.services.therapy, feeCents: 9000 }],
        email: "ap@acme.example",
      });
      globex = await employer(p, "Globex", { groupId });
      initech = await employer(p, "Initech", { groupId });
      const a1 = await employee(p, acme, "Alvarez");
      const a2 = await employee(p, acme, "Brown", null);
      const a3 = await employee(p, acme, "Chen", "client");
      const g1 = await employee(p, globex, "Diaz");
      const i1 = await employee(p, initech, "Evans");
      encounters = {
        a1Mar2: await encounter(p, a1, "2026-03-02", local("2026-03-02T12:00", ZONE)),
        a1Mar9: await encounter(p, a1, "2026-03-09", local("2026-03-12T12:00", ZONE)),
        a1Mar16: await encounter(p, a1, "2026-03-16", local("2026-03-16T12:00", ZONE)),
        // The client's case says nothing: the encounter itself is billed to the employer.
        a2Mar3: await encounter(p, a2, "2026-03-03", local("2026-03-03T12:00", ZONE)),
        // Billed to the client: never on an employer invoice.
        a3Mar4: await encounter(p, a3, "2026-03-04", local("2026-03-04T12:00", ZONE)),
        g1Mar5: await encounter(p, g1, "2026-03-05"),
        i1Mar6: await encounter(p, i1, "2026-03-06"),
      };
      await database.db.execute(
        sql`UPDATE appointments SET bill_to = 'employer', authorization_number = 'PO-77' WHERE id = ${encounters.a2Mar3!}`,
      );
    });

    it("refuses a DOS range whose from is after its to, writing nothing", async () => {
      const before = await footprint(database);
      const err = await createEmployerBatch(database, {
        actor: p.actor,
        employerId: acme,
        dosFrom: "2026-03-10",
        dosTo: "2026-03-01",
        now,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe("INVALID_DATE");
      expect((err as DomainError).details).toMatchObject({ field: "dosFrom" });
      expect(await footprint(database)).toEqual(before);
    });

    it("refuses an employer of another practice as not found", async () => {
      const other = await createBillingPractice(database, ZONE, now, "Other Practice");
      const theirs = await employer(other, "Not Yours");
      expect(await codeOf(createEmployerBatch(database, { actor: p.actor, employerId: theirs, now }))).toBe(
        "NOT_FOUND",
      );
    });

    it("batches by DOS range alone, by post-date range alone, then the rest; an empty batch creates nothing", async () => {
      const byDos = await createEmployerBatch(database, {
        actor: p.actor,
        employerId: acme,
        dosFrom: "2026-03-02",
        dosTo: "2026-03-03",
        note: "Requested by Pat",
        now,
      });
      expect(byDos.invoices).toHaveLength(1);
      const first = await getEmployerInvoice(database.db, {
        actor: p.actor,
        invoiceId: byDos.invoices[0]!.id,
      });
      expect(first.lines.map((l) => l.appointmentId).sort()).toEqual(
        [encounters.a1Mar2, encounters.a2Mar3].sort(),
      );
      // Acme's own fee for therapy (90.00), not the practice's 175.00.
      expect(first.lines.map((l) => l.amountCents)).toEqual([9000, 9000]);
      expect(first.invoice.status).toBe("open");
      expect(first.invoice.dueOn).toBe("2026-04-19");

      // Post date 2026-03-12 (kept then) although its DOS is 03-09.
      const byPost = await createEmployerBatch(database, {
        actor: p.actor,
        employerId: acme,
        postFrom: "2026-03-10",
        postTo: "2026-03-13",
        now,
      });
      const second = await getEmployerInvoice(database.db, {
        actor: p.actor,
        invoiceId: byPost.invoices[0]!.id,
      });
      expect(second.lines.map((l) => l.appointmentId)).toEqual([encounters.a1Mar9]);
      expect(byPost.batch.number).toBe(byDos.batch.number + 1);

      const both = await createEmployerBatch(database, {
        actor: p.actor,
        employerId: acme,
        dosFrom: "2026-03-01",
        dosTo: "2026-03-31",
        postFrom: "2026-03-14",
        now,
      });
      const third = await getEmployerInvoice(database.db, {
        actor: p.actor,
        invoiceId: both.invoices[0]!.id,
      });
      expect(third.lines.map((l) => l.appointmentId)).toEqual([encounters.a1Mar16]);

      const before = await footprint(database);
      const err = await codeOf(createEmployerBatch(database, { actor: p.actor, employerId: acme, now }));
      expect(err).toBe("NOTHING_TO_INVOICE");
      expect(await footprint(database)).toEqual(before);
    });

    it("batches a group: one invoice per employer in it", async () => {
      const detail = await createEmployerBatch(database, { actor: p.actor, groupId, now });
      expect(detail.invoices.map((i) => i.employerName).sort()).toEqual(["Globex", "Initech"]);
      expect(detail.batch.invoiceCount).toBe(2);
      expect(detail.batch.encounterCount).toBe(2);
      // The navigation search's lookup by number.
      const found = await getEmployerBatch(database.db, p.practiceId, { number: detail.batch.number });
      expect(found.batch.id).toBe(detail.batch.id);
    });

    it("re-batches as -2, -3, -4 with the same encounters and what is due after payments since", async () => {
      const original = (
        await listEmployerInvoices(database.db, {
          actor: p.actor,
          employerId: acme,
          status: "all",
          limit: 50,
          search: undefined,
          cursor: undefined,
        })
      ).data.find((i) => i.kind === "invoice" && i.encounterCount === 2)!;
      const batchNumber = original.batchNumber;
      const numbers: string[] = [];
      const dues: number[] = [];
      for (const pay of [2500, 4000, 0]) {
        const re = await rebatchEmployerBatch(database, { actor: p.actor, batchNumber, now });
        const inv = re.invoices[0]!;
        numbers.push(inv.number);
        dues.push(inv.amountDueCents);
        const detail = await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv.id });
        expect(detail.lines.map((l) => l.appointmentId).sort()).toEqual(
          [encounters.a1Mar2, encounters.a2Mar3].sort(),
        );
        expect(detail.invoice.totalCents).toBe(18000);
        if (pay > 0) {
          await recordEmployerReceipt(database, {
            actor: p.actor,
            employerId: acme,
            method: "check",
            reference: `CHK-${pay}`,
            receivedOn: "2026-03-19",
            amountCents: pay,
            apply: [{ invoiceId: inv.id, amountCents: pay }],
            now,
          });
        }
      }
      expect(numbers).toEqual([`${original.number}-2`, `${original.number}-3`, `${original.number}-4`]);
      expect(dues).toEqual([18000, 15500, 11500]);
      const last = (
        await listEmployerInvoices(database.db, {
          actor: p.actor,
          employerId: acme,
          status: "all",
          limit: 50,
          search: `${original.number}-4`,
          cursor: undefined,
        })
      ).data[0]!;
      const lastDetail = await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: last.id });
      expect(lastDetail.activity.map((a) => [a.kind, a.reference, a.amountCents])).toEqual([
        ["payment", "check CHK-2500", 2500],
        ["payment", "check CHK-4000", 4000],
      ]);
      const pdf = await readPdfText(
        (await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: last.id })).pdf,
      );
      expect(pdf.text).toContain(`${original.number}-4`);
      expect(pdf.text).toContain("check CHK-4000");
      expect(pdf.text).toContain("$115.00");
      // Every re-batch shows as Partially Paid, like the invoice it reprints.
      expect(last.status).toBe("partially_paid");
      // The PDF is stored once and never changed.
      expect(
        await codeOf(
          database.db
            .execute(sql`UPDATE employer_invoice_pdfs SET pdf_bytes = 1 WHERE invoice_id = ${last.id}`)
            .catch((e: unknown) => {
              throw new DomainError("CONFLICT", String(e));
            }),
        ),
      ).toBe("CONFLICT");
    });

    it("searches invoice ids by contains, with % and _ literal, and filters by status with Open by default", async () => {
      const all = await listEmployerInvoices(database.db, {
        actor: p.actor,
        status: "all",
        limit: 200,
        search: undefined,
        cursor: undefined,
      });
      const some = all.data[0]!.number; // e.g. INV-1001-4
      const part = some.slice(4, 7);
      const found = await listEmployerInvoices(database.db, {
        actor: p.actor,
        status: "all",
        limit: 200,
        search: part,
        cursor: undefined,
      });
      expect(found.data.length).toBeGreaterThan(0);
      expect(found.data.every((i) => i.number.includes(part))).toBe(true);
      for (const wildcard of ["%", "_", "INV_", "1%"]) {
        const r = await listEmployerInvoices(database.db, {
          actor: p.actor,
          status: "all",
          limit: 200,
          search: wildcard,
          cursor: undefined,
        });
        expect(r.data).toEqual([]);
      }
      const open = await listEmployerInvoices(database.db, {
        actor: p.actor,
        status: "open",
        limit: 200,
        search: undefined,
        cursor: undefined,
      });
      expect(open.data.every((i) => i.status === "open" || i.status === "partially_paid")).toBe(true);
      expect(open.data.length).toBeGreaterThan(0);
      const paid = await listEmployerInvoices(database.db, {
        actor: p.actor,
        status: "paid",
        limit: 200,
        search: undefined,
        cursor: undefined,
      });
      expect(paid.data.every((i) => i.status === "paid")).toBe(true);
      expect(open.data.length + paid.data.length).toBeLessThanOrEqual(all.data.length);
    });

    it("credits encounters invoiced in error, releases them to the right party, and refuses bad credits", async () => {
      const [globexInvoice] = (
        await listEmployerInvoices(database.db, {
          actor: p.actor,
          employerId: globex,
          status: "all",
          limit: 10,
          search: undefined,
          cursor: undefined,
        })
      ).data;
      const before = await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: globexInvoice!.id });
      const untouched = await footprint(database);
      expect(
        await codeOf(
          createCreditMemo(database, {
            actor: p.actor,
            invoiceId: globexInvoice!.id,
            appointmentIds: [encounters.i1Mar6!],
            reason: "Wrong employer",
            now,
          }),
        ),
      ).toBe("LINE_NOT_ON_INVOICE");
      expect(await footprint(database)).toEqual(untouched);

      // The Globex encounter was Initech's: credit it and bill it to Initech.
      const memo = await createCreditMemo(database, {
        actor: p.actor,
        invoiceId: globexInvoice!.id,
        appointmentIds: [encounters.g1Mar5!],
        reason: "Wrong employer",
        rebillTo: "employer",
        rebillEmployerId: initech,
        now,
      });
      expect(memo.invoice.kind).toBe("credit_memo");
      expect(memo.invoice.number).toBe(`${globexInvoice!.number}-CM1`);
      expect(memo.invoice.totalCents).toBe(-17500);
      expect(memo.lines[0]!.creditsLineId).toBe(before.lines[0]!.id);
      // Its PDF prints the credited line with the amount negated, and the total.
      const memoText = (
        await readPdfText(
          (
            await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: memo.invoice.id })
          ).pdf,
        )
      ).text;
      expect(memoText.split("-$175.00").length - 1).toBe(2);
      // The original is never edited.
      const after = await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: globexInvoice!.id });
      expect(after.lines.map((l) => [l.id, l.amountCents])).toEqual(
        before.lines.map((l) => [l.id, l.amountCents]),
      );
      expect(after.lines[0]!.creditedByLineId).toBe(memo.lines[0]!.id);
      expect(after.invoice.status).toBe("paid");
      expect(after.invoice.openCents).toBe(0);

      expect(
        await codeOf(
          createCreditMemo(database, {
            actor: p.actor,
            invoiceId: globexInvoice!.id,
            appointmentIds: [encounters.g1Mar5!],
            reason: "Again",
            now,
          }),
        ),
      ).toBe("ALREADY_CREDITED");

      const rebilled = await createEmployerBatch(database, { actor: p.actor, employerId: initech, now });
      const lines = await getEmployerInvoice(database.db, {
        actor: p.actor,
        invoiceId: rebilled.invoices[0]!.id,
      });
      expect(lines.lines.map((l) => l.appointmentId)).toEqual([encounters.g1Mar5]);
    });

    it("applies a receipt across invoices and encounters, keeps the rest unapplied, refuses too much, and reverses", async () => {
      // Fresh Acme work, batched twice.
      const d = await employee(p, acme, "Foster");
      const e1 = await encounter(p, d, "2026-03-17");
      const b1 = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      const e2 = await encounter(p, d, "2026-03-18");
      const b2 = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      const inv1 = await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: b1.invoices[0]!.id });
      const inv2 = b2.invoices[0]!;
      expect(inv1.lines.map((l) => l.appointmentId)).toEqual([e1]);
      const before = await footprint(database);
      expect(
        await codeOf(
          recordEmployerReceipt(database, {
            actor: p.actor,
            employerId: acme,
            method: "eft",
            reference: "EFT-1",
            receivedOn: "2026-03-20",
            amountCents: 5000,
            apply: [{ invoiceId: inv2.id, amountCents: 6000 }],
            now,
          }),
        ),
      ).toBe("EXCEEDS_RECEIPT");
      expect(
        await codeOf(
          recordEmployerReceipt(database, {
            actor: p.actor,
            employerId: acme,
            method: "eft",
            reference: "EFT-1",
            receivedOn: "2026-03-20",
            amountCents: 50000,
            apply: [{ invoiceId: inv2.id, amountCents: 9001 }],
            now,
          }),
        ),
      ).toBe("EXCEEDS_OPEN_AMOUNT");
      expect(await footprint(database)).toEqual(before);

      const receipt = await recordEmployerReceipt(database, {
        actor: p.actor,
        employerId: acme,
        method: "eft",
        reference: "EFT-1",
        receivedOn: "2026-03-20",
        amountCents: 20000,
        apply: [
          { invoiceId: inv1.invoice.id, lineId: inv1.lines[0]!.id, amountCents: 9000 },
          { invoiceId: inv2.id, amountCents: 4000 },
        ],
        now,
      });
      expect(receipt.appliedCents).toBe(13000);
      expect(receipt.unappliedCents).toBe(7000);
      expect(
        (await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv1.invoice.id })).invoice
          .status,
      ).toBe("paid");
      expect(
        (await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv2.id })).invoice.status,
      ).toBe("partially_paid");
      const dash = await getEmployerDashboard(database.db, { actor: p.actor, employerId: acme, now });
      expect(dash.unappliedCents).toBe(7000);

      // The rest, later: only what is left.
      expect(
        await codeOf(
          applyEmployerReceipt(database, {
            actor: p.actor,
            receiptId: receipt.id,
            apply: [{ invoiceId: inv2.id, amountCents: 7001 }],
            now,
          }),
        ),
      ).toBe("EXCEEDS_RECEIPT");
      const more = await applyEmployerReceipt(database, {
        actor: p.actor,
        receiptId: receipt.id,
        apply: [{ invoiceId: inv2.id, amountCents: 5000 }],
        now,
      });
      expect(more.unappliedCents).toBe(2000);
      expect(
        (await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv2.id })).invoice.status,
      ).toBe("paid");

      const reversed = await reverseEmployerReceipt(database, {
        actor: p.actor,
        receiptId: receipt.id,
        reason: "Returned",
        now,
      });
      expect(reversed.appliedCents).toBe(0);
      expect(reversed.reversedAt).not.toBeNull();
      expect(
        (await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv1.invoice.id })).invoice
          .status,
      ).toBe("open");
      expect(
        (await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv2.id })).invoice.status,
      ).toBe("open");
      expect(
        await codeOf(
          reverseEmployerReceipt(database, { actor: p.actor, receiptId: receipt.id, reason: "x", now }),
        ),
      ).toBe("RECEIPT_REVERSED");
      expect(
        await codeOf(
          applyEmployerReceipt(database, {
            actor: p.actor,
            receiptId: receipt.id,
            apply: [{ invoiceId: inv2.id, amountCents: 1 }],
            now,
          }),
        ),
      ).toBe("RECEIPT_REVERSED");

      // A voided invoice is not re-batched.
      await voidEmployerInvoice(database, { actor: p.actor, invoiceId: inv2.id, reason: "Sent twice", now });
      expect(
        await codeOf(rebatchEmployerBatch(database, { actor: p.actor, batchNumber: b2.batch.number, now })),
      ).toBe("INVOICE_VOID");
      // Its encounter is billable again.
      const again = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      expect(
        (
          await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: again.invoices[0]!.id })
        ).lines.map((l) => l.appointmentId),
      ).toEqual([e2]);
    });

    it("shows billed, paid, open and aging on the employer dashboard", async () => {
      const later = local("2026-05-01T12:00", ZONE);
      const dash = await getEmployerDashboard(database.db, { actor: p.actor, employerId: acme, now: later });
      expect(dash.billedCents).toBe(dash.paidCents + dash.creditedCents + dash.openCents);
      expect(dash.aging.current + dash.aging["31_60"] + dash.aging["61_90"] + dash.aging.over_90).toBe(
        dash.openCents,
      );
      expect(dash.aging["31_60"]).toBe(dash.openCents);
    });

    it("follows the profile and emails the PDF to the billing contact over SMTP", async () => {
      await saveInvoiceProfile(database, {
        actor: p.actor,
        employerId: null,
        version: 0,
        profile: {
          header: { name: "Occupational Health of Austin", lines: ["1 Main Street"] },
          remitTo: { lines: ["PO Box 42", "Austin TX 78701"] },
          columns: ["employee_name", "date_of_service", "authorization", "amount"],
          grouping: "date",
          delivery: "email",
          numberPrefix: "OH-",
        },
        now,
      });
      const d = await employee(p, acme, "Garcia");
      const apptId = await encounter(p, d, "2026-03-19");
      await database.db.execute(
        sql`UPDATE appointments SET authorization_number = 'AUTH-9' WHERE id = ${apptId}`,
      );
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      const inv = b.invoices[0]!;
      expect(inv.number).toMatch(/^OH-\d+$/);
      const { pdf } = await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: inv.id });
      const text = (await readPdfText(pdf)).text;
      expect(text).toContain("Occupational Health of Austin");
      expect(text).toContain("PO Box 42");
      expect(text).toContain("AUTH-9");
      expect(text).not.toContain("Service");
      const mailer = smtpInvoiceMailer({ url: smtp.url, from: "billing@oh.example" });
      try {
        const sent = await emailEmployerInvoice(database, { actor: p.actor, invoiceId: inv.id, mailer, now });
        expect(sent.emailedTo).toBe("ap@acme.example");
      } finally {
        mailer.close();
      }
      const mail = smtp.received.at(-1)!;
      expect(mail.to).toEqual(["ap@acme.example"]);
      expect(mail.raw).toContain(`filename=${inv.number}.pdf`);
    });

    it("refuses to change or void an encounter on a live invoice until a credit memo credits it", async () => {
      const d = await employee(p, acme, "Hughes");
      const apptId = await encounter(p, d, "2026-03-19");
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      const inv = b.invoices[0]!;
      const version = async () =>
        Number(
          rowsOf<{ version: number }>(
            await database.db.execute(sql`SELECT version FROM appointments WHERE id = ${apptId}`),
          )[0]!.version,
        );
      const update = async (patch: Record<string, unknown>) =>
        updateResource(database, appointmentsResource, {
          actor: p.actor,
          id: apptId,
          version: await version(),
          patch,
          now,
        });
      const row = async () =>
        rowsOf<Record<string, unknown>>(
          await database.db.execute(sql`SELECT * FROM appointments WHERE id = ${apptId}`),
        );
      const untouched = await row();
      const refusals = [
        await codeOf(update({ services: [{ serviceId: p.services.intake }] })),
        await codeOf(
          update({
            startsAt: local("2026-03-18T09:00", ZONE).toISOString(),
            endsAt: local("2026-03-18T09:50", ZONE).toISOString(),
          }),
        ),
        await codeOf(
          changeAppointmentStatus(database, { actor: p.actor, appointmentId: apptId, to: "no_show", now }),
        ),
      ];
      expect(refusals).toEqual(["ENCOUNTER_INVOICED", "ENCOUNTER_INVOICED", "ENCOUNTER_INVOICED"]);
      const err = await changeAppointmentStatus(database, {
        actor: p.actor,
        appointmentId: apptId,
        to: "no_show",
        now,
      }).catch((e: unknown) => e as DomainError);
      expect((err as DomainError).message).toContain(inv.number);
      expect((err as DomainError).message).toContain("credit memo");
      expect((err as DomainError).details).toMatchObject({ invoiceId: inv.id });
      expect(await row()).toEqual(untouched);

      // Credited: the encounter is released and can be corrected, then billed again.
      await createCreditMemo(database, {
        actor: p.actor,
        invoiceId: inv.id,
        appointmentIds: [apptId],
        reason: "Wrong service",
        now,
      });
      const changed = await update({ services: [{ serviceId: p.services.intake }] });
      expect(changed.id).toBe(apptId);
    });

    it("numbers invoices from the profile's format, keeps -2 on a re-batch, and refuses an unknown token", async () => {
      const e = await employer(p, "Formatted Freight");
      const before = await footprint(database);
      const refused = await codeOf(
        saveInvoiceProfile(database, {
          actor: p.actor,
          employerId: e,
          version: 0,
          profile: {
            header: { name: "Occupational Health", lines: [] },
            remitTo: { lines: ["PO Box 42"] },
            columns: ["employee_name", "amount"],
            grouping: "employee",
            delivery: "print",
            numberPrefix: "FF-{mm}-{seq}",
          },
          now,
        }),
      );
      expect(refused).toBe("INVALID_NUMBER_FORMAT");
      expect(await count(database, "employer_invoice_profiles WHERE employer_id IS NOT NULL")).toBe(0);
      await saveInvoiceProfile(database, {
        actor: p.actor,
        employerId: e,
        version: 0,
        profile: {
          header: { name: "Occupational Health", lines: [] },
          remitTo: { lines: ["PO Box 42"] },
          columns: ["employee_name", "amount"],
          grouping: "employee",
          delivery: "print",
          numberPrefix: "FF-{yyyy}-{seq:6}",
        },
        now,
      });
      await encounter(p, await employee(p, e, "Ibarra"), "2026-03-19");
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: e, now });
      const number = b.invoices[0]!.number;
      expect(number).toMatch(/^FF-2026-\d{6}$/);
      expect(b.invoices[0]!.delivery).toBe("print");
      const re = await rebatchEmployerBatch(database, { actor: p.actor, batchNumber: b.batch.number, now });
      expect(re.invoices[0]!.number).toBe(`${number}-2`);
      // Found by any part of it, the year included.
      const found = await listEmployerInvoices(database.db, {
        actor: p.actor,
        status: "all",
        limit: 10,
        search: `-2026-${number.slice(-6)}`,
        cursor: undefined,
        employerId: e,
      });
      expect(found.data.map((i) => i.number).sort()).toEqual([number, `${number}-2`]);
      expect((await footprint(database)).invoices).toBe(before.invoices + 2);
    });

    it("gives an invoice whose batch died before storing its PDF the same PDF on its first read", async () => {
      const d = await employee(p, acme, "Jensen");
      await encounter(p, d, "2026-03-19");
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: acme, now });
      const inv = b.invoices[0]!;
      const stored = (await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: inv.id })).pdf;
      // The state a crash between the batch's commit and its PDF insert leaves (the trigger set aside to make it).
      await database.db.execute(
        sql`ALTER TABLE employer_invoice_pdfs DISABLE TRIGGER employer_invoice_pdfs_no_change`,
      );
      await database.db.execute(sql`DELETE FROM employer_invoice_pdfs WHERE invoice_id = ${inv.id}`);
      await database.db.execute(
        sql`ALTER TABLE employer_invoice_pdfs ENABLE TRIGGER employer_invoice_pdfs_no_change`,
      );
      expect(await count(database, `employer_invoice_pdfs WHERE invoice_id = '${inv.id}'`)).toBe(0);
      expect((await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv.id })).hasPdf).toBe(
        false,
      );
      const again = (await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: inv.id })).pdf;
      expect(Buffer.from(again).equals(Buffer.from(stored))).toBe(true);
      expect((await getEmployerInvoice(database.db, { actor: p.actor, invoiceId: inv.id })).hasPdf).toBe(
        true,
      );
      // A sweep finds nothing left to render.
      expect(await storeMissingInvoicePdfs(database.db, p.practiceId, null, now)).toBe(0);
    });

    /** The state a crash between a batch's commit and its PDF insert leaves (the trigger set aside to make it). */
    const losePdf = async (invoiceId: string) => {
      await database.db.execute(
        sql`ALTER TABLE employer_invoice_pdfs DISABLE TRIGGER employer_invoice_pdfs_no_change`,
      );
      await database.db.execute(sql`DELETE FROM employer_invoice_pdfs WHERE invoice_id = ${invoiceId}`);
      await database.db.execute(
        sql`ALTER TABLE employer_invoice_pdfs ENABLE TRIGGER employer_invoice_pdfs_no_change`,
      );
    };
    const storedPdf = async (invoiceId: string) =>
      rowsOf<{ pdf: Uint8Array }>(
        await database.db.execute(sql`SELECT pdf FROM employer_invoice_pdfs WHERE invoice_id = ${invoiceId}`),
      ).map((r) => Buffer.from(r.pdf));

    it("the sweep renders the PDFs of invoices that committed without one, on the worker's schedule", async () => {
      const e = await employer(p, "Sweep Supply");
      await encounter(p, await employee(p, e, "Nakamura"), "2026-03-18");
      await encounter(p, await employee(p, e, "Okafor"), "2026-03-19");
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: e, now });
      const inv = b.invoices[0]!;
      const [original] = await storedPdf(inv.id);
      await losePdf(inv.id);
      const clock = new ManualClock(new Date(now.getTime() + 5 * 60_000));
      const deps = { database, clock, ports: filePorts() };
      // Five minutes on, the batch may still be rendering: no sweep yet.
      expect((await tickScheduler(database, clock.now())).pdfSweeps).toBe(0);
      clock.set(new Date(now.getTime() + 11 * 60_000));
      expect((await tickScheduler(database, clock.now())).pdfSweeps).toBe(1);
      // Workers ticking at once in the same slot add no second job.
      expect((await tickScheduler(database, clock.now())).pdfSweeps).toBe(0);
      expect(await storedPdf(inv.id)).toEqual([]);
      expect(await drainJobs(deps)).toBeGreaterThanOrEqual(1);
      const [swept] = await storedPdf(inv.id);
      expect(swept?.equals(original!)).toBe(true);
      // Nothing left: the next slot schedules no sweep.
      clock.set(new Date(now.getTime() + 30 * 60_000));
      expect((await tickScheduler(database, clock.now())).pdfSweeps).toBe(0);
    });

    it("a PDF rendered after the employer moved bills the address the invoice was issued to", async () => {
      const e = await employer(p, "Moving Mills");
      await encounter(p, await employee(p, e, "Quinn"), "2026-03-19");
      const b = await createEmployerBatch(database, { actor: p.actor, employerId: e, now });
      const inv = b.invoices[0]!;
      const [original] = await storedPdf(inv.id);
      const before = await readPdfText(original!);
      expect(before.text).toContain("5 Plant Road");
      await losePdf(inv.id);
      await database.db
        .update(tables.employers)
        .set({
          name: "Moving Mills Holdings",
          address: { line1: "99 New Street", city: "Dallas", state: "TX", zip: "75201" },
        })
        .where(sql`${tables.employers.id} = ${e}`);
      const recovered = (await loadEmployerInvoicePdf(database.db, { actor: p.actor, invoiceId: inv.id }))
        .pdf;
      const text = await readPdfText(recovered);
      expect(text.text).toContain("5 Plant Road");
      expect(text.text).toContain("Moving Mills");
      expect(text.text).not.toContain("99 New Street");
      expect(text.text).not.toContain("Holdings");
      expect(Buffer.from(recovered).equals(original!)).toBe(true);
      // A re-batch is a new invoice, issued now: to the employer as it is now.
      const re = await rebatchEmployerBatch(database, { actor: p.actor, batchNumber: b.batch.number, now });
      const [rePdf] = await storedPdf(re.invoices[0]!.id);
      expect((await readPdfText(rePdf!)).text).toContain("99 New Street");
    });
  });

  it.runIf(backend === "postgres")(
    "never puts one encounter on two invoices when two billers batch at once",
    async () => {
      const practice = await createBillingPractice(database, ZONE, now, "Race Practice");
      await enableInvoices(practice.practiceId);
      const e = await employer(practice, "Racing Co");
      for (let i = 0; i < 40; i++) {
        await encounter(
          practice,
          await employee(practice, e, `Worker${i}`),
          `2026-03-${String(1 + (i % 19)).padStart(2, "0")}`,
        );
      }
      const second = await openDatabase({ kind: "postgres", url: database.url!, poolSize: 2 });
      try {
        const results = await Promise.allSettled([
          createEmployerBatch(database, { actor: practice.actor, employerId: e, now }),
          createEmployerBatch(second, { actor: practice.actor, employerId: e, now }),
          createEmployerBatch(database, { actor: practice.actor, employerId: e, now }),
          createEmployerBatch(second, { actor: practice.actor, employerId: e, now }),
        ]);
        const made = results.filter((r) => r.status === "fulfilled");
        expect(made.length).toBeGreaterThanOrEqual(1);
        for (const r of results) {
          if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("NOTHING_TO_INVOICE");
        }
        const dup = rowsOf<{ appointment_id: string; n: string }>(
          await database.db.execute(sql`
          SELECT l.appointment_id, count(DISTINCT l.invoice_id) AS n FROM employer_invoice_lines l
          JOIN employer_invoices i ON i.id = l.invoice_id
          WHERE i.practice_id = ${practice.practiceId} AND i.kind = 'invoice'
          GROUP BY l.appointment_id HAVING count(DISTINCT l.invoice_id) > 1`),
        );
        expect(dup).toEqual([]);
        const lines = rowsOf<{ n: string }>(
          await database.db.execute(sql`
          SELECT count(DISTINCT l.appointment_id) AS n FROM employer_invoice_lines l
          JOIN employer_invoices i ON i.id = l.invoice_id WHERE i.practice_id = ${practice.practiceId}`),
        );
        expect(Number(lines[0]!.n)).toBe(40);
      } finally {
        await second.close();
      }
    },
  );
});
