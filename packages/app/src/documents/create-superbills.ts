import {
  type AppliedPayment,
  DomainError,
  documentKindLabel,
  formatCents,
  type LocalDate,
  localDateAt,
  type SuperbillContent,
  type SuperbillService,
  superbillCoversThrough,
} from "@billcycle/core";
import {
  type Address,
  analyzeIfPlannedEmpty,
  bulkInsert,
  type Database,
  type Executor,
  everyRow,
  newId,
  rowsOf,
  runPrepared,
  tables,
} from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { recordAudit } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";
import { type OutcomeInput, outcomesInsert } from "../automation/record-outcomes";
import { allocateNumbers, allocateNumbersOnSession } from "../billing/allocate-numbers";
import { letRequestsIn } from "../billing/batching";
import type { TenantActor } from "../resources/crud";
import { scheduleDocumentShares } from "../sharing/schedule-document-share";
import type { DocumentHead } from "./document-view";
import { documentNumberPrefix, sha256Hex } from "./issue-document";
import { loadClientPayments } from "./load-client-payments";
import { addressLines } from "./pdf-layout";
import { renderPdf } from "./pdf-pool";

/** A CPT (five digits, or four and F/T/U) or HCPCS Level II code: what makes a service insurance-eligible. */
const PROCEDURE_CODE = "^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$";

/** Clients per transaction: each gets its PDF rendered inside it, so batches stay short on PGlite. */
const batchSizeFor = (database: Database): number => (database.kind === "pglite" ? 25 : 200);

export type CreateSuperbillsInput = {
  practiceId: string;
  runId: string | null;
  trigger: "schedule" | "manual";
  /** The practice-local date of the run: services up to the end of the previous month are taken. */
  today: LocalDate;
  batchSize?: number | undefined;
  /**
   * Batches in flight on PostgreSQL (default 2; PGlite always 1): one batch's PDFs render on the pool while the
   * other's reads and writes run in the database (bench:documents at 10,000 clients: 176/s with 1, 215/s with 2).
   */
  inFlight?: number | undefined;
  /** Called after each committed batch with the totals so far (progress, memory sampling in the benchmark). */
  onBatch?: ((totals: CreateSuperbillsResult) => void) | undefined;
};

export type CreateSuperbillsResult = { considered: number; created: number; skipped: number };

type PracticeHeader = SuperbillContent["practice"] & { timeZone: string };

type ClientRow = {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  address: Address | null;
  auto_superbills: boolean;
};

type ServiceRow = {
  client_id: string;
  appointment_id: string;
  position: number;
  date_of_service: string;
  place_of_service_code: string;
  code: string;
  modifiers: string[];
  description: string;
  units: number;
  fee: string | number;
  provider_id: string;
};

const uuidArray = (ids: readonly string[]): string => `{${ids.join(",")}}`;

const loadPracticeHeader = async (tx: Executor, practiceId: string): Promise<PracticeHeader> => {
  const [p] = await tx.select().from(tables.practices).where(sql`${tables.practices.id} = ${practiceId}`);
  if (!p) throw new DomainError("NOT_FOUND", "Practice not found", { entity: "practice" });
  return {
    name: p.name,
    addressLines: addressLines(p.address),
    phone: p.phone,
    taxId: p.taxId,
    npi: p.billingNpi,
    taxonomyCode: p.taxonomyCode,
    timeZone: p.timeZone,
  };
};

/** Insurance-eligible services of kept sessions in [from, to] not yet on a superbill, for these clients. */
const pendingServices = async (
  tx: Executor,
  practiceId: string,
  clientIds: readonly string[],
  from: LocalDate | null,
  to: LocalDate,
): Promise<ServiceRow[]> =>
  // Unprepared: a prepared statement's generic plan ignores how few clients the id array holds.
  rowsOf<ServiceRow>(
    await tx.execute(sql`
    SELECT a.client_id, a.id AS appointment_id, s.position, to_char(a.date_of_service, 'YYYY-MM-DD') AS date_of_service,
      l.place_of_service_code, sv.code,
      CASE WHEN jsonb_array_length(s.modifiers) > 0 THEN s.modifiers ELSE sv.modifiers END AS modifiers,
      sv.description, s.units, a.provider_id,
      COALESCE((SELECT il.amount_cents FROM invoice_lines il
          JOIN appointment_invoices ai ON ai.invoice_id = il.invoice_id AND ai.appointment_id = a.id
          WHERE il.appointment_id = a.id AND il.service_id = s.service_id AND il.kind = 'service'
          ORDER BY il.position LIMIT 1), sv.fee_cents * s.units) AS fee
    FROM appointments a
    JOIN appointment_services s ON s.practice_id = a.practice_id AND s.appointment_id = a.id
    JOIN services sv ON sv.practice_id = s.practice_id AND sv.id = s.service_id
    JOIN locations l ON l.practice_id = a.practice_id AND l.id = a.location_id
    WHERE a.practice_id = ${practiceId}::uuid AND a.client_id = ANY(${uuidArray(clientIds)}::uuid[])
      AND a.status = 'kept' AND a.date_of_service <= ${to}::date AND ${notBilledToEmployer}
      AND (${from}::date IS NULL OR a.date_of_service >= ${from}::date)
      AND sv.insurance_eligible AND sv.code ~ ${PROCEDURE_CODE}
      AND NOT EXISTS (SELECT 1 FROM superbill_services ss WHERE ss.practice_id = a.practice_id
        AND ss.appointment_id = a.id AND ss.position = s.position)
    ORDER BY a.client_id, a.date_of_service, a.starts_at, a.id, s.position`),
  );

/** The superbills already holding these clients' services dated in [from, to], per client ("SB-1001, SB-1004"). */
const superbillsHolding = async (
  tx: Executor,
  practiceId: string,
  clientIds: readonly string[],
  from: LocalDate | null,
  to: LocalDate,
): Promise<Map<string, string>> => {
  if (clientIds.length === 0) return new Map();
  const rows = rowsOf<{ client_id: string; numbers: string }>(
    await tx.execute(sql`
      SELECT a.client_id, string_agg(DISTINCT d.number, ', ' ORDER BY d.number) AS numbers
      FROM superbill_services ss
      JOIN appointments a ON a.practice_id = ss.practice_id AND a.id = ss.appointment_id
      JOIN documents d ON d.practice_id = ss.practice_id AND d.id = ss.document_id
      WHERE ss.practice_id = ${practiceId}::uuid AND a.client_id = ANY(${uuidArray(clientIds)}::uuid[])
        AND a.date_of_service <= ${to}::date AND (${from}::date IS NULL OR a.date_of_service >= ${from}::date)
      GROUP BY a.client_id`),
  );
  return new Map(rows.map((r) => [r.client_id, r.numbers]));
};

type Written = { clientId: string; document: DocumentHead; services: number };

/**
 * Writes one superbill per client that has pending services, on the caller's transaction (the clients are locked by
 * the caller): renders each PDF, inserts the documents, their services (the primary key refuses a service already on
 * a superbill, failing the whole batch rather than listing it twice), audit rows and their shares (due after the
 * practice's delay). Returns what it wrote.
 */
const writeSuperbills = async (
  tx: Executor,
  o: {
    practiceId: string;
    practice: PracticeHeader;
    clients: ClientRow[];
    services: ServiceRow[];
    source: "automation" | "user";
    runId: string | null;
    actor: Actor;
    now: Date;
    /** Reserves the numbers (default: on `tx`, gap-free; the pipelined run reserves them outside it). */
    allocate?: (count: number) => Promise<number>;
  },
): Promise<Written[]> => {
  const byClient = new Map<string, ServiceRow[]>();
  for (const s of o.services) {
    const list = byClient.get(s.client_id) ?? [];
    list.push(s);
    byClient.set(s.client_id, list);
  }
  const clients = o.clients.filter((c) => byClient.has(c.id));
  if (clients.length === 0) return [];
  const ids = clients.map((c) => c.id);
  const diagnoses = rowsOf<{ client_id: string; code: string; description: string | null }>(
    await tx.execute(sql`SELECT client_id, code, description FROM diagnoses
      WHERE practice_id = ${o.practiceId}::uuid AND client_id = ANY(${uuidArray(ids)}::uuid[]) AND active
      ORDER BY client_id, rank LIMIT ${ids.length * 12}`),
  );
  const policies = rowsOf<{
    client_id: string;
    member_id: string;
    group_number: string | null;
    payer: string;
  }>(
    await tx.execute(sql`SELECT DISTINCT ON (ip.client_id) ip.client_id, ip.member_id, ip.group_number, py.name AS payer
      FROM insurance_policies ip JOIN payers py ON py.practice_id = ip.practice_id AND py.id = ip.payer_id
      WHERE ip.practice_id = ${o.practiceId}::uuid AND ip.client_id = ANY(${uuidArray(ids)}::uuid[])
      ORDER BY ip.client_id, (ip.rank = 'primary') DESC, ip.effective_from DESC`),
  );
  const providerIds = [...new Set(o.services.map((s) => s.provider_id))];
  const providers = await tx
    .select()
    .from(tables.providers)
    .where(
      sql`${tables.providers.practiceId} = ${o.practiceId} AND ${tables.providers.id} = ANY(${uuidArray(providerIds)}::uuid[])`,
    );
  const providerById = new Map(providers.map((p) => [p.id, p]));
  const payments = await superbillPayments(tx, o.practiceId, [
    ...new Set(o.services.map((s) => s.appointment_id)),
  ]);
  const diagnosesBy = new Map<string, Array<{ code: string; description: string | null }>>();
  for (const d of diagnoses) {
    const list = diagnosesBy.get(d.client_id) ?? [];
    if (list.length < 12) list.push({ code: d.code, description: d.description });
    diagnosesBy.set(d.client_id, list);
  }
  const policyBy = new Map(policies.map((p) => [p.client_id, p]));

  const first = o.allocate
    ? await o.allocate(clients.length)
    : await allocateNumbers(tx, o.practiceId, "document_superbill", clients.length);
  const issuedOn = localDateAt(o.now, o.practice.timeZone);
  const { timeZone: _zone, ...practice } = o.practice;
  const written: Written[] = [];
  const documentRows: Array<typeof tables.documents.$inferInsert> = [];
  const link = { appointmentId: [] as string[], position: [] as number[], documentId: [] as string[] };
  const audit = { entityId: [] as string[], details: [] as Array<Record<string, unknown>> };
  const prepared = clients.map((client, i) => {
    const rows = byClient.get(client.id) ?? [];
    const dx = diagnosesBy.get(client.id) ?? [];
    const providerOrder: string[] = [];
    const services: SuperbillService[] = rows.map((s) => {
      if (!providerOrder.includes(s.provider_id)) providerOrder.push(s.provider_id);
      return {
        dateOfService: s.date_of_service,
        placeOfServiceCode: s.place_of_service_code,
        code: s.code,
        modifiers: s.modifiers,
        description: s.description,
        units: s.units,
        feeCents: Number(s.fee),
        diagnosisPointers: dx.slice(0, 4).map((_, k) => k + 1),
        providerIndex: providerOrder.indexOf(s.provider_id),
      };
    });
    const clientPayments: AppliedPayment[] = payments.get(client.id) ?? [];
    const policy = policyBy.get(client.id);
    const content: SuperbillContent = {
      practice,
      providers: providerOrder.map((id) => {
        const p = providerById.get(id);
        return {
          name: p ? `${p.firstName} ${p.lastName}` : "Unknown provider",
          credentials: p?.credentials ?? null,
          npi: p?.npi ?? "",
          license: p?.license ?? null,
          taxonomyCode: p?.taxonomyCode ?? "",
        };
      }),
      client: {
        id: client.id,
        name: `${client.first_name} ${client.last_name}`,
        addressLines: addressLines(client.address),
        dateOfBirth: client.date_of_birth,
        memberId: policy?.member_id ?? null,
        groupNumber: policy?.group_number ?? null,
        payerName: policy?.payer ?? null,
      },
      // pendingServices orders each client's services by date of service.
      periodFrom: services[0]!.dateOfService,
      periodTo: services.at(-1)!.dateOfService,
      diagnoses: dx,
      services,
      totalFeeCents: services.reduce((a, s) => a + s.feeCents, 0),
      payments: clientPayments,
      paidCents: clientPayments.reduce((a, p) => a + p.amountCents, 0),
    };
    const number = `${documentNumberPrefix.superbill}-${first + i}`;
    return { client, rows, content, number };
  });
  // Every superbill of the batch at once on the PDF pool's threads, while this thread waits on nothing else.
  const pdfs = await Promise.all(
    prepared.map(({ content, number }) =>
      renderPdf({
        kind: "superbill",
        content,
        stamp: { title: documentKindLabel.superbill, number, version: 1, issuedOn, issuedAt: o.now },
      }),
    ),
  );
  for (const [i, { client, rows, content, number }] of prepared.entries()) {
    const pdf = pdfs[i]!;
    const document: DocumentHead = {
      id: newId(o.now.getTime()),
      practiceId: o.practiceId,
      clientId: client.id,
      kind: "superbill",
      number,
      version: 1,
      replacesDocumentId: null,
      status: "issued",
      invoiceId: null,
      periodFrom: content.periodFrom,
      periodTo: content.periodTo,
      amountCents: content.totalFeeCents,
      source: o.source,
      runId: o.runId,
      issuedAt: o.now,
      issuedBy: o.actor.userId,
      pdfSha256: sha256Hex(pdf),
      pdfBytes: pdf.byteLength,
      voidedAt: null,
      voidReason: null,
    };
    documentRows.push({
      ...document,
      pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      createdAt: o.now,
      updatedAt: o.now,
    });
    for (const s of rows) {
      link.appointmentId.push(s.appointment_id);
      link.position.push(s.position);
      link.documentId.push(document.id);
    }
    audit.entityId.push(document.id);
    audit.details.push({
      kind: "superbill",
      number,
      documentVersion: 1,
      services: rows.length,
      pdfSha256: document.pdfSha256,
    });
    written.push({ clientId: client.id, document, services: rows.length });
  }
  await tx.insert(tables.documents).values(documentRows);
  await runPrepared(
    tx,
    bulkInsert(tables.superbillServices, {
      practiceId: everyRow(o.practiceId),
      appointmentId: link.appointmentId,
      position: link.position,
      documentId: link.documentId,
      createdAt: everyRow(o.now),
    }),
  );
  await runPrepared(
    tx,
    bulkInsert(tables.auditLog, {
      practiceId: everyRow(o.practiceId),
      userId: everyRow(o.actor.userId),
      actor: everyRow(o.actor.label),
      action: everyRow("create"),
      entity: everyRow("document"),
      entityId: audit.entityId,
      at: everyRow(o.now),
      details: audit.details,
    }),
  );
  // Shared after the practice's delay, like every issued superbill (issueDocument does the same for one).
  await scheduleDocumentShares(tx, { practiceId: o.practiceId, documentIds: audit.entityId, now: o.now });
  return written;
};

const describeCreated = (w: Written): string =>
  `superbill ${w.document.number}: ${w.services} service${w.services === 1 ? "" : "s"} from ${w.document.periodFrom} to ${w.document.periodTo}, ${formatCents(w.document.amountCents)}`;

/**
 * The superbills automation: on the practice's superbill day, one superbill per client with "Automatically create
 * superbills" on, holding every insurance-eligible service of a kept session up to the end of the previous month that
 * is not yet on a superbill. Clients go in batches, each one transaction that locks its clients (so a manual superbill
 * or a second worker waits, then finds the services taken) and records an outcome per client: created, or why not
 * (AUTO_SUPERBILLS_OFF for a client with services waiting, NOTHING_ELIGIBLE, ALREADY_ON_SUPERBILL). A re-run of the
 * same run skips clients it already has an outcome for; superbill_services' primary key keeps every service on one
 * superbill whatever happens.
 */

/** An encounter billed to an employer (its own bill-to, else its client's) is the employer's: never on a superbill. */
const notBilledToEmployer = sql`COALESCE(a.bill_to, (SELECT bc.bill_to FROM clients bc
  WHERE bc.practice_id = a.practice_id AND bc.id = a.client_id), 'client') <> 'employer'`;
export const createSuperbills = async (
  database: Database,
  input: CreateSuperbillsInput,
  now: Date,
): Promise<CreateSuperbillsResult> => {
  const practice = await loadPracticeHeader(database.db, input.practiceId);
  const through = superbillCoversThrough(input.today);
  const lastMonthFrom = DateTime.fromISO(through).startOf("month").toISODate() ?? through;
  const batchSize = input.batchSize ?? batchSizeFor(database);
  const actor = systemActor(input.practiceId, "superbills");
  const totals: CreateSuperbillsResult = { considered: 0, created: 0, skipped: 0 };
  // With batches in flight (PostgreSQL, two connections), each reserves its numbers outside its transaction, or
  // the second would wait on the counter row for the first's commit; they reserve them on a session the run takes
  // before its first batch. Numbers stay unique and ascending; a batch that fails after reserving leaves its numbers
  // unused, and the audit trail says which. One batch at a time (PGlite, one session) reserves them in its
  // transaction: gap-free.
  // The run's session and one connection per batch: a smaller pool runs one batch at a time.
  const poolRoom = database.native.pool?.options.max ?? 0;
  const inFlight = database.kind === "pglite" || poolRoom < 3 ? 1 : Math.max(1, input.inFlight ?? 2);
  const pipelined = inFlight > 1;
  let reserveOutside: ((count: number) => Promise<number>) | undefined;
  type BatchResult = { clients: number; created: number } | null;
  /** One batch: its clients locked and its superbills written in one transaction. `next` learns where the batch
   * ends as soon as its clients are locked (null: nothing after it), so the next batch can start then. */
  const runBatch = (after: string, next: (last: string | null) => void): Promise<BatchResult> => {
    const reserved: Array<{ first: number; count: number }> = [];
    const reserve = reserveOutside;
    const allocate = reserve
      ? async (count: number) => {
          const first = await reserve(count);
          reserved.push({ first, count });
          return first;
        }
      : undefined;
    return writeBatch(after, next, allocate).catch(async (e: unknown) => {
      for (const unused of reserved) {
        const number = (n: number) => `${documentNumberPrefix.superbill}-${n}`;
        await recordAudit(database.db, actor, "skip", "document_numbers", null, now, {
          kind: "superbill",
          from: number(unused.first),
          to: number(unused.first + unused.count - 1),
          reason: "the superbills batch that reserved them failed",
        }).catch(() => undefined);
      }
      throw e;
    });
  };
  const writeBatch = (
    after: string,
    next: (last: string | null) => void,
    allocate: ((count: number) => Promise<number>) | undefined,
  ): Promise<BatchResult> =>
    database.db.transaction(async (tx) => {
      const notDoneInRun: SQL = input.runId
        ? sql`AND NOT EXISTS (SELECT 1 FROM automation_outcomes o WHERE o.run_id = ${input.runId}::uuid AND o.subject_id = c.id)`
        : sql``;
      const clients = rowsOf<ClientRow>(
        await tx.execute(sql`
          SELECT c.id, c.first_name, c.last_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.address,
            c.auto_superbills
          FROM clients c
          WHERE c.practice_id = ${input.practiceId}::uuid AND c.id > ${after}::uuid ${notDoneInRun}
            AND (c.auto_superbills OR EXISTS (
              SELECT 1 FROM appointments a
              JOIN appointment_services s ON s.practice_id = a.practice_id AND s.appointment_id = a.id
              JOIN services sv ON sv.practice_id = s.practice_id AND sv.id = s.service_id
              WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.status = 'kept' AND ${notBilledToEmployer}
                AND a.date_of_service <= ${through}::date AND sv.insurance_eligible AND sv.code ~ ${PROCEDURE_CODE}
                AND NOT EXISTS (SELECT 1 FROM superbill_services ss WHERE ss.practice_id = a.practice_id
                  AND ss.appointment_id = a.id AND ss.position = s.position)))
          ORDER BY c.id LIMIT ${batchSize}
          FOR UPDATE OF c`),
      );
      next(clients.length < batchSize ? null : clients.at(-1)!.id);
      if (clients.length === 0) return null;
      const on = clients.filter((c) => c.auto_superbills);
      const services = await pendingServices(
        tx,
        input.practiceId,
        on.map((c) => c.id),
        null,
        through,
      );
      const written = await writeSuperbills(tx, {
        practiceId: input.practiceId,
        practice,
        clients: on,
        services,
        source: "automation",
        runId: input.runId,
        actor,
        now,
        allocate,
      });
      const writtenBy = new Map(written.map((w) => [w.clientId, w]));
      const idle = on.filter((c) => !writtenBy.has(c.id)).map((c) => c.id);
      const holding = await superbillsHolding(tx, input.practiceId, idle, lastMonthFrom, through);
      const outcomes: OutcomeInput[] = clients.map((c) => {
        const w = writtenBy.get(c.id);
        if (w)
          return {
            subjectType: "client",
            subjectId: c.id,
            outcome: "done",
            reasons: [],
            message: describeCreated(w),
            relatedId: w.document.id,
          };
        const reason = !c.auto_superbills
          ? {
              code: "AUTO_SUPERBILLS_OFF",
              message:
                "Automatically create superbills is off for this client; insurance-eligible services are waiting",
            }
          : holding.has(c.id)
            ? {
                code: "ALREADY_ON_SUPERBILL",
                message: `services through ${through} are already on superbill ${holding.get(c.id)}`,
              }
            : {
                code: "NOTHING_ELIGIBLE",
                message: `no insurance-eligible service of a kept session through ${through} is waiting for a superbill`,
              };
        return {
          subjectType: "client",
          subjectId: c.id,
          outcome: "skipped",
          reasons: [reason],
          message: reason.message,
        };
      });
      const record = outcomesInsert(
        {
          practiceId: input.practiceId,
          runId: input.runId,
          automation: "superbills",
          trigger: input.trigger,
          at: now,
        },
        outcomes,
      );
      if (record) await runPrepared(tx, record);
      return { clients: clients.length, created: written.length };
    });

  let analyzed = false;
  const add = async (batch: BatchResult, more: boolean) => {
    if (!batch) return;
    totals.considered += batch.clients;
    totals.created += batch.created;
    totals.skipped += batch.clients - batch.created;
    input.onBatch?.({ ...totals });
    // The first superbills of a practice may be the first rows of these tables: the checks of the foreign keys to
    // documents must not keep a plan made for an empty table for the rest of the run.
    if (more && !analyzed && batch.created > 0) {
      analyzed = true;
      await analyzeIfPlannedEmpty(database, ["documents", "superbill_services", "document_shares"], 1000);
    }
  };
  const runAll = async () => {
    const running: Array<Promise<BatchResult>> = [];
    let after: string | null = "00000000-0000-0000-0000-000000000000";
    try {
      while (after !== null) {
        const started = performance.now();
        let learned!: (last: string | null) => void;
        const cursor = new Promise<string | null>((resolve) => {
          learned = resolve;
        });
        const batch = runBatch(after, learned);
        // A batch that fails before it knows its end ends the run (its error is thrown below).
        batch.catch(() => learned(null));
        running.push(batch);
        after = await cursor;
        if (running.length >= inFlight || after === null) await add(await running.shift()!, after !== null);
        if (!pipelined && after !== null) await letRequestsIn(database, performance.now() - started);
      }
      while (running.length > 0) await add(await running.shift()!, false);
    } finally {
      // Whatever happened, no batch is left running unobserved.
      await Promise.allSettled(running);
    }
  };
  if (!pipelined) await runAll();
  else
    await database.withSession(async (exec) => {
      reserveOutside = (count) =>
        allocateNumbersOnSession(exec, input.practiceId, "document_superbill", count);
      await runAll();
    });
  return totals;
};

/**
 * A superbill for one client and a range of dates of service, made by hand: every insurance-eligible service of a
 * kept session in the range not yet on a superbill. CONFLICT when there is none, saying whether they are already on
 * superbills (and which).
 */
export const createSuperbill = async (
  database: Database,
  o: { actor: TenantActor; clientId: string; from: LocalDate; to: LocalDate; now: Date },
): Promise<DocumentHead> => {
  if (o.from > o.to)
    throw new DomainError("VALIDATION_FAILED", "from must not be after to", { field: "from" });
  const practice = await loadPracticeHeader(database.db, o.actor.practiceId);
  return database.db.transaction(async (tx) => {
    const clients = rowsOf<ClientRow>(
      await tx.execute(sql`
        SELECT c.id, c.first_name, c.last_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.address,
          c.auto_superbills
        FROM clients c WHERE c.practice_id = ${o.actor.practiceId}::uuid AND c.id = ${o.clientId}::uuid
        FOR UPDATE OF c`),
    );
    if (clients.length === 0) throw new DomainError("NOT_FOUND", "Client not found", { entity: "client" });
    const services = await pendingServices(tx, o.actor.practiceId, [o.clientId], o.from, o.to);
    const [written] = await writeSuperbills(tx, {
      practiceId: o.actor.practiceId,
      practice,
      clients,
      services,
      source: "user",
      runId: null,
      actor: o.actor,
      now: o.now,
    });
    if (!written) {
      const holding = await superbillsHolding(tx, o.actor.practiceId, [o.clientId], o.from, o.to);
      const numbers = holding.get(o.clientId);
      throw new DomainError(
        "CONFLICT",
        numbers
          ? `Every insurance-eligible service of a kept session from ${o.from} to ${o.to} is already on superbill ${numbers}`
          : `No insurance-eligible service of a kept session from ${o.from} to ${o.to}`,
        {
          reason: numbers ? "ALREADY_ON_SUPERBILL" : "NOTHING_ELIGIBLE",
          superbills: numbers?.split(", ") ?? [],
        },
      );
    }
    return written.document;
  });
};

/** The client's payments on the invoices of a superbill's sessions, per client, each naming its invoice. */
const superbillPayments = async (
  tx: Executor,
  practiceId: string,
  appointmentIds: readonly string[],
): Promise<Map<string, AppliedPayment[]>> => {
  const byClient = new Map<string, AppliedPayment[]>();
  if (appointmentIds.length === 0) return byClient;
  const invoiceIds = rowsOf<{ invoice_id: string }>(
    await tx.execute(sql`
      SELECT DISTINCT ai.invoice_id FROM appointment_invoices ai
      WHERE ai.practice_id = ${practiceId}::uuid AND ai.appointment_id = ANY(${uuidArray(appointmentIds)}::uuid[])`),
  ).map((r) => r.invoice_id);
  for (const p of await loadClientPayments(tx, practiceId, invoiceIds)) {
    const list = byClient.get(p.clientId) ?? [];
    list.push({
      date: p.date,
      payer: p.payer,
      description: `${p.description} (${p.invoiceNumber})`,
      amountCents: p.amountCents,
    });
    byClient.set(p.clientId, list);
  }
  return byClient;
};
