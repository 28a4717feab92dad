-- Card payments through Stripe (issue 17 item 2): each practice's Stripe keys (encrypted like clearinghouse secrets),
-- a Stripe customer per client, the client's saved cards, card charges written before Stripe is called (so an
-- unknown outcome is resolved, never charged again), refunds of them, and every webhook event received once.
CREATE TABLE "stripe_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"publishable_key_ciphertext" text NOT NULL,
	"secret_key_ciphertext" text NOT NULL,
	"webhook_secret_ciphertext" text NOT NULL,
	"livemode" boolean NOT NULL,
	"api_base_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
ALTER TABLE "stripe_settings" ADD CONSTRAINT "stripe_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "stripe_customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"stripe_customer_id" text NOT NULL,
	CONSTRAINT "stripe_customers_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "stripe_customers_client_key" UNIQUE("practice_id","client_id"),
	CONSTRAINT "stripe_customers_stripe_id_key" UNIQUE("practice_id","stripe_customer_id")
);--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "client_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"stripe_payment_method_id" text NOT NULL,
	"brand" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	CONSTRAINT "client_cards_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "client_cards_payment_method_key" UNIQUE("practice_id","stripe_payment_method_id"),
	CONSTRAINT "client_cards_last4_check" CHECK ("last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "client_cards_exp_month_check" CHECK ("exp_month" between 1 and 12),
	CONSTRAINT "client_cards_exp_year_check" CHECK ("exp_year" between 2000 and 2200)
);--> statement-breakpoint
ALTER TABLE "client_cards" ADD CONSTRAINT "client_cards_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_cards" ADD CONSTRAINT "client_cards_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_cards_client_idx" ON "client_cards" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_cards_one_default_idx" ON "client_cards" USING btree ("practice_id","client_id") WHERE "is_default";--> statement-breakpoint
CREATE TABLE "card_charges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"idempotency_key" text NOT NULL,
	"purpose_kind" text NOT NULL,
	"purpose_id" text NOT NULL,
	"status" text NOT NULL,
	"stripe_customer_id" text NOT NULL,
	"stripe_payment_method_id" text NOT NULL,
	"card_brand" text NOT NULL,
	"card_last4" text NOT NULL,
	"stripe_payment_intent_id" text,
	"stripe_charge_id" text,
	"decline_code" text,
	"failure_code" text,
	"failure_message" text,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"settled_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "card_charges_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "card_charges_idempotency_key" UNIQUE("practice_id","idempotency_key"),
	CONSTRAINT "card_charges_payment_intent_key" UNIQUE("practice_id","stripe_payment_intent_id"),
	CONSTRAINT "card_charges_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "card_charges_refunded_check" CHECK ("refunded_cents" >= 0 and "refunded_cents" <= "amount_cents"),
	CONSTRAINT "card_charges_status_check" CHECK ("status" in ('pending','succeeded','declined','failed','unknown')),
	CONSTRAINT "card_charges_purpose_kind_check" CHECK ("purpose_kind" in ('autopay_attempt','manual')),
	CONSTRAINT "card_charges_refund_only_succeeded_check" CHECK ("refunded_cents" = 0 or "status" = 'succeeded')
);--> statement-breakpoint
ALTER TABLE "card_charges" ADD CONSTRAINT "card_charges_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_charges" ADD CONSTRAINT "card_charges_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_charges" ADD CONSTRAINT "card_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_charges_client_idx" ON "card_charges" USING btree ("practice_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "card_charges_purpose_idx" ON "card_charges" USING btree ("practice_id","purpose_kind","purpose_id");--> statement-breakpoint
CREATE INDEX "card_charges_unresolved_idx" ON "card_charges" USING btree ("practice_id","created_at") WHERE "status" in ('pending','unknown');--> statement-breakpoint
CREATE TABLE "card_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"charge_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"stripe_refund_id" text,
	"failure_message" text,
	"settled_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "card_refunds_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "card_refunds_idempotency_key" UNIQUE("practice_id","idempotency_key"),
	CONSTRAINT "card_refunds_stripe_refund_key" UNIQUE("practice_id","stripe_refund_id"),
	CONSTRAINT "card_refunds_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "card_refunds_status_check" CHECK ("status" in ('pending','succeeded','failed','unknown'))
);--> statement-breakpoint
ALTER TABLE "card_refunds" ADD CONSTRAINT "card_refunds_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_refunds" ADD CONSTRAINT "card_refunds_practice_id_charge_id_card_charges_practice_id_id_fk" FOREIGN KEY ("practice_id","charge_id") REFERENCES "public"."card_charges"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_refunds" ADD CONSTRAINT "card_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_refunds_charge_idx" ON "card_refunds" USING btree ("practice_id","charge_id");--> statement-breakpoint
CREATE TABLE "stripe_webhook_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stripe_webhook_events_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "stripe_webhook_events_event_key" UNIQUE("practice_id","event_id"),
	CONSTRAINT "stripe_webhook_events_outcome_check" CHECK ("outcome" in ('processed','ignored'))
);--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;
