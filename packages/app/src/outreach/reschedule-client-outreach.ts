import { type Executor, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { loadSetFacts, planNextStep, writeSetSchedule } from "./outreach-facts";

/** The patient's working sets (Active, Will Fail) and the time zone each is scheduled in now. */
export const workingSetZones = async (
  tx: Executor,
  practiceId: string,
  clientId: string,
): Promise<Map<string, string>> => {
  const sets = await runPrepared<{ id: string }>(
    tx,
    sql`SELECT id::text AS id FROM outreach_sets WHERE practice_id = ${practiceId}::uuid
      AND client_id = ${clientId}::uuid AND status IN ('active','will_fail') ORDER BY id`,
  );
  const facts = await loadSetFacts(
    tx,
    practiceId,
    sets.map((s) => s.id),
    true,
  );
  return new Map(facts.map((f) => [f.id, f.zone]));
};

/**
 * The patient's time zone changed (set on the patient, or derived from a new address): each working set whose
 * zone moved gets its next send time again, in the new zone's send window (the same step, the same day of the
 * sequence), through the schedule writer, in the caller's transaction; the Invoice Timeline says so.
 * `zonesBefore` is workingSetZones read before the change.
 */
export const rescheduleClientOutreach = async (
  tx: Executor,
  input: { practiceId: string; clientId: string; zonesBefore: Map<string, string>; now: Date },
): Promise<number> => {
  const { practiceId, now } = input;
  const facts = await loadSetFacts(tx, practiceId, [...input.zonesBefore.keys()], true);
  const actor = systemActor(practiceId, "outreach");
  let moved = 0;
  for (const f of facts) {
    const before = input.zonesBefore.get(f.id);
    if (!before || before === f.zone || (f.status !== "active" && f.status !== "will_fail")) continue;
    const plan = planNextStep(f, f.stepIndex, now);
    const [current] = await runPrepared<{ next_send_at: string | Date | null }>(
      tx,
      sql`SELECT next_send_at FROM outreach_sets WHERE practice_id = ${practiceId}::uuid AND id = ${f.id}::uuid`,
    );
    await writeSetSchedule(tx, { practiceId, setId: f.id, plan, now });
    await runPrepared(
      tx,
      sql`INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, details)
        VALUES (gen_random_uuid(), ${practiceId}::uuid, ${f.id}::uuid, ${now.toISOString()}::timestamptz,
          'rescheduled', ${actor.label}, ${JSON.stringify({
            fromZone: before,
            toZone: f.zone,
            from: current?.next_send_at ? new Date(current.next_send_at).toISOString() : null,
            to: plan.nextSendAt?.toISOString() ?? null,
          })}::jsonb)`,
    );
    moved++;
  }
  return moved;
};
