import { autopayAttemptStatuses, type LocalDate } from "@billcycle/core";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { invoices } from "./billing";
import { clients } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { cardCharges } from "./payments";
import { practices } from "./practice";

/**
 * One autopay attempt per open invoice per practice-local night (the unique key), inserted and committed pending
 * before its card charge (idempotency key `autopay:<id>`) is sent; its status follows the charge.
 */
export const autopayAttempts = pgTable(
  "autopay_attempts",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    /** The automation run that made it (null: made outside a run). */
    runId: uuid("run_id"),
    localDate: date("local_date", { mode: "string" }).$type<LocalDate>().notNull(),
    attemptNumber: integer("attempt_number").notNull(),
    amountCents: cents("amount_cents").notNull(),
    status: text("status", { enum: autopayAttemptStatuses }).notNull(),
    cardChargeId: uuid("card_charge_id"),
    declineCode: text("decline_code"),
    /** Stripe's words for a decline or failure. */
    declineMessage: text("decline_message"),
    settledAt: instant("settled_at"),
  },
  (t) => [
    unique("autopay_attempts_practice_id_id_key").on(t.practiceId, t.id),
    unique("autopay_attempts_invoice_night_key").on(t.practiceId, t.invoiceId, t.localDate),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({
      name: "autopay_attempts_client_fk",
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }),
    foreignKey({
      name: "autopay_attempts_invoice_fk",
      columns: [t.practiceId, t.invoiceId],
      foreignColumns: [invoices.practiceId, invoices.id],
    }),
    foreignKey({
      name: "autopay_attempts_card_charge_fk",
      columns: [t.practiceId, t.cardChargeId],
      foreignColumns: [cardCharges.practiceId, cardCharges.id],
    }),
    index("autopay_attempts_client_idx").on(t.practiceId, t.clientId, t.localDate),
    index("autopay_attempts_unresolved_idx")
      .on(t.practiceId, t.invoiceId)
      .where(sql`${t.status} in ('pending','unknown')`),
    check("autopay_attempts_amount_check", sql`${t.amountCents} > 0`),
    check("autopay_attempts_number_check", sql`${t.attemptNumber} >= 1`),
    check(
      "autopay_attempts_status_check",
      sql`${t.status} in ('pending','unknown','succeeded','declined','failed')`,
    ),
  ],
);
