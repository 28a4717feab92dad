import { type Database, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { authorizeNoteSigner } from "./authorize-note-signer";
import { nameNoteSigners } from "./name-note-signers";

/**
 * Signs a session's progress note (writing it first when there is none) as the actor: only the session's provider
 * or a supervisor may (NOT_NOTE_AUTHOR otherwise). The note records the provider, the user who signed and when; a
 * note already signed keeps its first signature. The audit row says whether it was the author or a supervisor.
 */
export const signProgressNote = async (
  database: Database,
  { actor, appointmentId, now }: { actor: TenantActor; appointmentId: string; now: Date },
) =>
  database.db.transaction(async (tx) => {
    const signer = await authorizeNoteSigner(tx, actor, appointmentId);
    const notes = tables.progressNotes;
    const [existing] = await tx
      .select()
      .from(notes)
      .where(and(eq(notes.practiceId, actor.practiceId), eq(notes.appointmentId, appointmentId)))
      .for("update");
    if (existing?.signed) return (await nameNoteSigners(tx, [existing]))[0]!;
    const signature = {
      signed: true,
      signedAt: now,
      signedByProviderId: signer.signedByProviderId,
      signedByUserId: signer.signedByUserId,
    };
    const [note] = existing
      ? await tx
          .update(notes)
          .set({ ...signature, version: existing.version + 1, updatedAt: now })
          .where(eq(notes.id, existing.id))
          .returning()
      : await tx
          .insert(notes)
          .values({
            id: newId(now.getTime()),
            practiceId: actor.practiceId,
            appointmentId,
            ...signature,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
    await recordAudit(tx, actor, "update", "progress_note", note!.id, now, {
      signed: true,
      signedAs: signer.as,
      appointmentId,
    });
    return (await nameNoteSigners(tx, [note!]))[0]!;
  });
