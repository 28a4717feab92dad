import { can, DomainError, decideNoteSigner, notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";

/**
 * The signature a note may carry when `actor` signs it: the session's provider, and the user signing (its author, or
 * a supervisor). Anyone else is refused with NOT_NOTE_AUTHOR, whatever the route (the notes resource or sign-note).
 */
export const authorizeNoteSigner = async (tx: Executor, actor: TenantActor, appointmentId: string) => {
  const [row] = await tx
    .select({
      providerId: tables.providers.id,
      providerUserId: tables.providers.userId,
      firstName: tables.providers.firstName,
      lastName: tables.providers.lastName,
    })
    .from(tables.appointments)
    .innerJoin(
      tables.providers,
      and(
        eq(tables.providers.practiceId, tables.appointments.practiceId),
        eq(tables.providers.id, tables.appointments.providerId),
      ),
    )
    .where(
      and(eq(tables.appointments.practiceId, actor.practiceId), eq(tables.appointments.id, appointmentId)),
    );
  if (!row) throw notFound("Appointment");
  const providerName = `${row.firstName} ${row.lastName}`;
  const decision = decideNoteSigner({
    userId: actor.userId,
    supervises: actor.role !== null && can(actor.role, "clinical:supervise"),
    providerUserId: row.providerUserId,
    providerName,
  });
  if (!decision.may)
    throw new DomainError("NOT_NOTE_AUTHOR", decision.reason, {
      providerId: row.providerId,
      providerName,
    });
  return {
    signedByProviderId: row.providerId,
    signedByUserId: actor.userId as string,
    as: decision.as,
    providerName,
  };
};
