import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors/domain-error";
import { can, permissions, roles } from "./permissions";
import {
  API_TOKEN_MAX_DAYS,
  apiTokenExpiresAt,
  apiTokenStatus,
  assertScopesWithinRoles,
  scopesAllowedFor,
  tokenCan,
  tokenMayUseMethod,
} from "./token-scopes";

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : "not a DomainError";
  }
  return undefined;
};

describe("API token scopes", () => {
  it("write grants exactly what the role allows; read only the role's reads", () => {
    for (const role of roles) {
      for (const p of permissions) {
        expect([role, p, tokenCan(role, ["write"], p)]).toEqual([role, p, can(role, p)]);
        expect([role, p, tokenCan(role, ["read"], p)]).toEqual([
          role,
          p,
          can(role, p) && p.endsWith(":read"),
        ]);
      }
    }
  });

  it("a read token may only send reading requests", () => {
    expect(tokenMayUseMethod(["read"], "get")).toBe(true);
    expect(tokenMayUseMethod(["read"], "HEAD")).toBe(true);
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(tokenMayUseMethod(["read"], m)).toBe(false);
      expect(tokenMayUseMethod(["write"], m)).toBe(true);
    }
  });

  it("refuses a scope wider than every role the creator holds", () => {
    expect(codeOf(() => assertScopesWithinRoles(["write"], ["read_only"]))).toBe("FORBIDDEN");
    expect(codeOf(() => assertScopesWithinRoles(["read"], []))).toBe("FORBIDDEN");
    expect(codeOf(() => assertScopesWithinRoles(["read"], ["read_only"]))).toBeUndefined();
    expect(codeOf(() => assertScopesWithinRoles(["write"], ["read_only", "clinician"]))).toBeUndefined();
    expect(scopesAllowedFor(["read_only"])).toEqual(["read"]);
    expect(scopesAllowedFor(["read_only", "biller"])).toEqual(["read", "write"]);
    expect(scopesAllowedFor([])).toEqual([]);
  });

  it("expires in 90 days by default, at most a year, at least a day", () => {
    const now = new Date("2026-03-01T15:00:00Z");
    expect(apiTokenExpiresAt(now).toISOString()).toBe("2026-05-30T15:00:00.000Z");
    expect(apiTokenExpiresAt(now, API_TOKEN_MAX_DAYS).toISOString()).toBe("2027-03-01T15:00:00.000Z");
    expect(apiTokenExpiresAt(now, 1).toISOString()).toBe("2026-03-02T15:00:00.000Z");
    for (const days of [0, -1, 366, 1.5, Number.NaN])
      expect([days, codeOf(() => apiTokenExpiresAt(now, days))]).toEqual([days, "VALIDATION_FAILED"]);
  });

  it("a token is revoked, else expired from its expiry instant on, else active", () => {
    const expiresAt = new Date("2026-05-30T15:00:00Z");
    const before = new Date(expiresAt.getTime() - 1);
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, before)).toBe("active");
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
    expect(apiTokenStatus({ expiresAt, revokedAt: before }, before)).toBe("revoked");
  });
});
