import { chmodSync, mkdirSync, statSync } from "node:fs";

/**
 * The data directory holds the whole database (patients included) and the key that decrypts clearinghouse
 * secrets: only the account that runs billcycle may read it. Directories are 0700 and files 0600; an existing
 * one with wider modes is tightened, and the caller is told so it can say it did.
 */
export type Tightened = { path: string; was: number; now: number };

const tighten = (path: string, mode: number): Tightened | null => {
  const was = statSync(path).mode & 0o777;
  if ((was & 0o077) === 0) return null;
  chmodSync(path, mode);
  return { path, was, now: mode };
};

/** Creates `path` (and missing parents) owner-only, or tightens it when it exists with wider modes. */
export const ensureOwnerOnlyDir = (path: string): Tightened | null => {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return tighten(path, 0o700);
};

/** Tightens an existing file to 0600; a missing file is left to whoever creates it (with mode 0600). */
export const tightenOwnerOnlyFile = (path: string): Tightened | null => {
  try {
    return tighten(path, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
};

export const describeTightened = (changes: Tightened[]): string =>
  `made owner-only: ${changes
    .map(
      (c) =>
        `${c.path} (was ${c.was.toString(8).padStart(4, "0")}, now ${c.now.toString(8).padStart(4, "0")})`,
    )
    .join(", ")}`;
