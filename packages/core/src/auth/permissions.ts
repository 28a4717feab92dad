/** Roles a user holds per practice. */
export const roles = ["owner", "biller", "clinician", "read_only"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "practice:read",
  "practice:write",
  "members:write",
  "clients:read",
  "clients:write",
  "clinical:write",
  /** Sign a progress note for another provider (a supervisor); without it only the note's own provider signs. */
  "clinical:supervise",
  "billing:read",
  "billing:write",
  "settings:write",
  "audit:read",
] as const;
export type Permission = (typeof permissions)[number];

/** The one permission table. A route names the permission it needs; nothing else decides access. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  owner: permissions,
  biller: [
    "practice:read",
    "clients:read",
    "clients:write",
    "billing:read",
    "billing:write",
    "settings:write",
    "audit:read",
  ],
  clinician: ["practice:read", "clients:read", "clients:write", "clinical:write", "billing:read"],
  read_only: ["practice:read", "clients:read", "billing:read"],
};

export const can = (role: Role, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);
