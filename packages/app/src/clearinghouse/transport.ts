/**
 * How X12 files travel between a practice and its clearinghouse: a small port with two implementations,
 * SFTP (sftp-transport.ts) and a local directory drop (directory-transport.ts, the embedded default).
 *
 * Guarantees every transport gives:
 * - Uploads are atomic on the receiving side: the content is written as `<name>.part` and renamed to
 *   `<name>` only once every byte is there, so a listed `<name>` is always complete. `.part` files are
 *   never listed.
 * - An upload never overwrites an existing `<name>`.
 * - Every failure is a TransportError that says whether the file certainly did not arrive ("failed": safe
 *   to retry later) or may have arrived ("unknown": the connection dropped or timed out after bytes started
 *   going out). After "unknown", reconcile with `reconcileUpload` (list the outbound folder) — never send
 *   the same file again blindly.
 */

export type RemoteFile = { name: string; size: number; modifiedAt: Date };

export type TransportFolder = "outbound" | "inbound";

export type ClearinghouseTransport = {
  /** Delivers content as `name` into the outbound folder. Resolves when it is certainly there. Throws TransportError. */
  upload(name: string, content: Buffer): Promise<void>;
  /**
   * Regular files in a folder, sorted by name ("outbound" to reconcile, "inbound" to pick up
   * acknowledgments and remittances). Never lists `*.part` files or sub-folders (such as `archive`).
   */
  list(folder: TransportFolder): Promise<RemoteFile[]>;
  download(folder: "inbound", name: string): Promise<Buffer>;
  /**
   * After processing an inbound file: move it to `<inbound>/archive` (so it isn't picked up again), or, for a file
   * that was refused, to `<inbound>/rejected` (`into: REJECTED_FOLDER`), where a person finds it.
   * Idempotent: archiving a file that is already archived resolves. A different file already archived under
   * the same name is kept; the new one gets a `.<timestamp>` suffix.
   */
  archive(name: string, into?: InboundSubfolder): Promise<void>;
  /** Closes the connection, if one is open. The transport may be used again afterwards (it reconnects). */
  close(): Promise<void>;
};

export type TransportOperation = "connect" | "upload" | "list" | "download" | "archive";

/**
 * "failed": certainly not delivered (connection or authentication refused, host key mismatch, permission
 * denied, no space, an error the server reported, or anything before the first byte was written) — safe
 * to retry later.
 * "unknown": the connection dropped or timed out after bytes started going out, or `<name>` already exists
 * remotely — the caller must reconcile by listing the outbound folder (`reconcileUpload`).
 */
export type TransportOutcome = "failed" | "unknown";

export class TransportError extends Error {
  readonly outcome: TransportOutcome;
  readonly operation: TransportOperation;
  /** The underlying error code when there is one (an errno such as "ECONNREFUSED", or an SFTP status code). */
  readonly code: string | undefined;

  constructor(
    outcome: TransportOutcome,
    operation: TransportOperation,
    message: string,
    options: { cause?: unknown; code?: string | number | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TransportError";
    this.outcome = outcome;
    this.operation = operation;
    this.code = options.code === undefined ? undefined : String(options.code);
  }
}

export const isTransportError = (e: unknown): e is TransportError => e instanceof TransportError;

/** The suffix an upload is written under before it is renamed into place. */
export const PART_SUFFIX = ".part";

/** The sub-folder of the inbound folder processed files are moved to. */
export const ARCHIVE_FOLDER = "archive";

/** The sub-folder of the inbound folder refused files are moved to (not text, too large, unreadable X12). */
export const REJECTED_FOLDER = "rejected";

export type InboundSubfolder = typeof ARCHIVE_FOLDER | typeof REJECTED_FOLDER;

/**
 * A file name the transports accept: one path segment, no separators, not "." or "..", not a `.part` name,
 * at most 255 bytes, no control characters. Anything else is a programming error (RangeError), not a
 * transport failure.
 */
export const assertFileName = (name: string): void => {
  const ok =
    name.length > 0 &&
    Buffer.byteLength(name) <= 255 &&
    name !== "." &&
    name !== ".." &&
    !name.endsWith(PART_SUFFIX) &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
    !/[/\\\u0000-\u001f\u007f]/.test(name);
  if (!ok) throw new RangeError(`not a valid clearinghouse file name: ${JSON.stringify(name)}`);
};

/** Whether a listed regular file is a finished file (not an in-progress upload). */
export const isListable = (name: string): boolean => !name.endsWith(PART_SUFFIX);

/**
 * After an upload ended with outcome "unknown": was it delivered? Lists the outbound folder; `name` present
 * with exactly `expectedBytes` bytes means "sent" (uploads are renamed into place only when complete, so a
 * listed file is whole). Absent means "not_sent" — safe to upload again. Present with another size means
 * something else wrote that name: a TransportError "unknown" with code "SIZE_MISMATCH" (neither answer is
 * true — a person must look; uploading again would not overwrite it anyway). Listing errors propagate
 * (TransportError "failed": try reconciling again later).
 */
export const reconcileUpload = async (
  transport: ClearinghouseTransport,
  name: string,
  expectedBytes: number,
): Promise<"sent" | "not_sent"> => {
  assertFileName(name);
  const files = await transport.list("outbound");
  const found = files.find((f) => f.name === name);
  if (!found) return "not_sent";
  if (found.size === expectedBytes) return "sent";
  throw new TransportError(
    "unknown",
    "list",
    `${name} exists in the outbound folder with ${found.size} bytes, not the ${expectedBytes} bytes uploaded; it was not written by this upload`,
    { code: "SIZE_MISMATCH" },
  );
};
