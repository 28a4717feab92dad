import {
  claimAdjudications,
  claimFollowUpActions,
  claimFollowUps,
  invoicePaymentStatuses,
  invoiceStatuses,
} from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appointments, insurancePolicies, payers } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { practices, users } from "./practice";

/** Per-practice counters for human-facing numbers (INV-1042, claim control numbers), allocated in blocks. */
export const practiceCounters = pgTable(
  "practice_counters",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.name] })],
);

/**
 * Half of each page is kept free (fillfactor 50, migration 0046) and no index holds a column ERA posting changes,
 * so posting's updates stay on the row's page and touch no index (HOT). Keep `payment_status` and the amounts out
 * of indexes.
 */
export const invoices = pgTable(
  "invoices",
  {
    ...tenantColumns(),
    number: text("number").notNull(),
    /** The number's digits as a number (INV-10000 after INV-9999, which text order puts between INV-1000 and INV-1001). */
    numberSeq: bigint("number_seq", { mode: "number" }).generatedAlwaysAs(
      sql`(substring(number from '[0-9]+$'))::bigint`,
    ),
    clientId: uuid("client_id").notNull(),
    status: text("status", { enum: invoiceStatuses }).notNull(),
    /** What has been paid, apart from the lifecycle; written only by app/src/invoices/invoice-payment-status.ts. */
    paymentStatus: text("payment_status", { enum: invoicePaymentStatuses }).notNull().default("unpaid"),
    paysBy: text("pays_by", { enum: ["insurance", "self_pay"] }).notNull(),
    invoiceDate: date("invoice_date", { mode: "string" }).notNull(),
    totalCents: cents("total_cents").notNull(),
    insuranceCents: cents("insurance_cents").notNull(),
    clientCents: cents("client_cents").notNull(),
    insurancePaidCents: cents("insurance_paid_cents").notNull().default(0),
    clientPaidCents: cents("client_paid_cents").notNull().default(0),
    adjustmentCents: cents("adjustment_cents").notNull().default(0),
    /** Client responsibility written off or adjusted by the practice (client_write_offs). */
    clientWrittenOffCents: cents("client_written_off_cents").notNull().default(0),
    primaryPolicyId: uuid("primary_policy_id"),
    source: text("source", { enum: ["nightly", "monthly", "manual", "on_kept", "user"] }).notNull(),
    runId: uuid("run_id"),
    replacesInvoiceId: uuid("replaces_invoice_id"),
    voidedAt: instant("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [
    unique("invoices_practice_id_id_key").on(t.practiceId, t.id),
    unique("invoices_practice_number_key").on(t.practiceId, t.number),
    // The client (of the practice) is checked once per INSERT statement by a trigger, and does not change (0049).
    index("invoices_practice_status_idx").on(t.practiceId, t.status, t.invoiceDate),
    // Invoice Processing's next batch of open invoices (migration 0020).
    index("invoices_open_idx").on(t.practiceId, t.id).where(sql`${t.status} = 'open'`),
    index("invoices_client_idx").on(t.practiceId, t.clientId),
    // Sorted list pages (sort=number / totalCents / invoiceDate, ties by id) read these in order instead of sorting.
    index("invoices_practice_number_seq_idx").on(t.practiceId, t.numberSeq, t.id),
    index("invoices_practice_total_idx").on(t.practiceId, t.totalCents, t.id),
    index("invoices_practice_date_idx").on(t.practiceId, t.invoiceDate, t.id),
    check("invoices_status_check", sql`${t.status} in ('pended','open','processed','void')`),
    check("invoices_payment_status_check", sql`${t.paymentStatus} in ('unpaid','partially_paid','paid')`),
    check("invoices_amounts_check", sql`${t.totalCents} = ${t.insuranceCents} + ${t.clientCents}`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["service", "fee", "product", "adjustment"] }).notNull(),
    appointmentId: uuid("appointment_id"),
    serviceId: uuid("service_id"),
    productId: uuid("product_id"),
    code: text("code").notNull(),
    description: text("description").notNull(),
    dateOfService: date("date_of_service", { mode: "string" }),
    units: integer("units").notNull(),
    unitFeeCents: cents("unit_fee_cents").notNull(),
    amountCents: cents("amount_cents").notNull(),
    modifiers: jsonb("modifiers").$type<string[]>().notNull(),
    diagnosisPointers: jsonb("diagnosis_pointers").$type<number[]>().notNull(),
    diagnosisCodes: jsonb("diagnosis_codes").$type<string[]>().notNull(),
    insuranceEligible: boolean("insurance_eligible").notNull(),
    /** An adjustment line names the line it corrects; issued lines are never edited. */
    adjustsLineId: uuid("adjusts_line_id"),
    createdAt: instant("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    // The invoice (of the practice) is checked once per INSERT statement by a trigger, and does not change (0049).
    unique("invoice_lines_position_key").on(t.invoiceId, t.position),
    index("invoice_lines_appointment_idx").on(t.appointmentId),
  ],
);

/**
 * The exactly-once key for invoicing: an appointment appears here at most once, inserted in the same
 * transaction as its invoice. Voiding the invoice deletes the row so the session can be billed again.
 */
export const appointmentInvoices = pgTable(
  "appointment_invoices",
  {
    appointmentId: uuid("appointment_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    // The session (of the practice) is checked once per INSERT statement by a trigger, and does not change (0049).
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    index("appointment_invoices_invoice_idx").on(t.invoiceId),
  ],
);

/**
 * Sessions a void waived (migration 0019): never invoiced again by any run or by hand; "why not billed" says who
 * waived it and why.
 */
export const sessionWaivers = pgTable(
  "session_waivers",
  {
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    reason: text("reason").notNull(),
    waivedBy: text("waived_by").notNull(),
    waivedByUserId: uuid("waived_by_user_id").references(() => users.id),
    waivedAt: instant("waived_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "session_waivers_pkey", columns: [t.practiceId, t.appointmentId] }),
    foreignKey({
      name: "session_waivers_appointment_fk",
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    foreignKey({
      name: "session_waivers_invoice_fk",
      columns: [t.practiceId, t.invoiceId],
      foreignColumns: [invoices.practiceId, invoices.id],
    }),
  ],
);

export const invoiceStatusHistory = pgTable(
  "invoice_status_history",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    at: instant("at").notNull(),
    actor: text("actor").notNull(),
    cause: text("cause"),
  },
  (t) => [index("invoice_status_history_invoice_idx").on(t.invoiceId, t.at)],
);

/**
 * Half of each page is kept free (fillfactor 50, migration 0047) and no index holds a column that submission,
 * acknowledgments, posting or follow-up change, so those updates stay on the row's page and touch no index (HOT).
 * Keep `status`, `adjudication`, `follow_up`, the amounts and `submitted_at` out of indexes (also partial ones);
 * counts by status come from `claimCountChanges`.
 */
export const claims = pgTable(
  "claims",
  {
    ...tenantColumns(),
    invoiceId: uuid("invoice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    payerId: uuid("payer_id").notNull(),
    policyId: uuid("policy_id").notNull(),
    payerRank: text("payer_rank", { enum: ["primary", "secondary", "tertiary"] }).notNull(),
    /** The lifecycle (core claimTransitions); what the payer decided is `adjudication`. */
    status: text("status").notNull().default("awaiting_submission"),
    adjudication: text("adjudication", { enum: claimAdjudications }).notNull().default("none"),
    frequencyCode: text("frequency_code", { enum: ["1", "7", "8"] })
      .notNull()
      .default("1"),
    /** CLM01: what the payer echoes back in 277CA TRN*2 and 835 CLP01. */
    patientControlNumber: text("patient_control_number").notNull(),
    payerClaimNumber: text("payer_claim_number"),
    replacesClaimId: uuid("replaces_claim_id"),
    /** REF*F8 of a replacement (7) or void (8): the payer's number for the claim it replaces (migration 0019). */
    replacesPayerClaimNumber: text("replaces_payer_claim_number"),
    /** What the biller did after a denial or rejection (core claimFollowUpTransitions). */
    followUp: text("follow_up", { enum: claimFollowUps }).notNull().default("none"),
    totalCents: cents("total_cents").notNull(),
    paidCents: cents("paid_cents").notNull().default(0),
    patientResponsibilityCents: cents("patient_responsibility_cents").notNull().default(0),
    diagnosisCodes: jsonb("diagnosis_codes").$type<string[]>().notNull(),
    runId: uuid("run_id"),
    submittedAt: instant("submitted_at"),
  },
  (t) => [
    unique("claims_practice_id_id_key").on(t.practiceId, t.id),
    unique("claims_practice_pcn_key").on(t.practiceId, t.patientControlNumber),
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    foreignKey({ columns: [t.practiceId, t.payerId], foreignColumns: [payers.practiceId, payers.id] }),
    foreignKey({
      columns: [t.practiceId, t.policyId],
      foreignColumns: [insurancePolicies.practiceId, insurancePolicies.id],
    }),
    // The exactly-once key for Invoice Processing: one original claim per invoice and payer level.
    uniqueIndex("claims_original_per_invoice_key")
      .on(t.invoiceId, t.payerRank)
      .where(sql`${t.frequencyCode} = '1'`),
    check(
      "claims_adjudication_check",
      sql`${t.adjudication} IN ('none', 'paid', 'partially_paid', 'denied')
        AND (${t.status} = 'adjudicated') = (${t.adjudication} <> 'none')`,
    ),
    index("claims_client_idx").on(t.practiceId, t.clientId),
    // Prefix search on the patient control number under any database collation.
    index("claims_practice_pcn_pattern_idx").on(t.practiceId, t.patientControlNumber.op("text_pattern_ops")),
    index("claims_practice_total_idx").on(t.practiceId, t.totalCents, t.id),
    check(
      "claims_follow_up_check",
      sql`${t.followUp} in ('none','replaced','voided_at_payer','written_off','billed_to_client')`,
    ),
    check(
      "claims_replacement_check",
      sql`(${t.frequencyCode} = '1') = (${t.replacesPayerClaimNumber} IS NULL)`,
    ),
  ],
);

/** Every action taken on a denied or rejected claim, with its reason (append-only). */
export const claimFollowUpRecords = pgTable(
  "claim_follow_ups",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    claimId: uuid("claim_id").notNull(),
    action: text("action", { enum: claimFollowUpActions }).notNull(),
    reason: text("reason").notNull(),
    amountCents: cents("amount_cents"),
    newClaimId: uuid("new_claim_id"),
    createdAt: instant("created_at").notNull(),
    actor: text("actor").notNull(),
    actorUserId: uuid("actor_user_id"),
  },
  (t) => [
    foreignKey({ columns: [t.practiceId, t.claimId], foreignColumns: [claims.practiceId, claims.id] }),
    foreignKey({ columns: [t.practiceId, t.newClaimId], foreignColumns: [claims.practiceId, claims.id] }),
    index("claim_follow_ups_claim_idx").on(t.practiceId, t.claimId),
    check(
      "claim_follow_ups_action_check",
      sql`${t.action} in ('replace','void_at_payer','resubmit','write_off','bill_client')`,
    ),
  ],
);

/**
 * Changes to a practice's claim counts by (status, adjudication), appended by triggers on `claims` once per
 * statement (migration 0047); a practice's counts are the sums of its rows. Compaction folds them into one row per
 * pair; nothing else writes here.
 */
export const claimCountChanges = pgTable(
  "claim_count_changes",
  {
    practiceId: uuid("practice_id").notNull(),
    status: text("status").notNull(),
    adjudication: text("adjudication").notNull(),
    delta: bigint("delta", { mode: "number" }).notNull(),
  },
  (t) => [index("claim_count_changes_practice_idx").on(t.practiceId)],
);

export const claimLines = pgTable(
  "claim_lines",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    claimId: uuid("claim_id").notNull(),
    invoiceLineId: uuid("invoice_line_id").notNull(),
    lineNumber: integer("line_number").notNull(),
    /** REF*6R: lets an 835 SVC be matched to this line. */
    controlNumber: text("control_number").notNull(),
    code: text("code").notNull(),
    modifiers: jsonb("modifiers").$type<string[]>().notNull(),
    units: integer("units").notNull(),
    chargeCents: cents("charge_cents").notNull(),
    dateOfService: date("date_of_service", { mode: "string" }).notNull(),
    diagnosisPointers: jsonb("diagnosis_pointers").$type<number[]>().notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.practiceId, t.claimId],
      foreignColumns: [claims.practiceId, claims.id],
    }).onDelete("cascade"),
    unique("claim_lines_number_key").on(t.claimId, t.lineNumber),
    unique("claim_lines_control_key").on(t.practiceId, t.controlNumber),
  ],
);

export const claimStatusHistory = pgTable(
  "claim_status_history",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    claimId: uuid("claim_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    fromAdjudication: text("from_adjudication", { enum: claimAdjudications }),
    toAdjudication: text("to_adjudication", { enum: claimAdjudications }).notNull().default("none"),
    at: instant("at").notNull(),
    actor: text("actor").notNull(),
    /** What caused it: { kind: "run" | "file" | "acknowledgment" | "remittance" | "user", id, detail }. */
    cause: jsonb("cause").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("claim_status_history_claim_idx").on(t.claimId, t.at)],
);
