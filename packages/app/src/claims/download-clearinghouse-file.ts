import { notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

/**
 * A file's original bytes: an inbound file exactly as received (its `raw`, or its parts above 1 MiB), an outbound
 * 837P exactly as sent. The download is audited (the files name patients).
 */
export const downloadClearinghouseFile = async (
  tx: Executor,
  { actor, fileId, now }: { actor: TenantActor; fileId: string; now: Date },
) => {
  const f = tables.clearinghouseFiles;
  const [file] = await tx
    .select({ id: f.id, name: f.name, content: f.content, raw: f.raw, direction: f.direction })
    .from(f)
    .where(and(eq(f.practiceId, actor.practiceId), eq(f.id, fileId)));
  if (!file) throw notFound("File");
  let bytes: Uint8Array;
  if (file.content !== null) bytes = Buffer.from(file.content, "utf8");
  else if (file.raw) bytes = file.raw;
  else {
    const parts = await tx
      .select({ bytes: tables.clearinghouseFileParts.bytes })
      .from(tables.clearinghouseFileParts)
      .where(eq(tables.clearinghouseFileParts.fileId, file.id))
      .orderBy(asc(tables.clearinghouseFileParts.part));
    // A file refused unread (too large) kept no bytes.
    if (parts.length === 0) throw notFound("File content");
    bytes = Buffer.concat(parts.map((p) => p.bytes));
  }
  await recordAudit(tx, actor, "read", "clearinghouse_file", file.id, now, { download: true });
  return { bytes, fileName: file.name.replace(/[^\w.-]+/g, "_") || `${file.id}.x12` };
};
