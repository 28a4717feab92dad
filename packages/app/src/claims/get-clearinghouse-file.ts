import { notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { rowSchema } from "../schemas/row-schema";

export const clearinghouseFileSchema = rowSchema(tables.clearinghouseFiles).meta({ id: "ClearinghouseFile" });

/** One file of the practice with its X12 content. */
export const getClearinghouseFile = async (tx: Executor, practiceId: string, fileId: string) => {
  const [file] = await tx
    .select()
    .from(tables.clearinghouseFiles)
    .where(
      and(eq(tables.clearinghouseFiles.practiceId, practiceId), eq(tables.clearinghouseFiles.id, fileId)),
    );
  if (!file) throw notFound("File");
  return file;
};
