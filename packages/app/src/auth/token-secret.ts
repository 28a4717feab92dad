import { createHash, randomBytes } from "node:crypto";

/** A random 32-byte secret with a prefix that says what it is (bct_ for API tokens, bcs_ for sessions). */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

/** What the database keeps instead of a secret. */
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
