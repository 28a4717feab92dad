import { tables } from "@billcycle/db";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";

/** A progress note as read: who it was signed for (the provider), by whom (the user, and their name), and when. */
export const progressNoteRecordSchema = rowSchema(tables.progressNotes).extend({
  signedByName: z.string().nullable().describe("the name of the user who signed (null while unsigned)"),
});

/** A progress note as signing answers it. */
export const signedNoteSchema = progressNoteRecordSchema.meta({ id: "SignedProgressNote" });

export const noteSignatureRequestCreatedSchema = z
  .strictObject({
    id: z.uuid(),
    appointmentId: z.uuid(),
    providerId: z.uuid(),
    created: z.boolean().describe("false: asked before, this is the first request"),
  })
  .meta({ id: "NoteSignatureRequestCreated" });
