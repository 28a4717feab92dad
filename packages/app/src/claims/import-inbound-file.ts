import { createHash } from "node:crypto";
import { DomainError, type InboundEncoding, type InboundText, readInboundText } from "@billcycle/core";
import { type Database, type InboundFileOutcome, newId, tables } from "@billcycle/db";
import { X12Error } from "@billcycle/x12";
import { and, eq, sql } from "drizzle-orm";
import { yieldToEventLoop } from "../billing/batching";
import { finishInboundFile, insertInboundFile, keyedInboundFiles } from "./clearinghouse-file-status-writer";
import { importRemittanceFile, MAX_INBOUND_FILE_BYTES, type RemittanceImport } from "./import-remittance";
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

/** The most bytes stored in one statement: a larger file's bytes go in parts of this size (clearinghouse_file_parts). */
export const FILE_PART_BYTES = 1 << 20;

/**
 * Bytes as a bytea from hex text made by Buffer: PGlite's own encoding of a bytea parameter took 3 s for 11 MB on the
 * event loop's thread (node-postgres sends the same hex for a Buffer).
 */
const byteaOf = (bytes: Uint8Array) =>
  sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}, 'hex')`;

/**
 * A large file's bytes, one part per statement with a turn of the event loop between them: one 47 MB bytea was
 * seconds in one statement, and the embedded server answered nothing meanwhile. Parts already there (an import
 * stopped part-way, resumed) are kept.
 */
const storeParts = async (database: Database, fileId: string, raw: Uint8Array) => {
  for (let part = 0; part * FILE_PART_BYTES < raw.length; part++) {
    const bytes = raw.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES);
    await database.db
      .insert(tables.clearinghouseFileParts)
      .values({ fileId, part, bytes: byteaOf(bytes) })
      .onConflictDoNothing();
    await yieldToEventLoop();
  }
};

/** Bytes per chunk the 835 reader takes from a file in memory (a turn of the event loop between chunks). */
const READ_CHUNK_BYTES = 1 << 20;

/** A file's bytes in memory, a chunk at a time. */
async function* chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += READ_CHUNK_BYTES) {
    yield bytes.subarray(at, at + READ_CHUNK_BYTES);
    await yieldToEventLoop();
  }
}

/** A stored file's bytes, read back one part at a time: only one part is held. */
async function* storedParts(database: Database, fileId: string): AsyncIterable<Uint8Array> {
  const parts = tables.clearinghouseFileParts;
  for (let part = 0; ; part++) {
    const [row] = await database.db
      .select({ bytes: parts.bytes })
      .from(parts)
      .where(and(eq(parts.fileId, fileId), eq(parts.part, part)));
    if (!row) return;
    yield row.bytes;
    await yieldToEventLoop();
  }
}

type Inspected =
  | Extract<InboundText, { ok: false }>
  | {
      ok: true;
      encoding: InboundEncoding;
      kind: InboundKind;
      sha256: string;
      /** The text, for a 999 or 277CA (small, read whole); null for an 835 (read from bytes as a stream). */
      text: string | null;
      /** An 835 not in UTF-8: its text re-encoded as UTF-8 (the reader streams UTF-8 bytes). */
      utf8: Uint8Array | null;
    };

/**
 * Decodes the bytes once for the file's kind and content hash, and keeps the text only where it is needed: an 835's
 * decoded text held through its import made the heap grow by a megabyte per megabyte of file.
 */
const inspect = (raw: Uint8Array): Inspected => {
  const read = readInboundText(raw);
  if (!read.ok) return read;
  const kind = detectKind(read.text);
  // The text's hash, so a file is the same file whichever encoding it came in.
  const sha256 = createHash("sha256").update(read.text).digest("hex");
  const is835 = kind === "835";
  return {
    ok: true,
    encoding: read.encoding,
    kind,
    sha256,
    text: is835 ? null : read.text,
    utf8: is835 && read.encoding !== "utf-8" ? Buffer.from(read.text, "utf8") : null,
  };
};

/** The key of a file refused unread (too large): its name, size and first bytes stand in for the content. */
const unreadKey = (name: string, size: number, raw: Uint8Array) =>
  createHash("sha256")
    .update(`unread\u0000${name}\u0000${size}\u0000`)
    .update(raw.subarray(0, 65536))
    .digest("hex");

/**
 * Stores an inbound file and processes it: a 999 or 277CA updates claim statuses (one transaction with the file), an
 * 835 posts (or queues) its remittances in batches (importRemittanceFile). A file that cannot be read is kept, marked
 * rejected with a code (`reject_code`) and the reader's precise error: FILE_TOO_LARGE (above MAX_INBOUND_FILE_BYTES,
 * not stored), FILE_NOT_TEXT (NUL bytes: stored as received), TOO_MANY_CLAIMS, or the X12 reader's code.
 *
 * A file is known by its content, not its name: content the practice has already received (its SHA-256), under
 * whatever name, is not stored or processed again — the answer names the file received first. If that file was
 * processed, the answer is "duplicate"; if it was rejected, the answer is that rejection again (its id and error),
 * not a second attempt: the outcome depends on the bytes alone. If its import stopped part-way (a crash while an 835
 * was posting: the file is still "received"), this import resumes it where its batches' cursors stand. A file with a
 * name seen before but other content (payer portals reuse names such as era.835; a corrected file) is a new file and
 * is imported. An 835 with new content whose remittances were all imported before (same payer, trace number and
 * content) is stored, posts nothing, and is answered "duplicate" too.
 *
 * Concurrent imports of the same content: the unique key on (practice, SHA-256) of inbound files makes the second
 * insert wait for the first transaction, then find its file; an 835 both then post batch by batch, taking turns on
 * each remittance's cursor, so every claim posts once.
 */
export const importInboundFile = async (
  database: Database,
  practiceId: string,
  /**
   * `content`: the file's bytes as received (the clearinghouse pickup, the CLI), or its text (an upload, already
   * decoded by the browser with the same rule, stored as UTF-8). The bytes are what is stored.
   */
  input: {
    name: string;
    content: string | Uint8Array;
    connectionId?: string | null;
    /** The size listed remotely, for a file too large to download (`content` is then empty). */
    listedBytes?: number;
  },
  now: Date,
  actor: string,
): Promise<InboundResult> => {
  const raw = typeof input.content === "string" ? Buffer.from(input.content, "utf8") : input.content;
  const size = Math.max(raw.length, input.listedBytes ?? 0);
  const tooLarge = size > MAX_INBOUND_FILE_BYTES;
  const read = tooLarge ? null : inspect(raw);
  const kind = read?.ok ? read.kind : "unknown";
  const fileId = newId(now.getTime());
  const sha256 = tooLarge
    ? unreadKey(input.name, size, raw)
    : read?.ok
      ? read.sha256
      : createHash("sha256").update(raw).digest("hex");
  const files = tables.clearinghouseFiles;
  const inParts = !tooLarge && raw.length > FILE_PART_BYTES;
  let stored = false;
  // The partial unique index clearinghouse_files_inbound_sha256_key: inbound files, but copies marked "duplicate"
  // (received under another name before content was the key) are outside it.
  const keyed = keyedInboundFiles;
  const rejected = (id: string, e: { code: string; message: string }): InboundResult => ({
    fileId: id,
    name: input.name,
    kind,
    status: "rejected",
    code: e.code,
    error: e.message,
  });
  const first = await database.db.transaction(async (tx) => {
    const inserted = await insertInboundFile(
      tx,
      {
        id: fileId,
        practiceId,
        connectionId: input.connectionId ?? null,
        kind,
        name: input.name,
        sha256,
        bytes: size,
        content: null,
        // A file above FILE_PART_BYTES: its bytes are stored in parts once this transaction commits.
        raw: tooLarge || inParts ? null : byteaOf(raw),
        encoding: read?.ok ? read.encoding : null,
        createdAt: now,
      },
      keyed,
    );
    stored = inserted.length > 0;
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
      // An 835 whose import stopped part-way: take it up again.
      if (prior?.status === "received" && kind === "835") return { resume: prior.id };
      return { fileId: prior?.id ?? fileId, name: input.name, kind, status: "duplicate" as const };
    }
    const finish = (
      status: "processed" | "rejected",
      lastError: string | null = null,
      code: string | null = null,
      outcome: InboundFileOutcome | null = null,
    ) => finishInboundFile(tx, fileId, status, { processedAt: now, lastError, rejectCode: code, outcome });
    try {
      if (tooLarge) {
        throw new DomainError(
          "FILE_TOO_LARGE",
          `The file has ${size.toLocaleString("en-US")} bytes; the most an inbound file may have is ${MAX_INBOUND_FILE_BYTES.toLocaleString("en-US")}`,
          { max: MAX_INBOUND_FILE_BYTES },
        );
      }
      if (read && !read.ok) throw new DomainError(read.code, `Not a text X12 file: ${read.reason}`);
      const content = read?.text ?? "";
      if (kind === "999") {
        const acknowledgments = await process999(tx, practiceId, fileId, content, now);
        await finish("processed", null, null, { acknowledgments });
        return { fileId, name: input.name, kind, status: "processed" as const, acknowledgments };
      }
      if (kind === "277CA") {
        const acknowledgments = await process277CA(tx, practiceId, fileId, content, now);
        await finish("processed", null, null, { acknowledgments });
        return { fileId, name: input.name, kind, status: "processed" as const, acknowledgments };
      }
      // An 835 is posted in batches after this transaction commits the file.
      if (kind === "835") return { resume: fileId };
      throw new DomainError(
        "VALIDATION_FAILED",
        "Not a 999, 277CA or 835 file (no ST*999, ST*277 or ST*835 found)",
      );
    } catch (e) {
      if (!(e instanceof X12Error) && !(e instanceof DomainError)) throw e;
      await finish("rejected", e.message.slice(0, 500), e.code);
      return rejected(fileId, e);
    }
  });
  // Parts are written after the file row commits (a file of this content is then known, and a second import of it
  // waits for no long transaction); an 835 resumed after a crash writes the parts it may not have written.
  const resumed = "resume" in first;
  if (inParts && (stored || resumed)) await storeParts(database, resumed ? first.resume : fileId, raw);
  if (!("resume" in first)) return first;
  const id = first.resume;
  // The reader streams from bytes: the stored parts when the file's own are UTF-8 (one part held at a time), else
  // its text as UTF-8.
  const utf8 = read?.ok ? read.utf8 : null;
  const chunks = () => (utf8 ? chunksOf(utf8) : inParts ? storedParts(database, id) : chunksOf(raw));
  let remittances: RemittanceImport[];
  try {
    remittances = await importRemittanceFile(database, practiceId, id, chunks, now, actor);
  } catch (e) {
    if (!(e instanceof X12Error) && !(e instanceof DomainError)) throw e;
    // Refused before any remittance was registered (the first reading checks the whole file).
    await finishInboundFile(database.db, id, "rejected", {
      processedAt: now,
      lastError: e.message.slice(0, 500),
      rejectCode: e.code,
    });
    return rejected(id, e);
  }
  await finishInboundFile(database.db, id, "processed", {
    processedAt: now,
    lastError: null,
    rejectCode: null,
    outcome: {
      remittances: {
        count: remittances.length,
        posted: remittances.reduce((a, r) => a + r.posted, 0),
        queued: remittances.reduce((a, r) => a + r.queued, 0),
        duplicate: remittances.filter((r) => r.status === "duplicate").length,
      },
    },
  });
  const allDuplicate = remittances.length > 0 && remittances.every((r) => r.status === "duplicate");
  return {
    fileId: id,
    name: input.name,
    kind,
    status: allDuplicate ? "duplicate" : "processed",
    remittances,
  };
};
