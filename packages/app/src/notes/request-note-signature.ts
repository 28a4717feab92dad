import { DomainError, notFound } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

/**
 * A biller asks the session's provider to sign its note (instead of signing it, which only the provider may). The
 * request names who asked and, optionally, why; it shows on the provider's Sessions screen until the note is
 * signed. Asking again answers the first request. A note already signed needs no request (CONFLICT).
 */
export const requestNoteSignature = async (
  database: Database,
  {
    actor,
    appointmentId,
    message,
    now,
  }: { actor: TenantActor; appointmentId: string; message: string | null; now: Date },
) =>
  database.db.transaction(async (tx) => {
    const [appt] = await tx
      .select({ providerId: tables.appointments.providerId, signed: tables.progressNotes.signed })
      .from(tables.appointments)
      .leftJoin(
        tables.progressNotes,
        and(
          eq(tables.progressNotes.practiceId, tables.appointments.practiceId),
          eq(tables.progressNotes.appointmentId, tables.appointments.id),
        ),
      )
      .where(
        and(eq(tables.appointments.practiceId, actor.practiceId), eq(tables.appointments.id, appointmentId)),
      );
    if (!appt) throw notFound("Appointment");
    if (appt.signed) throw new DomainError("CONFLICT", "The note is already signed; there is nothing to ask");
    const requests = tables.noteSignatureRequests;
    const inserted = await tx
      .insert(requests)
      .values({
        id: newId(now.getTime()),
        practiceId: actor.practiceId,
        appointmentId,
        providerId: appt.providerId,
        requestedByUserId: actor.userId,
        requestedBy: actor.label,
        message: message?.trim() || null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) {
      await recordAudit(tx, actor, "create", "note_signature_request", inserted[0].id, now, {
        appointmentId,
      });
      return { request: inserted[0], created: true };
    }
    const [first] = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.practiceId, actor.practiceId), eq(requests.appointmentId, appointmentId)));
    return { request: first!, created: false };
  });
