-- Client ledger and payments (issue 17 item 1, hand-recorded payments of item 2), and an invoice's lifecycle apart
-- from its payment status (issue 14 item 1). Ledger, payments, refunds, write-offs and allocations are append-only.
ALTER TABLE "invoices" ADD COLUMN "payment_status" text DEFAULT 'unpaid' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "client_written_off_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The payment status by core decideInvoicePaymentStatus (this copy of the rule runs once, on existing rows).
UPDATE "invoices" SET "payment_status" = CASE
	WHEN greatest(0, "insurance_cents" - "insurance_paid_cents" - "adjustment_cents") = 0
		AND greatest(0, "client_cents" - "client_paid_cents") = 0 THEN 'paid'
	WHEN "insurance_paid_cents" + "adjustment_cents" + "client_paid_cents" > 0 THEN 'partially_paid'
	ELSE 'unpaid' END;--> statement-breakpoint
-- Paid and Partially Paid were payment states in the lifecycle column: such an invoice was claimed (processed),
-- or, without a claim, open.
UPDATE "invoices" AS i SET "status" = CASE
	WHEN EXISTS (SELECT 1 FROM "claims" c WHERE c."practice_id" = i."practice_id" AND c."invoice_id" = i."id")
	THEN 'processed' ELSE 'open' END
	WHERE i."status" IN ('partially_paid', 'paid');--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_status_check" CHECK ("status" in ('pended','open','processed','void'));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_status_check" CHECK ("payment_status" in ('unpaid','partially_paid','paid'));--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_practice_id_id_key" UNIQUE("practice_id","id");--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_user_id" uuid,
	"method" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"reference" text,
	"card_charge_id" text,
	"idempotency_key" text NOT NULL,
	"request" jsonb NOT NULL,
	CONSTRAINT "payments_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "payments_practice_idempotency_key" UNIQUE("practice_id","idempotency_key"),
	CONSTRAINT "payments_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "payments_method_check" CHECK ("method" in ('cash','check','external_card','card'))
);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id");--> statement-breakpoint
CREATE INDEX "payments_client_idx" ON "payments" USING btree ("practice_id","client_id","id");--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_user_id" uuid,
	"payment_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"from_credit_cents" bigint NOT NULL,
	"refunded_on" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "refunds_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "refunds_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "refunds_from_credit_check" CHECK ("from_credit_cents" between 0 and "amount_cents")
);--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_practice_id_payment_id_payments_practice_id_id_fk" FOREIGN KEY ("practice_id","payment_id") REFERENCES "public"."payments"("practice_id","id");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("practice_id","payment_id");--> statement-breakpoint
CREATE TABLE "client_write_offs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_user_id" uuid,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "client_write_offs_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "client_write_offs_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "client_write_offs_kind_check" CHECK ("kind" in ('write_off','adjustment'))
);--> statement-breakpoint
ALTER TABLE "client_write_offs" ADD CONSTRAINT "client_write_offs_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id");--> statement-breakpoint
ALTER TABLE "client_write_offs" ADD CONSTRAINT "client_write_offs_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id");--> statement-breakpoint
ALTER TABLE "client_write_offs" ADD CONSTRAINT "client_write_offs_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id");--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"cause" text NOT NULL,
	"refund_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_allocations_amount_check" CHECK ("amount_cents" <> 0),
	CONSTRAINT "payment_allocations_sign_check" CHECK (("amount_cents" > 0) = ("cause" in ('payment','credit'))),
	CONSTRAINT "payment_allocations_cause_check" CHECK ("cause" in ('payment','credit','refund','void'))
);--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_practice_id_payment_id_payments_practice_id_id_fk" FOREIGN KEY ("practice_id","payment_id") REFERENCES "public"."payments"("practice_id","id");--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id");--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_practice_id_refund_id_refunds_practice_id_id_fk" FOREIGN KEY ("practice_id","refund_id") REFERENCES "public"."refunds"("practice_id","id");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id","id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"effective_on" date NOT NULL,
	"description" text NOT NULL,
	"invoice_id" uuid,
	"payment_id" uuid,
	"refund_id" uuid,
	"write_off_id" uuid,
	"posting_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	CONSTRAINT "ledger_entries_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "ledger_entries_kind_check" CHECK ("kind" in ('charge','payment','refund','credit','adjustment','write_off')),
	CONSTRAINT "ledger_entries_sign_check" CHECK (case when "kind" in ('charge','refund') then "amount_cents" > 0 else "amount_cents" < 0 end),
	CONSTRAINT "ledger_entries_cause_check" CHECK (("kind" <> 'payment' or "payment_id" is not null)
		and ("kind" <> 'refund' or "refund_id" is not null)
		and ("kind" not in ('charge','credit','adjustment','write_off') or "invoice_id" is not null)
		and ("kind" <> 'write_off' or "write_off_id" is not null))
);--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_payment_id_payments_practice_id_id_fk" FOREIGN KEY ("practice_id","payment_id") REFERENCES "public"."payments"("practice_id","id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_refund_id_refunds_practice_id_id_fk" FOREIGN KEY ("practice_id","refund_id") REFERENCES "public"."refunds"("practice_id","id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_write_off_id_client_write_offs_practice_id_id_fk" FOREIGN KEY ("practice_id","write_off_id") REFERENCES "public"."client_write_offs"("practice_id","id");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_practice_id_posting_id_postings_practice_id_id_fk" FOREIGN KEY ("practice_id","posting_id") REFERENCES "public"."postings"("practice_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_client_idx" ON "ledger_entries" USING btree ("practice_id","client_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_invoice_idx" ON "ledger_entries" USING btree ("invoice_id");--> statement-breakpoint
CREATE TABLE "invoice_payment_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"cause" text NOT NULL
);--> statement-breakpoint
ALTER TABLE "invoice_payment_status_history" ADD CONSTRAINT "invoice_payment_status_history_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id");--> statement-breakpoint
CREATE INDEX "invoice_payment_status_history_invoice_idx" ON "invoice_payment_status_history" USING btree ("invoice_id","at");--> statement-breakpoint
-- History: the moves into and out of Paid / Partially Paid were payment moves; they go to the payment history.
INSERT INTO "invoice_payment_status_history" ("id", "practice_id", "invoice_id", "from_status", "to_status", "at", "actor", "cause")
	SELECT "id", "practice_id", "invoice_id",
		CASE WHEN "from_status" IN ('partially_paid', 'paid') THEN "from_status" ELSE 'unpaid' END,
		CASE WHEN "to_status" IN ('partially_paid', 'paid') THEN "to_status" ELSE 'unpaid' END,
		"at", "actor", coalesce("cause", 'migrated')
	FROM "invoice_status_history"
	WHERE "to_status" IN ('partially_paid', 'paid')
		OR ("from_status" IN ('partially_paid', 'paid') AND "to_status" IN ('open', 'processed'));--> statement-breakpoint
DELETE FROM "invoice_status_history"
	WHERE "to_status" IN ('partially_paid', 'paid')
		OR ("from_status" IN ('partially_paid', 'paid') AND "to_status" IN ('open', 'processed'));--> statement-breakpoint
UPDATE "invoice_status_history" SET "from_status" = 'processed' WHERE "from_status" IN ('partially_paid', 'paid');--> statement-breakpoint
CREATE INDEX "invoices_practice_payment_status_idx" ON "invoices" USING btree ("practice_id","payment_status","invoice_date");--> statement-breakpoint
-- Client responsibility of invoices already issued enters the ledger once, dated the invoice's date.
INSERT INTO "ledger_entries" ("id", "practice_id", "client_id", "kind", "amount_cents", "effective_on", "description",
	"invoice_id", "created_at", "actor")
	SELECT "id", "practice_id", "client_id", 'charge', "client_cents", "invoice_date", 'Bill ' || "number", "id",
		now(), 'system:migration'
	FROM "invoices" WHERE "status" IN ('open', 'processed') AND "client_cents" > 0;--> statement-breakpoint
CREATE FUNCTION billcycle_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only (% refused): record a reversing entry instead', TG_TABLE_NAME, TG_OP
		USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "ledger_entries"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries"
	FOR EACH STATEMENT EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON "payments"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER refunds_append_only BEFORE UPDATE OR DELETE ON "refunds"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER client_write_offs_append_only BEFORE UPDATE OR DELETE ON "client_write_offs"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER payment_allocations_append_only BEFORE UPDATE OR DELETE ON "payment_allocations"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();
