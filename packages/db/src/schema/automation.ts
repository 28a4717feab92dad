import { type AutomationConfig, automationKinds } from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { practices } from "./practice";

export const automationConfigs = pgTable("automation_configs", {
  practiceId: uuid("practice_id")
    .primaryKey()
    .references(() => practices.id, { onDelete: "cascade" }),
  config: jsonb("config").$type<AutomationConfig>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * How far the clock has looked for each enabled automation. Occurrences after this instant are still to come;
 * enabling sets it to the moment of enabling, so turning an automation on never back-fills the past.
 */
export const automationClock = pgTable(
  "automation_clock",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    automation: text("automation").notNull(),
    checkedThrough: instant("checked_through").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.automation] })],
);

/** One row per run: scheduled occurrences are unique per (practice, automation, local date). */
export const automationRuns = pgTable(
  "automation_runs",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    automation: text("automation", { enum: automationKinds }).notNull(),
    trigger: text("trigger", { enum: ["schedule", "manual"] }).notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    scheduledAt: instant("scheduled_at").notNull(),
    status: text("status", { enum: ["queued", "running", "done", "skipped", "failed"] }).notNull(),
    late: boolean("late").notNull().default(false),
    latenessMs: bigint("lateness_ms", { mode: "number" }),
    attempts: integer("attempts").notNull().default(0),
    startedAt: instant("started_at"),
    finishedAt: instant("finished_at"),
    durationMs: integer("duration_ms"),
    counts: jsonb("counts").$type<Record<string, number>>(),
    note: text("note"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("automation_runs_occurrence_key")
      .on(t.practiceId, t.automation, t.localDate)
      .where(sql`${t.trigger} = 'schedule'`),
    index("automation_runs_practice_idx").on(t.practiceId, t.scheduledAt),
  ],
);

/** Each item a run (or the on-Kept path) looked at, and what became of it: the answer to "why?". */
export const automationOutcomes = pgTable(
  "automation_outcomes",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    runId: uuid("run_id"),
    automation: text("automation", { enum: automationKinds }).notNull(),
    trigger: text("trigger", { enum: ["schedule", "manual", "on_kept"] }).notNull(),
    subjectType: text("subject_type", {
      enum: ["appointment", "invoice", "claim", "remittance", "client"],
    }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    outcome: text("outcome", { enum: ["done", "skipped", "error"] }).notNull(),
    reasonCode: text("reason_code"),
    message: text("message").notNull(),
    reasons: jsonb("reasons").$type<Array<{ code: string; message: string }>>(),
    relatedId: uuid("related_id"),
    at: instant("at").notNull(),
  },
  (t) => [
    uniqueIndex("automation_outcomes_run_subject_key")
      .on(t.runId, t.subjectId)
      .where(sql`${t.runId} is not null`),
    index("automation_outcomes_subject_idx").on(t.practiceId, t.subjectId, t.at),
    index("automation_outcomes_run_idx").on(t.runId, t.reasonCode),
    // The run (of the practice) is checked once per INSERT statement by a trigger, and does not change (0049).
  ],
);

/**
 * The durable job queue (PostgreSQL and PGlite alike). Workers claim with FOR UPDATE SKIP LOCKED and a lease;
 * a job whose lease expires (its worker died) is claimed again. singleton_key makes enqueueing idempotent.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    queue: text("queue").notNull(),
    /** The job definition's version its payload was written with (migration 0029). */
    version: integer("version").notNull().default(1),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    singletonKey: text("singleton_key").unique(),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    runAt: instant("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    createdAt: instant("created_at").notNull(),
    finishedAt: instant("finished_at"),
  },
  (t) => [index("jobs_ready_idx").on(t.status, t.runAt)],
);
