import { decodeX12Bytes, notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { rowSchema } from "../schemas/row-schema";

/** A file as the API shows it: inbound files' bytes (`raw`) are answered as their text, in `content`. */
export const clearinghouseFileSchema = rowSchema(tables.clearinghouseFiles, { omit: ["raw"] }).meta({
  id: "ClearinghouseFile",
});

/** One file of the practice with its X12 content. */
export const getClearinghouseFile = async (tx: Executor, practiceId: string, fileId: string) => {
  const [file] = await tx
    .select()
    .from(tables.clearinghouseFiles)
    .where(
      and(eq(tables.clearinghouseFiles.practiceId, practiceId), eq(tables.clearinghouseFiles.id, fileId)),
    );
  if (!file) throw notFound("File");
  // Inbound files keep their bytes; the answer carries their text, decoded as they were imported.
  const { raw, ...rest } = file;
  return { ...rest, content: rest.content ?? (raw ? decodeX12Bytes(raw) : null) };
};
