import { createHash } from "node:crypto";
import { DomainError, readInboundText } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { X12Error } from "@billcycle/x12";
import { and, eq, sql } from "drizzle-orm";
import { importRemittanceFile, type RemittanceImport } from "./import-remittance";
import { process277CA, process999 } from "./process-acknowledgments";

export type InboundKind = "999" | "277CA" | "835" | "unknown";

/** Which transaction a file carries, from its first ST segment (ISA gives the element separator). */
export const detectKind = (content: string): InboundKind => {
  const isa = content.indexOf("ISA");
  const sep = isa >= 0 ? content.charAt(isa + 3) : "*";
  const match = new RegExp(`(?:^|[\\r\\n~|])\\s*ST\\${sep}(\\d{3})`).exec(content.slice(0, 8192));
  const code = match?.[1];
  return code === "999" ? "999" : code === "277" ? "277CA" : code === "835" ? "835" : "unknown";
};

export type InboundResult = {
  fileId: string;
  name: string;
  kind: InboundKind;
  status: "processed" | "rejected" | "duplicate";
  /** Why a rejected file was refused: FILE_NOT_TEXT, or the X12 reader's code (NO_ISA, …). */
  code?: string;
  acknowledgments?: { accepted: number; rejected: number; unmatched: number };
  remittances?: RemittanceImport[];
  error?: string;
};

/**
 * Stores an inbound file and processes it in one transaction: a 999 or 277CA updates claim statuses, an 835 posts
 * (or queues) its remittances. A file that cannot be read is kept, marked rejected, with the reader's precise error.
 *
 * A file is known by its content, not its name: content the practice has already received (its SHA-256), under
 * whatever name, is not stored or processed again — the answer names the file received first. If that file was
 * processed, the answer is "duplicate"; if it was rejected, the answer is that rejection again (its id and error),
 * not a second attempt: the outcome depends on the bytes alone, so the same bytes would be refused the same way, and
 * the clearinghouse pickup (which leaves a rejected file in the inbound folder for a person) would otherwise add a
 * rejected copy at every poll. A file with a name seen before but other content (payer portals reuse names such as
 * era.835; a corrected file) is a new file and is imported. An 835 with new content whose remittances were all
 * imported before (same payer and trace numbers) is stored, posts nothing, and is answered "duplicate" too.
 *
 * Concurrent imports of the same content: the unique key on (practice, SHA-256) of inbound files makes the second
 * insert wait for the first transaction, then find its file — the content is processed once.
 */
export const importInboundFile = async (
  database: Database,
  practiceId: string,
  /**
   * `content`: the file's bytes as received (the clearinghouse pickup, the CLI), or its text (an upload, already
   * decoded by the browser with the same rule, stored as UTF-8). The bytes are what is stored.
   */
  input: { name: string; content: string | Uint8Array; connectionId?: string | null },
  now: Date,
  actor: string,
): Promise<InboundResult> => {
  const raw = typeof input.content === "string" ? Buffer.from(input.content, "utf8") : input.content;
  const read = readInboundText(raw);
  const text = read.ok ? read.text : null;
  const kind = text === null ? "unknown" : detectKind(text);
  const fileId = newId(now.getTime());
  // The text's hash when there is text, so a file is the same file whichever encoding it came in.
  const sha256 = createHash("sha256")
    .update(text ?? raw)
    .digest("hex");
  const files = tables.clearinghouseFiles;
  // The partial unique index clearinghouse_files_inbound_sha256_key: inbound files, but copies marked "duplicate"
  // (received under another name before content was the key) are outside it.
  const keyed = sql`${files.direction} = 'inbound' and ${files.status} <> 'duplicate'`;
  return database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(files)
      .values({
        id: fileId,
        practiceId,
        connectionId: input.connectionId ?? null,
        direction: "inbound",
        kind,
        name: input.name,
        sha256,
        bytes: raw.length,
        content: null,
        raw,
        encoding: read.ok ? read.encoding : null,
        status: "received",
        createdAt: now,
      })
      .onConflictDoNothing({ target: [files.practiceId, files.sha256], where: keyed })
      .returning({ id: files.id });
    if (inserted.length === 0) {
      const [prior] = await tx
        .select({ id: files.id, status: files.status, lastError: files.lastError, code: files.rejectCode })
        .from(files)
        .where(and(eq(files.practiceId, practiceId), eq(files.sha256, sha256), keyed));
      if (prior?.status === "rejected") {
        return {
          fileId: prior.id,
          name: input.name,
          kind,
          status: "rejected" as const,
          ...(prior.code ? { code: prior.code } : {}),
          error: prior.lastError ?? "rejected",
        };
      }
      return { fileId: prior?.id ?? fileId, name: input.name, kind, status: "duplicate" as const };
    }
    const finish = (
      status: "processed" | "rejected",
      lastError: string | null = null,
      code: string | null = null,
    ) =>
      tx
        .update(files)
        .set({ status, processedAt: now, lastError, rejectCode: code })
        .where(eq(files.id, fileId));
    try {
      if (!read.ok) throw new DomainError(read.code, `Not a text X12 file: ${read.reason}`);
      const content = read.text;
      if (kind === "999") {
        const acknowledgments = await process999(tx, practiceId, fileId, content, now);
        await finish("processed");
        return { fileId, name: input.name, kind, status: "processed" as const, acknowledgments };
      }
      if (kind === "277CA") {
        const acknowledgments = await process277CA(tx, practiceId, fileId, content, now);
        await finish("processed");
        return { fileId, name: input.name, kind, status: "processed" as const, acknowledgments };
      }
      if (kind === "835") {
        const remittances = await importRemittanceFile(tx, practiceId, fileId, content, now, actor);
        await finish("processed");
        const allDuplicate = remittances.length > 0 && remittances.every((r) => r.status === "duplicate");
        return {
          fileId,
          name: input.name,
          kind,
          status: allDuplicate ? ("duplicate" as const) : ("processed" as const),
          remittances,
        };
      }
      throw new DomainError(
        "VALIDATION_FAILED",
        "Not a 999, 277CA or 835 file (no ST*999, ST*277 or ST*835 found)",
      );
    } catch (e) {
      if (!(e instanceof X12Error) && !(e instanceof DomainError)) throw e;
      const error = e.message;
      await finish("rejected", error.slice(0, 500), e.code);
      return { fileId, name: input.name, kind, status: "rejected" as const, code: e.code, error };
    }
  });
};
