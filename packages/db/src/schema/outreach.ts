import {
  outreachChannels,
  outreachMessageStatuses,
  outreachSetStatuses,
  type RuleStep,
  type WillFailReason,
} from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
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
import { invoices } from "./billing";
import { clients } from "./clinic";
import { instant, tenantColumns } from "./columns";
import { practices } from "./practice";

/** A practice's outreach switch and after how many days outstanding a set starts by itself. */
export const outreachSettings = pgTable(
  "outreach_settings",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    startAfterDays: integer("start_after_days").notNull().default(30),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [check("outreach_settings_start_after_days_check", sql`${t.startAfterDays} between 0 and 365`)],
);

/** Named, ordered steps (day offset, channel, template, send window); one default per practice. */
export const outreachRuleSets = pgTable(
  "outreach_rule_sets",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    steps: jsonb("steps").$type<RuleStep[]>().notNull(),
  },
  (t) => [
    unique("outreach_rule_sets_practice_id_id_key").on(t.practiceId, t.id),
    unique("outreach_rule_sets_name_key").on(t.practiceId, t.name),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    uniqueIndex("outreach_rule_sets_default_key").on(t.practiceId).where(sql`${t.isDefault}`),
  ],
);

/** An invoice set: one open per patient (a partial unique index); its status moves by outreachSetTransitions. */
export const outreachSets = pgTable(
  "outreach_sets",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    ruleSetId: uuid("rule_set_id").notNull(),
    status: text("status", { enum: outreachSetStatuses }).notNull().default("active"),
    startedBy: text("started_by", { enum: ["auto", "manual"] }).notNull(),
    /** The next step of the rule set to send (steps.length: every step sent). */
    stepIndex: integer("step_index").notNull().default(0),
    /** The day offset of the last step sent (where a changed rule set continues). */
    lastSentDay: integer("last_sent_day"),
    nextSendAt: instant("next_send_at"),
    willFailReasons: jsonb("will_fail_reasons").$type<WillFailReason[]>(),
    movedAt: instant("moved_at").notNull(),
  },
  (t) => [
    unique("outreach_sets_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({
      name: "outreach_sets_client_fk",
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "outreach_sets_rule_set_fk",
      columns: [t.practiceId, t.ruleSetId],
      foreignColumns: [outreachRuleSets.practiceId, outreachRuleSets.id],
    }),
    uniqueIndex("outreach_sets_open_client_key")
      .on(t.practiceId, t.clientId)
      .where(sql`${t.status} in ('active','paused','expired','failed','will_fail')`),
    index("outreach_sets_client_idx").on(t.practiceId, t.clientId, t.id),
    index("outreach_sets_status_idx").on(t.practiceId, t.status, t.id),
    index("outreach_sets_created_idx").on(t.practiceId, t.createdAt, t.id),
    index("outreach_sets_rule_set_idx").on(t.practiceId, t.ruleSetId, t.id),
    check("outreach_sets_step_index_check", sql`${t.stepIndex} >= 0`),
  ],
);

/** The charges (issued invoices) a set covers. */
export const outreachSetInvoices = pgTable(
  "outreach_set_invoices",
  {
    practiceId: uuid("practice_id").notNull(),
    setId: uuid("set_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    addedAt: instant("added_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "outreach_set_invoices_pkey", columns: [t.practiceId, t.setId, t.invoiceId] }),
    foreignKey({
      name: "outreach_set_invoices_set_fk",
      columns: [t.practiceId, t.setId],
      foreignColumns: [outreachSets.practiceId, outreachSets.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "outreach_set_invoices_invoice_fk",
      columns: [t.practiceId, t.invoiceId],
      foreignColumns: [invoices.practiceId, invoices.id],
    }).onDelete("cascade"),
    index("outreach_set_invoices_invoice_idx").on(t.practiceId, t.invoiceId),
  ],
);

/** One message per (set, rule set, step): the idempotency key is unique, so a step is claimed once. */
export const outreachMessages = pgTable(
  "outreach_messages",
  {
    ...tenantColumns(),
    setId: uuid("set_id").notNull(),
    ruleSetId: uuid("rule_set_id").notNull(),
    stepIndex: integer("step_index").notNull(),
    dayOffset: integer("day_offset").notNull(),
    channel: text("channel", { enum: outreachChannels }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: outreachMessageStatuses }).notNull().default("sending"),
    toAddress: text("to_address"),
    subject: text("subject"),
    body: text("body").notNull(),
    providerMessageId: text("provider_message_id"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    sentAt: instant("sent_at"),
  },
  (t) => [
    unique("outreach_messages_practice_id_id_key").on(t.practiceId, t.id),
    unique("outreach_messages_idempotency_key").on(t.practiceId, t.idempotencyKey),
    foreignKey({
      name: "outreach_messages_set_fk",
      columns: [t.practiceId, t.setId],
      foreignColumns: [outreachSets.practiceId, outreachSets.id],
    }).onDelete("cascade"),
    index("outreach_messages_set_idx").on(t.practiceId, t.setId, t.id),
    index("outreach_messages_to_idx").on(t.practiceId, t.toAddress, t.id),
  ],
);

export const outreachEventKinds = [
  "started",
  "charge_added",
  "message",
  "delivery",
  "reply",
  "preference",
  "help",
  "payment",
  "status",
  "rule_set",
  "skipped",
  "rescheduled",
] as const;
export type OutreachEventKind = (typeof outreachEventKinds)[number];

/** The Invoice Timeline: every message, delivery report, reply, payment and status change, who did it and when. */
export const outreachEvents = pgTable(
  "outreach_events",
  {
    id: uuid("id").primaryKey(),
    /** Insertion order: events of one instant (a payment and the Paid it causes) keep the order they happened in. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    practiceId: uuid("practice_id").notNull(),
    setId: uuid("set_id").notNull(),
    at: instant("at").notNull(),
    kind: text("kind", { enum: outreachEventKinds }).notNull(),
    actor: text("actor").notNull(),
    messageId: uuid("message_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    /** A provider's callback id: the same report twice is one event. */
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    foreignKey({
      name: "outreach_events_set_fk",
      columns: [t.practiceId, t.setId],
      foreignColumns: [outreachSets.practiceId, outreachSets.id],
    }).onDelete("cascade"),
    index("outreach_events_set_idx").on(t.practiceId, t.setId, t.at, t.seq),
    uniqueIndex("outreach_events_dedupe_key")
      .on(t.practiceId, t.dedupeKey)
      .where(sql`${t.dedupeKey} IS NOT NULL`),
  ],
);
