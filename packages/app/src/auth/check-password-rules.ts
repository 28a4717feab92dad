import { DomainError } from "@billcycle/core";

export const PASSWORD_MIN_LENGTH = 12;

let commonPasswords: Promise<Set<string>> | undefined;

/**
 * The ~49,000 most common passwords of zxcvbn-ts's maintained list (from leaked-password corpora), loaded
 * once on first use: it costs about 40 ms, paid by the first password set, not by every process start.
 */
const loadCommonPasswords = (): Promise<Set<string>> => {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"]),
  );
  return commonPasswords;
};

/** Why a password is refused, or null when it is acceptable: at least 12 characters and not a common password. */
export const passwordWeakness = async (password: string): Promise<string | null> => {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `a password has at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if ((await loadCommonPasswords()).has(password.toLowerCase())) {
    return "this password is on a list of commonly used passwords; choose another";
  }
  return null;
};

/** Refuses a weak password with WEAK_PASSWORD and the reason. */
export const assertPasswordAcceptable = async (password: string): Promise<void> => {
  const weakness = await passwordWeakness(password);
  if (weakness) throw new DomainError("WEAK_PASSWORD", weakness, { reason: weakness });
};
