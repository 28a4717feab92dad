-- Patient outreach on outstanding balances (issue 20). Rule sets of SMS and email steps; invoice sets (one open
-- per patient) linking the charges they chase, their status moved by core outreachSetTransitions; one message row
-- per set and step (the idempotency key is unique: claimed, committed, then sent, so nothing goes out twice); a
-- timeline of everything that happened to a set. Amount Outstanding is never stored: it is read from the invoices'
-- client amounts, which the ledger keeps.
CREATE TABLE "outreach_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"start_after_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_settings_start_after_days_check" CHECK ("start_after_days" between 0 and 365)
);--> statement-breakpoint
ALTER TABLE "outreach_settings" ADD CONSTRAINT "outreach_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "outreach_rule_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"steps" jsonb NOT NULL,
	CONSTRAINT "outreach_rule_sets_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "outreach_rule_sets_name_key" UNIQUE("practice_id","name"),
	CONSTRAINT "outreach_rule_sets_steps_check" CHECK (jsonb_typeof("steps") = 'array' AND jsonb_array_length("steps") > 0)
);--> statement-breakpoint
ALTER TABLE "outreach_rule_sets" ADD CONSTRAINT "outreach_rule_sets_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_rule_sets_default_key" ON "outreach_rule_sets" USING btree ("practice_id") WHERE "is_default";--> statement-breakpoint
CREATE TABLE "outreach_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_by" text NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"last_sent_day" integer,
	"next_send_at" timestamp with time zone,
	"will_fail_reasons" jsonb,
	"moved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outreach_sets_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "outreach_sets_status_check" CHECK ("status" in ('active','paused','expired','failed','will_fail','paid','cancelled','written_off','collections')),
	CONSTRAINT "outreach_sets_started_by_check" CHECK ("started_by" in ('auto','manual')),
	CONSTRAINT "outreach_sets_step_index_check" CHECK ("step_index" >= 0)
);--> statement-breakpoint
ALTER TABLE "outreach_sets" ADD CONSTRAINT "outreach_sets_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sets" ADD CONSTRAINT "outreach_sets_client_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sets" ADD CONSTRAINT "outreach_sets_rule_set_fk" FOREIGN KEY ("practice_id","rule_set_id") REFERENCES "public"."outreach_rule_sets"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_sets_open_client_key" ON "outreach_sets" USING btree ("practice_id","client_id") WHERE "status" in ('active','paused','expired','failed','will_fail');--> statement-breakpoint
CREATE INDEX "outreach_sets_client_idx" ON "outreach_sets" USING btree ("practice_id","client_id","id");--> statement-breakpoint
CREATE INDEX "outreach_sets_status_idx" ON "outreach_sets" USING btree ("practice_id","status","id");--> statement-breakpoint
CREATE INDEX "outreach_sets_created_idx" ON "outreach_sets" USING btree ("practice_id","created_at","id");--> statement-breakpoint
CREATE INDEX "outreach_sets_rule_set_idx" ON "outreach_sets" USING btree ("practice_id","rule_set_id","id");--> statement-breakpoint
CREATE INDEX "outreach_sets_next_send_idx" ON "outreach_sets" USING btree ("practice_id","next_send_at","id") WHERE "next_send_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outreach_sets_due_idx" ON "outreach_sets" USING btree ("next_send_at") WHERE "status" in ('active','will_fail','failed') AND "next_send_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "outreach_set_invoices" (
	"practice_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outreach_set_invoices_pkey" PRIMARY KEY("practice_id","set_id","invoice_id")
);--> statement-breakpoint
ALTER TABLE "outreach_set_invoices" ADD CONSTRAINT "outreach_set_invoices_set_fk" FOREIGN KEY ("practice_id","set_id") REFERENCES "public"."outreach_sets"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_set_invoices" ADD CONSTRAINT "outreach_set_invoices_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_set_invoices_invoice_idx" ON "outreach_set_invoices" USING btree ("practice_id","invoice_id");--> statement-breakpoint
CREATE TABLE "outreach_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"set_id" uuid NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"day_offset" integer NOT NULL,
	"channel" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"to_address" text,
	"subject" text,
	"body" text NOT NULL,
	"provider_message_id" text,
	"failure_code" text,
	"failure_message" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outreach_messages_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "outreach_messages_idempotency_key" UNIQUE("practice_id","idempotency_key"),
	CONSTRAINT "outreach_messages_channel_check" CHECK ("channel" in ('sms','email')),
	CONSTRAINT "outreach_messages_status_check" CHECK ("status" in ('sending','sent','delivered','failed','unknown'))
);--> statement-breakpoint
ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_set_fk" FOREIGN KEY ("practice_id","set_id") REFERENCES "public"."outreach_sets"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_messages_set_idx" ON "outreach_messages" USING btree ("practice_id","set_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_messages_provider_key" ON "outreach_messages" USING btree ("practice_id","provider_message_id") WHERE "provider_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outreach_messages_sending_idx" ON "outreach_messages" USING btree ("created_at") WHERE "status" = 'sending';--> statement-breakpoint
CREATE INDEX "outreach_messages_to_idx" ON "outreach_messages" USING btree ("practice_id","to_address","id");--> statement-breakpoint
CREATE TABLE "outreach_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	"practice_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"message_id" uuid,
	"details" jsonb,
	"dedupe_key" text,
	CONSTRAINT "outreach_events_kind_check" CHECK ("kind" in ('started','charge_added','message','delivery','reply','preference','help','payment','status','rule_set','skipped'))
);--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_set_fk" FOREIGN KEY ("practice_id","set_id") REFERENCES "public"."outreach_sets"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_events_set_idx" ON "outreach_events" USING btree ("practice_id","set_id","at","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_events_dedupe_key" ON "outreach_events" USING btree ("practice_id","dedupe_key") WHERE "dedupe_key" IS NOT NULL;--> statement-breakpoint
-- The patient's own zone (quiet hours), else taken from the address state; and an email bounce remembered.
ALTER TABLE "clients" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "email_bounced_at" timestamp with time zone;
