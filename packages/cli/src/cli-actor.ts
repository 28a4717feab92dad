import { userInfo } from "node:os";
import type { TenantActor } from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { type Database, isUuid, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";

/** The command line acts as the operator of the machine, audited as cli:<os user>, in one practice. */
export const cliActor = async (database: Database, practiceId: string): Promise<TenantActor> => {
  if (!isUuid(practiceId)) throw new DomainError("NOT_FOUND", `No practice ${practiceId}`);
  const [p] = await database.db
    .select({ id: tables.practices.id })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  if (!p) throw new DomainError("NOT_FOUND", `No practice ${practiceId}`);
  return { userId: null, practiceId, role: "owner", label: `cli:${userInfo().username}` };
};

/** The practice an appointment belongs to (appointment ids are unique across practices). */
export const practiceOfAppointment = async (database: Database, appointmentId: string): Promise<string> => {
  if (!isUuid(appointmentId)) throw new DomainError("NOT_FOUND", `No appointment ${appointmentId}`);
  const [a] = await database.db
    .select({ practiceId: tables.appointments.practiceId })
    .from(tables.appointments)
    .where(eq(tables.appointments.id, appointmentId));
  if (!a) throw new DomainError("NOT_FOUND", `No appointment ${appointmentId}`);
  return a.practiceId;
};
