/**
 * Sign-in throttling that slows guessing without letting anyone lock a real user out.
 *
 * Two counters of failed sign-ins in the last `windowMs`, each with its own exponential backoff:
 * - per client address (any emails): after `freeFailures`, the address waits `base × 2^(n − free)` seconds
 *   (capped) after its latest failure, so one client spraying many emails is slowed;
 * - per account, counting only failures from browsers that are not a known device of that account: after
 *   `freeFailures`, the account waits a short backoff (capped at a few minutes, never a hard lockout).
 * A sign-in that presents a known-device cookie for the account skips the account counter: an attacker
 * elsewhere cannot slow the user's own browser. Refused attempts are not failures, so hammering during a
 * backoff does not extend it.
 */
export const loginThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  address: { freeFailures: 10, baseDelaySeconds: 2, maxDelaySeconds: 15 * 60 },
  account: { freeFailures: 5, baseDelaySeconds: 5, maxDelaySeconds: 5 * 60 },
} as const;

export type BackoffRule = { freeFailures: number; baseDelaySeconds: number; maxDelaySeconds: number };

/** Failures counted in the window, and when the latest was. */
export type FailureCount = { failures: number; lastFailureAt: Date | null };

export type LoginThrottleInput = {
  now: Date;
  address: FailureCount;
  /** null when the sign-in presents a known device of the account: the account counter does not apply. */
  account: FailureCount | null;
};

export type LoginThrottleDecision =
  | { kind: "allow" }
  | { kind: "delay"; seconds: number; reason: "address" | "account" };

/** The backoff after `failures` failures: 0 while they are free, then doubling up to the cap. */
export const backoffSeconds = (rule: BackoffRule, failures: number): number => {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** doublings);
};

const remainingSeconds = (rule: BackoffRule, count: FailureCount, now: Date): number => {
  const delay = backoffSeconds(rule, count.failures);
  if (delay === 0 || !count.lastFailureAt) return 0;
  const remainingMs = count.lastFailureAt.getTime() + delay * 1000 - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
};

/** Allow the attempt, or tell the caller how many seconds to wait and which counter said so. */
export const decideLoginThrottle = (
  input: LoginThrottleInput,
  policy: { address: BackoffRule; account: BackoffRule } = loginThrottlePolicy,
): LoginThrottleDecision => {
  const byAddress = remainingSeconds(policy.address, input.address, input.now);
  const byAccount = input.account ? remainingSeconds(policy.account, input.account, input.now) : 0;
  if (byAddress === 0 && byAccount === 0) return { kind: "allow" };
  return byAddress >= byAccount
    ? { kind: "delay", seconds: byAddress, reason: "address" }
    : { kind: "delay", seconds: byAccount, reason: "account" };
};
