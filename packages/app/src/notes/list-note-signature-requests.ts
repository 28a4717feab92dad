import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantActor } from "../resources/crud";

export const noteSignatureRequestSchema = z
  .strictObject({
    id: z.uuid(),
    appointmentId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true }),
    dateOfService: z.iso.date(),
    client: z.strictObject({ id: z.uuid(), name: z.string() }),
    provider: z.strictObject({ id: z.uuid(), name: z.string() }),
    requestedBy: z.string().describe("who asked, by name"),
    message: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "NoteSignatureRequest" });

export const noteSignatureRequestListSchema = z
  .strictObject({ data: z.array(noteSignatureRequestSchema) })
  .meta({ id: "NoteSignatureRequestList" });

/**
 * Open signature requests (the note still unsigned), oldest session first: `mine` — those for the providers linked
 * to the actor (a clinician's list); else those of one session, or the whole practice's (at most 200).
 */
export const listNoteSignatureRequests = async (
  tx: Executor,
  actor: TenantActor,
  query: { mine: boolean; appointmentId?: string | undefined },
) => {
  const r = tables.noteSignatureRequests;
  const requester = alias(tables.users, "requester");
  const where: SQL[] = [
    eq(r.practiceId, actor.practiceId),
    or(isNull(tables.progressNotes.id), eq(tables.progressNotes.signed, false)) as SQL,
  ];
  if (query.mine)
    where.push(eq(tables.providers.userId, actor.userId ?? "00000000-0000-0000-0000-000000000000"));
  if (query.appointmentId) where.push(eq(r.appointmentId, query.appointmentId));
  const rows = await tx
    .select({
      id: r.id,
      appointmentId: r.appointmentId,
      startsAt: tables.appointments.startsAt,
      dateOfService: tables.appointments.dateOfService,
      clientId: tables.clients.id,
      clientFirst: tables.clients.firstName,
      clientLast: tables.clients.lastName,
      providerId: tables.providers.id,
      providerFirst: tables.providers.firstName,
      providerLast: tables.providers.lastName,
      requesterName: requester.name,
      requestedBy: r.requestedBy,
      message: r.message,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(
      tables.appointments,
      and(eq(tables.appointments.practiceId, r.practiceId), eq(tables.appointments.id, r.appointmentId)),
    )
    .innerJoin(
      tables.clients,
      and(eq(tables.clients.practiceId, r.practiceId), eq(tables.clients.id, tables.appointments.clientId)),
    )
    .innerJoin(
      tables.providers,
      and(eq(tables.providers.practiceId, r.practiceId), eq(tables.providers.id, r.providerId)),
    )
    .leftJoin(
      tables.progressNotes,
      and(
        eq(tables.progressNotes.practiceId, r.practiceId),
        eq(tables.progressNotes.appointmentId, r.appointmentId),
      ),
    )
    .leftJoin(requester, eq(requester.id, r.requestedByUserId))
    .where(and(...where))
    .orderBy(asc(tables.appointments.startsAt))
    .limit(200);
  return {
    data: rows.map((x) => ({
      id: x.id,
      appointmentId: x.appointmentId,
      startsAt: x.startsAt.toISOString(),
      dateOfService: x.dateOfService,
      client: { id: x.clientId, name: `${x.clientFirst} ${x.clientLast}` },
      provider: { id: x.providerId, name: `${x.providerFirst} ${x.providerLast}` },
      requestedBy: x.requesterName ?? x.requestedBy,
      message: x.message,
      createdAt: x.createdAt.toISOString(),
    })),
  };
};
