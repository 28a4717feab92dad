import type { PracticeBillingSettings, TokenScope } from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { instant } from "./columns";

export type Address = {
  line1: string;
  line2?: string | undefined;
  city: string;
  state: string;
  zip: string;
};

export const practices = pgTable("practices", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  /** BCP 47 ("en-US"): how the practice's dates and times are written. */
  locale: text("locale").notNull().default("en-US"),
  address: jsonb("address").$type<Address>().notNull(),
  taxId: text("tax_id").notNull(),
  billingNpi: text("billing_npi").notNull(),
  taxonomyCode: text("taxonomy_code").notNull(),
  phone: text("phone"),
  /** The submitter contact of the practice's 837P files (PER), with the phone above. */
  billingContactName: text("billing_contact_name"),
  billingContactEmail: text("billing_contact_email"),
  billingSettings: jsonb("billing_settings").$type<PracticeBillingSettings>().notNull(),
  version: integer("version").notNull().default(1),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const platformRoles = ["operator"] as const;
export type PlatformRole = (typeof platformRoles)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    /** Above any practice: an operator may create practices. Set only from the command line. */
    platformRole: text("platform_role", { enum: platformRoles }),
    /** Made by the demo seed: a production start refuses to run while one exists. */
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [check("users_platform_role_check", sql`${t.platformRole} in ('operator')`)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "biller", "clinician", "read_only"] }).notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.practiceId] }),
    check("memberships_role_check", sql`${t.role} in ('owner','biller','clinician','read_only')`),
  ],
);

/** Browser sessions; the cookie holds the secret, the table only its SHA-256. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    /** Last request seen (refreshed at most once a minute): a session idle too long is refused. */
    lastSeenAt: instant("last_seen_at").notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/** API tokens: only the SHA-256 of the secret is stored; scopes and expiry limit what the secret can do. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
    scopes: text("scopes").array().$type<TokenScope[]>().notNull(),
    createdVia: text("created_via", { enum: ["session", "cli"] }).notNull(),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId, t.id),
    check(
      "api_tokens_scopes_check",
      sql`cardinality(${t.scopes}) >= 1 AND ${t.scopes} <@ ARRAY['read','write']::text[]`,
    ),
    check("api_tokens_created_via_check", sql`${t.createdVia} in ('session','cli')`),
  ],
);

/** Failed sign-ins, counted across every process to rate-limit guessing. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey(),
    emailKey: text("email_key").notNull(),
    ip: text("ip").notNull(),
    at: instant("at").notNull(),
    /** Made from a known device of the account: not counted against the account, only the address. */
    knownDevice: boolean("known_device").notNull().default(false),
  },
  (t) => [
    index("login_attempts_email_at_idx").on(t.emailKey, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
);

/** Browsers a user has signed in from; the cookie holds a random secret, the table only its SHA-256. */
export const knownDevices = pgTable(
  "known_devices",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    lastUsedAt: instant("last_used_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [unique("known_devices_user_token_unique").on(t.userId, t.tokenHash)],
);
