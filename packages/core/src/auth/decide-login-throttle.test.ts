import { describe, expect, it } from "vitest";
import { backoffSeconds, decideLoginThrottle, loginThrottlePolicy } from "./decide-login-throttle";

const now = new Date("2026-04-01T09:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const none = { failures: 0, lastFailureAt: null };

describe("decideLoginThrottle", () => {
  it("allows while both counters are under their free failures", () => {
    expect(
      decideLoginThrottle({ now, address: { failures: 9, lastFailureAt: ago(0) }, account: none }),
    ).toEqual({ kind: "allow" });
    expect(
      decideLoginThrottle({ now, address: none, account: { failures: 4, lastFailureAt: ago(0) } }),
    ).toEqual({
      kind: "allow",
    });
  });

  it("delays an address after its free failures, whatever the emails, for the rest of its backoff", () => {
    const address = { failures: 10, lastFailureAt: ago(0.5) };
    expect(decideLoginThrottle({ now, address, account: none })).toEqual({
      kind: "delay",
      seconds: 2,
      reason: "address",
    });
    expect(
      decideLoginThrottle({ now, address: { failures: 10, lastFailureAt: ago(2) }, account: none }),
    ).toEqual({ kind: "allow" });
  });

  it("the backoff doubles with each further failure and stops at the cap", () => {
    const { address, account } = loginThrottlePolicy;
    expect([10, 11, 12, 13].map((n) => backoffSeconds(address, n))).toEqual([2, 4, 8, 16]);
    expect(backoffSeconds(address, 1000)).toBe(address.maxDelaySeconds);
    expect([4, 5, 6, 7].map((n) => backoffSeconds(account, n))).toEqual([0, 5, 10, 20]);
    expect(backoffSeconds(account, 100)).toBe(300);
  });

  it("an account's backoff is short and never a lockout: it ends at most a few minutes after the last failure", () => {
    const account = { failures: 500, lastFailureAt: ago(10) };
    const decision = decideLoginThrottle({ now, address: none, account });
    expect(decision).toEqual({ kind: "delay", seconds: 290, reason: "account" });
    expect(
      decideLoginThrottle({ now, address: none, account: { ...account, lastFailureAt: ago(300) } }),
    ).toEqual({
      kind: "allow",
    });
  });

  it("a known device (no account counter) is slowed only by its own address", () => {
    expect(decideLoginThrottle({ now, address: none, account: null })).toEqual({ kind: "allow" });
    expect(
      decideLoginThrottle({ now, address: { failures: 12, lastFailureAt: ago(1) }, account: null }),
    ).toEqual({
      kind: "delay",
      seconds: 7,
      reason: "address",
    });
  });

  it("when both counters delay, the longer wait is answered", () => {
    const decision = decideLoginThrottle({
      now,
      address: { failures: 10, lastFailureAt: ago(0) },
      account: { failures: 7, lastFailureAt: ago(0) },
    });
    expect(decision).toEqual({ kind: "delay", seconds: 20, reason: "account" });
  });
});
