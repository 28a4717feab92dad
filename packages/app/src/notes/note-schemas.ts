import { tables } from "@billcycle/db";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";

/** A progress note as signing answers it: who it was signed for (the provider) and by (the user), and when. */
export const signedNoteSchema = rowSchema(tables.progressNotes).meta({ id: "SignedProgressNote" });

export const noteSignatureRequestCreatedSchema = z
  .strictObject({
    id: z.uuid(),
    appointmentId: z.uuid(),
    providerId: z.uuid(),
    created: z.boolean().describe("false: asked before, this is the first request"),
  })
  .meta({ id: "NoteSignatureRequestCreated" });
