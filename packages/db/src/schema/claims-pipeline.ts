import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
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
import { payers } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { practices } from "./practice";

/** Bytes as received (bytea): node-postgres gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** Per-practice claims settings: scrubber warnings turned off, what to do with adjustment codes without a rule. */
export type ClaimsSettings = {
  disabledWarnings: string[];
  unknownCodeAction: "block" | "deny";
  /** The connection claims are sent through and acknowledgments/remittances picked up from. */
  connectionId: string | null;
};

export const claimsSettings = pgTable("claims_settings", {
  practiceId: uuid("practice_id")
    .primaryKey()
    .references(() => practices.id, { onDelete: "cascade" }),
  settings: jsonb("settings").$type<ClaimsSettings>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * How a practice reaches its clearinghouse: SFTP (host, user, secret encrypted at rest, remote folders) or a
 * directory drop. Also the X12 envelope identities the clearinghouse expects.
 */
export const clearinghouseConnections = pgTable(
  "clearinghouse_connections",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["sftp", "directory"] }).notNull(),
    host: text("host"),
    port: integer("port"),
    username: text("username"),
    authKind: text("auth_kind", { enum: ["password", "private_key", "none"] })
      .notNull()
      .default("none"),
    /** AES-256-GCM ciphertext of the password or private key ("v1:<iv>:<tag>:<data>", base64). Never returned by the API. */
    secretCiphertext: text("secret_ciphertext"),
    /** SHA-256 of the server's host key (base64); when set, any other key is refused. */
    hostKeySha256: text("host_key_sha256"),
    outboundDir: text("outbound_dir").notNull(),
    inboundDir: text("inbound_dir").notNull(),
    submitterId: text("submitter_id").notNull(),
    submitterName: text("submitter_name").notNull(),
    submitterContactEmail: text("submitter_contact_email"),
    receiverId: text("receiver_id").notNull(),
    receiverName: text("receiver_name").notNull(),
    usageIndicator: text("usage_indicator", { enum: ["T", "P"] })
      .notNull()
      .default("T"),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    unique("clearinghouse_connections_practice_id_id_key").on(t.practiceId, t.id),
    unique("clearinghouse_connections_name_key").on(t.practiceId, t.name),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
  ],
);

/**
 * Every X12 file sent or received. Outbound files (ours, ASCII) keep their text in `content` and move pending →
 * sent | failed | unknown; "unknown" (the connection dropped after the bytes went out) is resolved by listing the
 * remote folder, never by sending again blindly. Inbound files keep the bytes received in `raw` (migration 0011),
 * whatever they hold: a file that is not text X12 is stored as it came and marked rejected with `reject_code`.
 */
/** What processing an inbound file found (clearinghouse_files.outcome). */
export type InboundFileOutcome = {
  acknowledgments?: { accepted: number; rejected: number; unmatched: number };
  remittances?: { count: number; posted: number; queued: number; duplicate: number };
};

export const clearinghouseFiles = pgTable(
  "clearinghouse_files",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    connectionId: uuid("connection_id"),
    direction: text("direction", { enum: ["outbound", "inbound"] }).notNull(),
    kind: text("kind", { enum: ["837P", "999", "277CA", "835", "unknown"] }).notNull(),
    name: text("name").notNull(),
    sha256: text("sha256").notNull(),
    bytes: integer("bytes").notNull(),
    /** Outbound: the X12 text sent. Inbound files since migration 0011: null (their bytes are in `raw`). */
    content: text("content"),
    /**
     * Inbound: the bytes as received, up to 1 MiB (null when refused unread: above the size limit). A larger file's
     * bytes are in clearinghouseFileParts (migration 0012).
     */
    raw: bytea("raw"),
    /** Inbound: how the bytes were read (utf-8, windows-1252, utf-16le, …). */
    encoding: text("encoding"),
    /** Inbound, rejected: the refusal's code (FILE_NOT_TEXT, FILE_TOO_LARGE, an X12 reader code such as NO_ISA, …). */
    rejectCode: text("reject_code"),
    status: text("status", {
      enum: ["pending", "sent", "failed", "unknown", "received", "processed", "rejected", "duplicate"],
    }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at"),
    lastError: text("last_error"),
    interchangeControlNumber: text("interchange_control_number"),
    groupControlNumber: text("group_control_number"),
    transactionControlNumbers: jsonb("transaction_control_numbers").$type<string[]>(),
    /**
     * Inbound, processed (migration 0026): what processing found. An acknowledgment's counts (unmatched > 0 needs a
     * person), an 835's remittances.
     */
    outcome: jsonb("outcome").$type<InboundFileOutcome>(),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
    processedAt: instant("processed_at"),
  },
  (t) => [
    unique("clearinghouse_files_practice_id_id_key").on(t.practiceId, t.id),
    // Outbound names are ours and unique (reconciliation finds a sent file by its name). Inbound files are unique by
    // content: the same bytes twice are one file whatever their names, and a name the payer or clearinghouse reuses
    // (era.835) may carry a new file. Rows marked "duplicate" (copies received under another name before migration
    // 0006) are outside the key.
    uniqueIndex("clearinghouse_files_outbound_name_key")
      .on(t.practiceId, t.name)
      .where(sql`${t.direction} = 'outbound'`),
    uniqueIndex("clearinghouse_files_inbound_sha256_key")
      .on(t.practiceId, t.sha256)
      .where(sql`${t.direction} = 'inbound' and ${t.status} <> 'duplicate'`),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    index("clearinghouse_files_status_idx").on(t.practiceId, t.direction, t.status),
    index("clearinghouse_files_gs_idx").on(t.practiceId, t.groupControlNumber),
  ],
);

/**
 * The bytes of an inbound file above 1 MiB, in parts of 1 MiB (uncompressed): one statement each, since one large
 * bytea took seconds in one statement and the embedded server (PGlite) answered nothing meanwhile.
 */
export const clearinghouseFileParts = pgTable(
  "clearinghouse_file_parts",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => clearinghouseFiles.id, { onDelete: "cascade" }),
    part: integer("part").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.part] })],
);

/** Which file a claim went out in, and under which transaction (ST02) — a claim may be sent more than once. */
export const claimSubmissions = pgTable(
  "claim_submissions",
  {
    practiceId: uuid("practice_id").notNull(),
    claimId: uuid("claim_id").notNull(),
    fileId: uuid("file_id").notNull(),
    transactionControlNumber: text("transaction_control_number").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.fileId] }),
    // The claim and the file (of the practice) are checked once per INSERT statement by triggers (0045).
    index("claim_submissions_file_idx").on(t.fileId),
  ],
);

/** Scrubber results per claim, kept per scrub (the newest is current). */
export const claimScrubs = pgTable(
  "claim_scrubs",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    claimId: uuid("claim_id").notNull(),
    at: instant("at").notNull(),
    blocking: boolean("blocking").notNull(),
    edits: jsonb("edits")
      .$type<Array<{ code: string; severity: "blocking" | "warning"; message: string; path?: string }>>()
      .notNull(),
  },
  (t) => [
    // The claim (of the practice) is checked once per INSERT statement by a trigger (0045).
    index("claim_scrubs_claim_idx").on(t.claimId, t.at),
  ],
);

/** What a 999 or 277CA said about a file or a claim, with its codes and their texts. */
export const claimAcknowledgments = pgTable(
  "claim_acknowledgments",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    fileId: uuid("file_id").notNull(),
    /** The 837P file acknowledged (999), when matched. */
    acknowledgesFileId: uuid("acknowledges_file_id"),
    claimId: uuid("claim_id"),
    kind: text("kind", { enum: ["999", "277CA"] }).notNull(),
    outcome: text("outcome", {
      enum: ["accepted", "rejected", "partially_accepted", "pending", "other"],
    }).notNull(),
    payerClaimNumber: text("payer_claim_number"),
    details: jsonb("details").$type<Array<{ code: string; text: string; detail?: string }>>().notNull(),
    at: instant("at").notNull(),
  },
  (t) => [
    index("claim_acknowledgments_claim_idx").on(t.claimId),
    index("claim_acknowledgments_file_idx").on(t.fileId),
  ],
);

/**
 * An 835 transaction. Unique per (payer, TRN02, content hash): the same remittance again posts nothing twice, while
 * another remittance under a trace number already seen is kept and its claims queued for a person (migration 0011).
 * `next_position` is the posting cursor: claims before it are posted or queued, committed batch by batch.
 */
export const remittances = pgTable(
  "remittances",
  {
    ...tenantColumns(),
    fileId: uuid("file_id").notNull(),
    payerName: text("payer_name").notNull(),
    payerIdentifier: text("payer_identifier").notNull(),
    traceNumber: text("trace_number").notNull(),
    paymentMethod: text("payment_method"),
    paymentDate: date("payment_date", { mode: "string" }),
    totalPaidCents: cents("total_paid_cents").notNull(),
    providerAdjustmentCents: cents("provider_adjustment_cents").notNull().default(0),
    balanced: boolean("balanced").notNull(),
    imbalances: jsonb("imbalances").$type<Array<Record<string, unknown>>>().notNull(),
    providerAdjustments: jsonb("provider_adjustments").$type<Array<Record<string, unknown>>>().notNull(),
    status: text("status", { enum: ["posting", "posted", "partially_posted", "needs_review"] }).notNull(),
    claimCount: integer("claim_count").notNull(),
    /** SHA-256 of what the transaction set says (its position in the file aside); see import-remittance.ts. */
    contentSha256: text("content_sha256").notNull(),
    /** The position of the next claim to post: the resumable cursor of batch posting. */
    nextPosition: integer("next_position").notNull().default(0),
  },
  (t) => [
    unique("remittances_practice_id_id_key").on(t.practiceId, t.id),
    uniqueIndex("remittances_content_key").on(
      t.practiceId,
      t.payerIdentifier,
      t.traceNumber,
      t.contentSha256,
    ),
    index("remittances_practice_idx").on(t.practiceId, t.createdAt),
  ],
);

/** One CLP of a remittance, matched (or not) to our claim. */
export const remittanceClaims = pgTable(
  "remittance_claims",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    remittanceId: uuid("remittance_id").notNull(),
    position: integer("position").notNull(),
    claimId: uuid("claim_id"),
    patientControlNumber: text("patient_control_number").notNull(),
    statusCode: text("status_code").notNull(),
    chargeCents: cents("charge_cents").notNull(),
    paidCents: cents("paid_cents").notNull(),
    patientResponsibilityCents: cents("patient_responsibility_cents").notNull(),
    payerClaimNumber: text("payer_claim_number"),
    crossoverPayer: text("crossover_payer"),
    /** RARC remark codes of the claim (MOA) and its lines (LQ*HE), for the denials queue (migration 0019). */
    remarkCodes: jsonb("remark_codes").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    postingStatus: text("posting_status", { enum: ["posted", "queued", "dismissed"] }).notNull(),
    /** The decoded ERA claim and its balance while it is queued for a person (empty once posted). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    // The remittance (of the practice) is checked once per INSERT statement by a trigger (0045).
    unique("remittance_claims_position_key").on(t.remittanceId, t.position),
    index("remittance_claims_claim_idx").on(t.claimId),
  ],
);

/**
 * Append-only postings. A reversal is a new posting with the opposite amount that names what it reverses;
 * nothing is ever edited.
 */
export const postings = pgTable(
  "postings",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    remittanceClaimId: uuid("remittance_claim_id"),
    claimId: uuid("claim_id").notNull(),
    claimLineId: uuid("claim_line_id"),
    invoiceId: uuid("invoice_id").notNull(),
    kind: text("kind", {
      enum: ["payment", "write_off", "patient_responsibility", "denial", "informational", "reversal"],
    }).notNull(),
    groupCode: text("group_code"),
    reasonCode: text("reason_code"),
    amountCents: cents("amount_cents").notNull(),
    reversesPostingId: uuid("reverses_posting_id"),
    createdAt: instant("created_at").notNull(),
    actor: text("actor").notNull(),
  },
  (t) => [
    // The client ledger links an ERA's change of client responsibility to its posting by this key (0014).
    unique("postings_practice_id_id_key").on(t.practiceId, t.id),
    // The claim (of the practice), invoice and claim line are checked once per INSERT statement by a trigger (0044).
    index("postings_claim_idx").on(t.claimId),
    index("postings_invoice_idx").on(t.invoiceId),
    uniqueIndex("postings_reverses_key")
      .on(t.reversesPostingId)
      .where(sql`${t.reversesPostingId} is not null`),
  ],
);

/** Remittances or claims that need a person: unbalanced, unmatched, or an adjustment code the rules block. */
export const workQueueItems = pgTable(
  "work_queue_items",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    remittanceId: uuid("remittance_id").notNull(),
    remittanceClaimId: uuid("remittance_claim_id"),
    kind: text("kind", {
      enum: [
        "unbalanced",
        "unmatched_claim",
        "unmatched_line",
        "blocked_code",
        "reversal_without_original",
        "duplicate_trace",
        "malformed_claim",
      ],
    }).notNull(),
    reason: text("reason").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["open", "resolved", "dismissed"] })
      .notNull()
      .default("open"),
    resolution: text("resolution"),
    createdAt: instant("created_at").notNull(),
    resolvedAt: instant("resolved_at"),
    resolvedBy: text("resolved_by"),
  },
  (t) => [
    foreignKey({
      columns: [t.practiceId, t.remittanceId],
      foreignColumns: [remittances.practiceId, remittances.id],
    }).onDelete("cascade"),
    index("work_queue_items_open_idx").on(t.practiceId, t.status, t.createdAt),
  ],
);

/** (payer or any, group code, reason code) → what a CAS adjustment means for this practice. */
export const postingRules = pgTable(
  "posting_rules",
  {
    ...tenantColumns(),
    payerId: uuid("payer_id"),
    groupCode: text("group_code", { enum: ["CO", "PR", "OA", "PI", "CR"] }).notNull(),
    reasonCode: text("reason_code").notNull(),
    action: text("action", {
      enum: ["write_off", "patient_responsibility", "denial", "informational", "block"],
    }).notNull(),
  },
  (t) => [
    unique("posting_rules_practice_id_id_key").on(t.practiceId, t.id),
    uniqueIndex("posting_rules_key").on(
      t.practiceId,
      sql`coalesce(${t.payerId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.groupCode,
      t.reasonCode,
    ),
    foreignKey({ columns: [t.practiceId, t.payerId], foreignColumns: [payers.practiceId, payers.id] }),
  ],
);
