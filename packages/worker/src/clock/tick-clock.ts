import { enqueue, insertQueuedRun, runAutomationJob } from "@billcycle/app";
import { type AutomationKind, dueOccurrences, isFirstOfMonth, isSuperbillDay } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";

/** A run that starts more than this after its time is marked late (the worker was down or behind). */
export const LATE_AFTER_MS = 5 * 60 * 1000;

/**
 * The clock only selects due work: for each enabled automation of each practice, every occurrence between the
 * last look and `now` becomes a run, unique per (practice, automation, local date), with one job to execute it.
 * After downtime each missed occurrence runs once, marked late. Several workers may tick at once: the clock row
 * is locked per automation and the run key is unique, so nothing is scheduled twice.
 */
export const tickClock = async (database: Database, now: Date): Promise<{ scheduled: number }> => {
  const clocks = await database.db
    .select({ practiceId: tables.automationClock.practiceId, automation: tables.automationClock.automation })
    .from(tables.automationClock);
  let scheduled = 0;
  for (const c of clocks) {
    scheduled += await database.db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          checkedThrough: tables.automationClock.checkedThrough,
          zone: tables.practices.timeZone,
          billingSettings: tables.practices.billingSettings,
          config: tables.automationConfigs.config,
        })
        .from(tables.automationClock)
        .innerJoin(tables.practices, eq(tables.practices.id, tables.automationClock.practiceId))
        .innerJoin(
          tables.automationConfigs,
          eq(tables.automationConfigs.practiceId, tables.automationClock.practiceId),
        )
        .where(
          and(
            eq(tables.automationClock.practiceId, c.practiceId),
            eq(tables.automationClock.automation, c.automation),
          ),
        )
        .for("update", { of: tables.automationClock });
      if (!row || row.checkedThrough.getTime() >= now.getTime()) return 0;
      const kind = c.automation as AutomationKind;
      const setting = row.config.automations[kind];
      if (!setting?.enabled) return 0;
      const monthly = kind === "invoice_creation" && row.config.invoiceCreationMode === "monthly";
      const superbillDay = row.billingSettings.superbillDayOfMonth ?? 1;
      const due = dueOccurrences({
        zone: row.zone,
        runTime: setting.runTime,
        after: row.checkedThrough,
        upTo: now,
        isRunDay: monthly
          ? isFirstOfMonth
          : kind === "superbills"
            ? (d: string) => isSuperbillDay(d, superbillDay)
            : undefined,
      });
      let created = 0;
      for (const occ of due) {
        const lateness = now.getTime() - occ.scheduledAt.getTime();
        const id = newId(now.getTime());
        const inserted = await insertQueuedRun(tx, {
          id,
          practiceId: c.practiceId,
          automation: kind,
          trigger: "schedule",
          localDate: occ.localDate,
          scheduledAt: occ.scheduledAt,
          late: lateness > LATE_AFTER_MS,
          latenessMs: lateness,
          createdAt: now,
        });
        if (inserted.length === 0) continue;
        await enqueue(
          tx,
          runAutomationJob,
          { runId: id },
          { singletonKey: `run:${id}`, runAt: occ.scheduledAt },
          now,
        );
        created++;
      }
      await tx
        .update(tables.automationClock)
        .set({ checkedThrough: now })
        .where(
          and(
            eq(tables.automationClock.practiceId, c.practiceId),
            eq(tables.automationClock.automation, c.automation),
          ),
        );
      return created;
    });
  }
  return { scheduled };
};
