-- Sign-in throttling per client address (any emails) as well as per account.
ALTER TABLE "login_attempts" ADD COLUMN "known_device" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
-- Browsers a user has signed in from: the cookie holds a random secret, the table only its SHA-256.
CREATE TABLE "known_devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "known_devices_user_token_unique" UNIQUE("user_id","token_hash")
);--> statement-breakpoint
ALTER TABLE "known_devices" ADD CONSTRAINT "known_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A platform-level role, set only from the command line: operators may create practices.
ALTER TABLE "users" ADD COLUMN "platform_role" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_platform_role_check" CHECK ("users"."platform_role" in ('operator'));--> statement-breakpoint
-- Demo users are marked so that a production start can refuse them; earlier demo seeds are recognised by their domain.
ALTER TABLE "users" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "users" SET "is_demo" = true WHERE "email" LIKE '%@demo.billcycle.test';
