import {
  addDays,
  DomainError,
  formatEmployerInvoiceNumber,
  isSupportedDate,
  notFound,
} from "@billcycle/core";
import { type Address, bulkInsert, type Executor, everyRow, newId, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { allocateNumbers } from "../billing/allocate-numbers";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { requireInvoicesEnabled, type resolveProfile, resolveProfiles } from "./employer-billing-context";
import type { CreateEmployerBatchBody, EmployerBatchDetail } from "./employer-billing-schemas";
import { getEmployerBatch } from "./get-employer-batch";
import { storeMissingInvoicePdfs } from "./store-invoice-pdfs";

export type CreateEmployerBatchInput = CreateEmployerBatchBody & { actor: TenantActor; now: Date };

type Candidate = {
  appointment_id: string;
  employer_id: string;
  client_id: string;
  employee_name: string;
  date_of_service: string;
  service_id: string;
  code: string;
  description: string;
  units: number;
  amount_cents: string | number;
  authorization_number: string | null;
};

/** Each range's from must not be after its to; checked before anything is read. */
export const checkRanges = (input: CreateEmployerBatchBody): void => {
  for (const [from, to, field] of [
    [input.dosFrom, input.dosTo, "dosFrom"],
    [input.postFrom, input.postTo, "postFrom"],
  ] as const) {
    for (const d of [from, to]) {
      if (d !== undefined && !isSupportedDate(d)) {
        throw new DomainError("INVALID_DATE", "A date of the batch is not a calendar date", { field });
      }
    }
    if (from && to && from > to) {
      throw new DomainError(
        "INVALID_DATE",
        `${field === "dosFrom" ? "DOS" : "Post date"} from (${from}) is after ${field === "dosFrom" ? "DOS" : "post date"} to (${to})`,
        { field },
      );
    }
  }
};

/**
 * On-demand batch (seed 003): one invoice per employer (the employer, or every employer of the group) with every
 * Kept encounter billed to it that matches the optional DOS and post-date ranges and is not invoiced yet. Each
 * encounter is claimed in employer_billed_encounters (primary key per encounter) in the same transaction, so two
 * billers batching the same employer at once never put one encounter on two invoices: the second waits for the
 * first and skips what it took. Nothing to invoice is NOTHING_TO_INVOICE, and nothing is written.
 */
export const createEmployerBatch = async (
  database: { db: Executor },
  input: CreateEmployerBatchInput,
): Promise<EmployerBatchDetail> => {
  const { actor, now } = input;
  if ((input.employerId === undefined) === (input.groupId === undefined)) {
    throw new DomainError("VALIDATION_FAILED", "A batch is for one employer or one employer group", {
      field: input.employerId === undefined ? "employerId" : "groupId",
    });
  }
  checkRanges(input);
  const practiceId = actor.practiceId;
  try {
    const created = await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const employers = await targetEmployers(tx, practiceId, input);
      const { timeZone, today } = await practiceToday(tx, practiceId, now);
      const candidates = await findBillableEncounters(
        tx,
        practiceId,
        timeZone,
        employers.map((e) => e.id),
        input,
      );
      if (candidates.length === 0) throw nothingToInvoice();

      // One invoice id per employer with candidates; claim each encounter for it (skipping what another took).
      const invoiceIdOf = new Map<string, string>();
      for (const c of candidates) {
        if (!invoiceIdOf.has(c.employer_id)) invoiceIdOf.set(c.employer_id, newId(now.getTime()));
      }
      const byAppointment = new Map<string, string>();
      for (const c of candidates) byAppointment.set(c.appointment_id, invoiceIdOf.get(c.employer_id)!);
      const claimed = new Set(
        rowsOf<{ appointment_id: string }>(
          await tx.execute(
            bulkInsert(
              tables.employerBilledEncounters,
              {
                practiceId: everyRow(practiceId),
                appointmentId: [...byAppointment.keys()],
                invoiceId: [...byAppointment.values()],
              },
              sql`ON CONFLICT DO NOTHING RETURNING appointment_id`,
            ),
          ),
        ).map((r) => r.appointment_id),
      );
      const lines = candidates.filter((c) => claimed.has(c.appointment_id));
      if (lines.length === 0) throw nothingToInvoice();

      const employerIds = [...new Set(lines.map((l) => l.employer_id))];
      const batchNumber = await allocateNumbers(tx, practiceId, "employer_batch", 1, 1000);
      const firstInvoice = await allocateNumbers(
        tx,
        practiceId,
        "employer_invoice",
        employerIds.length,
        1000,
      );
      const batchId = newId(now.getTime());
      await tx.insert(tables.employerInvoiceBatches).values({
        id: batchId,
        practiceId,
        createdAt: now,
        updatedAt: now,
        number: batchNumber,
        kind: "on_demand",
        employerId: input.employerId ?? null,
        groupId: input.groupId ?? null,
        dosFrom: input.dosFrom ?? null,
        dosTo: input.dosTo ?? null,
        postFrom: input.postFrom ?? null,
        postTo: input.postTo ?? null,
        note: input.note ?? null,
        createdBy: actor.label,
        createdByUserId: actor.userId,
      });
      const employerById = new Map(employers.map((e) => [e.id, e]));
      const profiles = await resolveProfiles(tx, practiceId, employerIds);
      const linesOf = new Map<string, Candidate[]>();
      for (const l of lines) {
        const own = linesOf.get(l.employer_id);
        if (own) own.push(l);
        else linesOf.set(l.employer_id, [l]);
      }
      const invoices = employerIds.map((employerId, i) => {
        const employer = employerById.get(employerId)!;
        const profile = profiles.get(employerId)!;
        const termsDays = profile.termsDays ?? employer.termsDays;
        const own = linesOf.get(employerId)!;
        return {
          id: invoiceIdOf.get(employerId)!,
          employer,
          number: formatEmployerInvoiceNumber(profile.numberPrefix, firstInvoice + i, today),
          dueOn: addDays(today, termsDays),
          profile,
          lines: own,
          total: own.reduce((s, l) => s + Number(l.amount_cents), 0),
        };
      });
      await insertInvoices(tx, practiceId, batchId, today, now, invoices);
      await recordAudit(tx, actor, "create", "employer_invoice_batch", batchId, now, {
        number: batchNumber,
        employerId: input.employerId ?? null,
        groupId: input.groupId ?? null,
        invoiceIds: invoices.map((i) => i.id),
        encounters: byAppointment.size,
      });
      return { batchId, invoiceIds: invoices.map((i) => i.id) };
    });
    // Rendered after the commit, from the stored rows, so the write transaction holds its locks for the writes
    // only; an invoice whose PDF a crash left unstored gets it on its first read (storeMissingInvoicePdfs).
    await storeMissingInvoicePdfs(database.db, practiceId, created.invoiceIds, now);
    return await getEmployerBatch(database.db, practiceId, { batchId: created.batchId });
  } catch (e) {
    throw translateDbError(e);
  }
};

const nothingToInvoice = () =>
  new DomainError(
    "NOTHING_TO_INVOICE",
    "No encounter billed to this employer matches the dates and is not invoiced yet: no batch was created",
  );

const targetEmployers = async (tx: Executor, practiceId: string, input: CreateEmployerBatchBody) => {
  const t = tables.employers;
  if (input.employerId) {
    const rows = await tx
      .select()
      .from(t)
      .where(and(eq(t.practiceId, practiceId), eq(t.id, input.employerId)));
    if (rows.length === 0) throw notFound("Employer");
    return rows;
  }
  const [group] = await tx
    .select({ id: tables.employerGroups.id })
    .from(tables.employerGroups)
    .where(
      and(eq(tables.employerGroups.practiceId, practiceId), eq(tables.employerGroups.id, input.groupId!)),
    );
  if (!group) throw notFound("Employer group");
  const rows = await tx
    .select()
    .from(t)
    .where(and(eq(t.practiceId, practiceId), eq(t.groupId, group.id)));
  if (rows.length === 0) throw nothingToInvoice();
  return rows;
};

/**
 * The service lines of every Kept encounter billed to one of `employerIds` (the encounter's bill-to, else its
 * client's case), in the ranges, on no live employer invoice and no client invoice; priced from the employer's
 * fee schedule where it has the service, else the practice's fee. Post date: the practice-local day it was kept.
 */
const findBillableEncounters = async (
  tx: Executor,
  practiceId: string,
  timeZone: string,
  employerIds: string[],
  r: CreateEmployerBatchBody,
): Promise<Candidate[]> => {
  const ids = sql.raw(`'{${employerIds.join(",")}}'`);
  const postDate = sql`(COALESCE(a.status_changed_at, a.starts_at) AT TIME ZONE ${timeZone})::date`;
  return rowsOf<Candidate>(
    await tx.execute(sql`
      WITH fees AS (
        SELECT DISTINCT ON (e.id, f.entry->>'serviceId') e.id AS employer_id, f.entry->>'serviceId' AS service_id,
          (f.entry->>'feeCents')::bigint AS fee_cents
        FROM employers e, jsonb_array_elements(e.fee_schedule) WITH ORDINALITY f(entry, n)
        WHERE e.practice_id = ${practiceId} AND e.id = ANY(${ids}::uuid[])
        ORDER BY e.id, f.entry->>'serviceId', f.n
      )
      SELECT a.id AS appointment_id, COALESCE(a.bill_to_employer_id, c.employer_id) AS employer_id, c.id AS client_id,
        c.last_name || ', ' || c.first_name AS employee_name, a.date_of_service::text AS date_of_service,
        s.id AS service_id, s.code, s.description, aps.units,
        aps.units * COALESCE(fee.fee_cents, s.fee_cents) AS amount_cents,
        a.authorization_number
      FROM appointments a
      JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
      JOIN appointment_services aps ON aps.practice_id = a.practice_id AND aps.appointment_id = a.id
      JOIN services s ON s.practice_id = a.practice_id AND s.id = aps.service_id
      LEFT JOIN fees fee ON fee.employer_id = COALESCE(a.bill_to_employer_id, c.employer_id)
        AND fee.service_id = s.id::text
      WHERE a.practice_id = ${practiceId} AND a.status = 'kept'
        AND COALESCE(a.bill_to_employer_id, c.employer_id) = ANY(${ids}::uuid[])
        AND COALESCE(a.bill_to, c.bill_to, CASE c.pays_by WHEN 'insurance' THEN 'insurance' ELSE 'client' END) = 'employer'
        ${r.dosFrom ? sql`AND a.date_of_service >= ${r.dosFrom}::date` : sql``}
        ${r.dosTo ? sql`AND a.date_of_service <= ${r.dosTo}::date` : sql``}
        ${r.postFrom ? sql`AND ${postDate} >= ${r.postFrom}::date` : sql``}
        ${r.postTo ? sql`AND ${postDate} <= ${r.postTo}::date` : sql``}
        AND NOT EXISTS (SELECT 1 FROM employer_billed_encounters b WHERE b.practice_id = a.practice_id AND b.appointment_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM appointment_invoices ai WHERE ai.appointment_id = a.id)
      ORDER BY employer_id, a.date_of_service, a.id, aps.position`),
  );
};

type NewInvoice = {
  id: string;
  employer: { id: string; name: string; address: Address | null };
  number: string;
  dueOn: string;
  profile: Awaited<ReturnType<typeof resolveProfile>>;
  lines: Candidate[];
  total: number;
};

/** Inserts the invoices Open, and their lines, in two statements. */
const insertInvoices = async (
  tx: Executor,
  practiceId: string,
  batchId: string,
  today: string,
  now: Date,
  invoices: NewInvoice[],
): Promise<void> => {
  await tx.insert(tables.employerInvoices).values(
    invoices.map((inv) => ({
      id: inv.id,
      practiceId,
      createdAt: now,
      updatedAt: now,
      batchId,
      employerId: inv.employer.id,
      kind: "invoice" as const,
      number: inv.number,
      timesBatched: 1,
      issuedOn: today,
      dueOn: inv.dueOn,
      totalCents: inv.total,
      amountDueCents: inv.total,
      status: "open" as const,
      profile: profileContent(inv.profile),
      billTo: { name: inv.employer.name, address: inv.employer.address },
      delivery: inv.profile.delivery,
    })),
  );
  const all = invoices.flatMap((inv) => inv.lines.map((l, i) => ({ inv, l, position: i + 1 })));
  await tx.execute(
    bulkInsert(tables.employerInvoiceLines, {
      id: all.map(() => newId(now.getTime())),
      practiceId: everyRow(practiceId),
      invoiceId: all.map((x) => x.inv.id),
      position: all.map((x) => x.position),
      appointmentId: all.map((x) => x.l.appointment_id),
      clientId: all.map((x) => x.l.client_id),
      employeeName: all.map((x) => x.l.employee_name),
      dateOfService: all.map((x) => x.l.date_of_service),
      serviceId: all.map((x) => x.l.service_id),
      code: all.map((x) => x.l.code),
      description: all.map((x) => x.l.description),
      units: all.map((x) => x.l.units),
      amountCents: all.map((x) => Number(x.l.amount_cents)),
      authorizationNumber: all.map((x) => x.l.authorization_number),
    }),
  );
};

export const profileContent = (p: Awaited<ReturnType<typeof resolveProfile>>) => ({
  header: p.header,
  remitTo: p.remitTo,
  logoText: p.logoText,
  termsDays: p.termsDays,
  columns: p.columns,
  grouping: p.grouping,
  delivery: p.delivery,
  numberPrefix: p.numberPrefix,
});
