import { DomainError, isX12Text, toX12Text, unwritableCharacters } from "@billcycle/core";
import { tables } from "@billcycle/db";
import ssh2 from "ssh2";
import { z } from "zod";
import type { ResourceDefinition, Row, WriteContext } from "../resources/resource-definition";
import { name } from "../schemas/common";
import { rowSchema } from "../schemas/row-schema";
import { connectionSecretContext, encryptSecret, loadSecretKey } from "./secrets";
import { normalizeHostKeySha256 } from "./sftp-transport";

/** Folders a directory connection gets when none are given (the interim file drop's layout). */
export const DEFAULT_DIRECTORY_FOLDERS = { outboundDir: "outbox", inboundDir: "inbox" } as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const controlCharacters = /[\u0000-\u001f\u007f]/;

/**
 * Envelope values go into ISA/GS/NM1 segments: no X12 delimiters or control characters, nothing outside X12's
 * character set. Ids (ISA06/ISA08, GS02/GS03) are sent as typed, so they must be printable ASCII; names are spelled
 * in ASCII when the file is written (Clínica → Clinica), so they must be spellable and fit once spelled.
 */
const x12Text = (max: number, kind: "id" | "name") =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[~*:^|>]/.test(s) && !controlCharacters.test(s), {
      message: "must not contain ~ * : ^ | > or control characters (X12 delimiters)",
    })
    .refine((s) => (kind === "id" ? isX12Text(s) : unwritableCharacters(s).length === 0), {
      message:
        kind === "id"
          ? "must be printable ASCII: letters, digits and punctuation without accents (the X12 character set)"
          : "must be written in Latin letters, digits and punctuation (the X12 character set)",
    })
    .refine((s) => toX12Text(s).length <= max, {
      message: `must be at most ${max} characters once written without accents (ß is written ss)`,
    });

const folder = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((s) => !controlCharacters.test(s) && !s.includes("\\"), {
    message: "a folder path with / separators and no control characters",
  });

const secret = z
  .string()
  .min(1)
  .max(16_384)
  .describe(
    "write-only: the SFTP password (authKind password) or an unencrypted private key in PEM/OpenSSH format " +
      "(authKind private_key). Stored encrypted; never returned (see hasSecret).",
  );

const connectionFields = {
  name,
  kind: z.enum(["sftp", "directory"]).describe("sftp, or a directory drop on the server's disk"),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.\-:[\]]+$/, "a host name or IP address")
    .nullable()
    .optional(),
  port: z.int().min(1).max(65_535).nullable().optional().describe("SFTP port (default 22)"),
  username: z.string().trim().min(1).max(100).nullable().optional(),
  authKind: z.enum(["password", "private_key", "none"]).optional(),
  secret: secret.optional(),
  hostKeySha256: z
    .string()
    .refine((s) => normalizeHostKeySha256(s) !== null, {
      message:
        "the SHA-256 fingerprint of the server's host key: SHA256:<base64> as ssh-keygen -lf prints it, or hex",
    })
    .nullable()
    .optional()
    .describe("when set, a server presenting any other host key is refused"),
  outboundDir: folder
    .optional()
    .describe(
      "where claim files are delivered; for a directory drop, relative to the practice's drop folder",
    ),
  inboundDir: folder.optional().describe("where acknowledgments and remittances are picked up"),
  submitterId: x12Text(15, "id").describe("ISA06/GS02"),
  submitterName: x12Text(60, "name").describe("1000A NM103"),
  submitterContactEmail: z.email().nullable().optional(),
  receiverId: x12Text(15, "id").describe("ISA08/GS03"),
  receiverName: x12Text(60, "name").describe("1000B NM103"),
  usageIndicator: z.enum(["T", "P"]).optional().describe("ISA15: T test, P production"),
  active: z.boolean().optional(),
};

const issue = (path: string, message: string): DomainError =>
  new DomainError("VALIDATION_FAILED", `${path} ${message}`, {
    issues: [{ path, code: "VALIDATION_FAILED", message }],
  });

/** An unencrypted private key ssh2 can use (encrypted keys would need a passphrase, which is not stored). */
const assertUsablePrivateKey = (pem: string): void => {
  const parsed = ssh2.utils.parseKey(pem);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error || !key.isPrivateKey()) {
    const why = key instanceof Error ? `: ${key.message}` : "";
    throw issue("secret", `is not an unencrypted private key in PEM or OpenSSH format${why}`);
  }
};

/** Turns the write-only secret into its ciphertext; normalizes the host key pin; applies kind-specific defaults. */
const prepare = (input: Row, existing: Row | null, ctx: WriteContext): Row => {
  const { secret: given, ...row } = input;
  const merged = { ...existing, ...row };
  if (typeof row.hostKeySha256 === "string") row.hostKeySha256 = normalizeHostKeySha256(row.hostKeySha256);
  if (merged.kind === "sftp" && (merged.port === null || merged.port === undefined)) row.port = 22;
  if (!existing && merged.kind === "directory") {
    row.outboundDir ??= DEFAULT_DIRECTORY_FOLDERS.outboundDir;
    row.inboundDir ??= DEFAULT_DIRECTORY_FOLDERS.inboundDir;
  }
  const authKind = merged.authKind ?? "none";
  if (authKind === "none") {
    if (typeof given === "string")
      throw issue("secret", "is only accepted with authKind password or private_key");
    row.secretCiphertext = null;
  } else if (typeof given === "string") {
    if (authKind === "private_key") assertUsablePrivateKey(given);
    row.secretCiphertext = encryptSecret(
      given,
      loadSecretKey(),
      connectionSecretContext(ctx.actor.practiceId),
    );
  } else if (given === null) {
    row.secretCiphertext = null;
  } else if (existing && row.authKind !== undefined && row.authKind !== existing.authKind) {
    throw issue("secret", `is required when authKind changes to ${String(row.authKind)}`);
  }
  return row;
};

/** Relative, and never climbing out with "..": a directory connection stays inside its drop folder. */
const isContainedRelative = (path: string): boolean =>
  !path.startsWith("/") && !/^[A-Za-z]:/.test(path) && !path.split("/").includes("..");

const validateConnection = (row: Row): void => {
  if (row.kind === "sftp") {
    for (const field of ["host", "username", "port", "outboundDir", "inboundDir"] as const) {
      if (row[field] === null || row[field] === undefined)
        throw issue(field, "is required for an SFTP connection");
    }
    if (row.authKind !== "password" && row.authKind !== "private_key") {
      throw issue("authKind", "must be password or private_key for an SFTP connection");
    }
    if (!row.secretCiphertext) throw issue("secret", `is required for authKind ${row.authKind}`);
  } else {
    for (const field of ["outboundDir", "inboundDir"] as const) {
      const value = row[field];
      if (typeof value === "string" && !isContainedRelative(value)) {
        throw issue(field, "must be a relative folder inside the drop directory (no leading / and no ..)");
      }
    }
  }
  if (row.outboundDir === row.inboundDir) {
    throw issue("inboundDir", "must differ from outboundDir (outgoing files would be read back as incoming)");
  }
};

/** What the API shows: never the secret or its ciphertext, only whether one is stored. */
const project = async (_tx: unknown, _practiceId: string, rows: Row[]): Promise<Row[]> =>
  rows.map(({ secretCiphertext, ...rest }) => ({ ...rest, hasSecret: typeof secretCiphertext === "string" }));

/**
 * Per-practice clearinghouse connections (SFTP or directory drop) and the X12 envelope identities. The
 * password or private key is write-only (`secret`): stored AES-256-GCM encrypted (secrets.ts), answered as
 * `hasSecret`. Not deletable — claim files name their connection; set `active: false` instead.
 */
export const clearinghouseConnectionsResource: ResourceDefinition = {
  path: "clearinghouse-connections",
  entity: "clearinghouse_connection",
  label: "Clearinghouse connection",
  table: tables.clearinghouseConnections,
  createSchema: z.strictObject(connectionFields),
  updateSchema: z.strictObject({ ...connectionFields, secret: secret.nullable().optional() }).partial(),
  readPermission: "billing:read",
  writePermission: "settings:write",
  phi: false,
  filters: {
    active: {
      column: tables.clearinghouseConnections.active,
      op: "eq",
      schema: z.stringbool(),
      description: "only active (true) or inactive (false) connections",
    },
  },
  deletable: false,
  prepareCreate: async (input, ctx) => prepare(input, null, ctx),
  prepareUpdate: async (patch, existing, ctx) => prepare(patch, existing, ctx),
  validate: validateConnection,
  record: rowSchema(tables.clearinghouseConnections, { omit: ["secretCiphertext"] }).extend({
    hasSecret: z.boolean().describe("whether a password or private key is stored (it is never returned)"),
  }),
  expand: project,
};
