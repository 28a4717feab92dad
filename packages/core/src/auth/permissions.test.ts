import { describe, expect, it } from "vitest";
import { can, type Permission, permissions, type Role, rolePermissions, roles } from "./permissions";

const writes = permissions.filter((p) => p.endsWith(":write"));

describe("the permission table", () => {
  it("names only known permissions, and every role has a row", () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
    for (const role of roles) for (const p of rolePermissions[role]) expect(permissions).toContain(p);
  });

  it("an owner can do everything", () => {
    for (const p of permissions) expect(can("owner", p)).toBe(true);
  });

  it("a read-only user can read practice, clients and billing, and write nothing", () => {
    for (const p of ["practice:read", "clients:read", "billing:read"] as const)
      expect(can("read_only", p)).toBe(true);
    expect(writes.length).toBeGreaterThan(0);
    for (const p of writes) expect(can("read_only", p)).toBe(false);
  });

  it("a clinician cannot change billing settings or billing data, but can write clinical records", () => {
    expect(can("clinician", "settings:write")).toBe(false);
    expect(can("clinician", "billing:write")).toBe(false);
    expect(can("clinician", "practice:write")).toBe(false);
    expect(can("clinician", "members:write")).toBe(false);
    expect(can("clinician", "clinical:write")).toBe(true);
    expect(can("clinician", "clients:write")).toBe(true);
  });

  it("a biller runs billing but neither signs clinical notes nor manages the practice or its members", () => {
    expect(can("biller", "billing:write")).toBe(true);
    expect(can("biller", "settings:write")).toBe(true);
    expect(can("biller", "clinical:write")).toBe(false);
    expect(can("biller", "practice:write")).toBe(false);
    expect(can("biller", "members:write")).toBe(false);
  });

  it("every role can read the practice it belongs to; only owner and biller read the audit trail", () => {
    for (const role of roles) expect(can(role, "practice:read")).toBe(true);
    const auditReaders = roles.filter((r: Role) => can(r, "audit:read"));
    expect(auditReaders.sort()).toEqual(["biller", "owner"]);
  });

  it("no role holds a write without the matching read", () => {
    for (const role of roles) {
      for (const p of rolePermissions[role]) {
        if (
          !p.endsWith(":write") ||
          p === "settings:write" ||
          p === "members:write" ||
          p === "clinical:write"
        )
          continue;
        const read = p.replace(":write", ":read") as Permission;
        expect(can(role, read)).toBe(true);
      }
    }
  });
});
