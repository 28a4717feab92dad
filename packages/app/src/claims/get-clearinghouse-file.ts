import { decodeX12Bytes, notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq } from "drizzle-orm";
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
  if (rest.content !== null) return rest;
  // A file above 1 MiB keeps its bytes in parts (clearinghouse_file_parts).
  const parts = raw
    ? [raw]
    : (
        await tx
          .select({ bytes: tables.clearinghouseFileParts.bytes })
          .from(tables.clearinghouseFileParts)
          .where(eq(tables.clearinghouseFileParts.fileId, file.id))
          .orderBy(asc(tables.clearinghouseFileParts.part))
      ).map((p) => p.bytes);
  return { ...rest, content: parts.length ? decodeX12Bytes(Buffer.concat(parts)) : null };
};
