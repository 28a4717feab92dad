import { type Database, newId, tables } from "@billcycle/db";
import type { PracticeFixture } from "./billing-fixture";

/** Inserts `count` kept, signed, billable appointments on `date` for the given clients (fast, for volume tests). */
export const bulkKeptAppointments = async (
  database: Database,
  p: PracticeFixture,
  clientIds: string[],
  count: number,
  date: string,
  now: Date,
): Promise<string[]> => {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 250) {
    const chunk = Array.from({ length: Math.min(250, count - start) }, (_, i) => ({
      id: newId(),
      client: clientIds[(start + i) % clientIds.length]!,
    }));
    await database.db.transaction(async (tx) => {
      const base = { practiceId: p.practiceId, createdAt: now, updatedAt: now };
      await tx.insert(tables.appointments).values(
        chunk.map((c, i) => ({
          ...base,
          id: c.id,
          clientId: c.client,
          providerId: p.providerId,
          locationId: p.locationId,
          startsAt: new Date(`${date}T15:00:00Z`),
          endsAt: new Date(`${date}T16:00:00Z`),
          dateOfService: date,
          status: "kept" as const,
          statusChangedAt: new Date(now.getTime() + i),
        })),
      );
      await tx.insert(tables.appointmentServices).values(
        chunk.map((c) => ({
          practiceId: p.practiceId,
          appointmentId: c.id,
          position: 0,
          serviceId: p.services.therapy,
          units: 1,
        })),
      );
      await tx
        .insert(tables.progressNotes)
        .values(
          chunk.map((c) => ({ ...base, id: newId(), appointmentId: c.id, signed: true, signedAt: now })),
        );
    });
    ids.push(...chunk.map((c) => c.id));
  }
  return ids;
};
