import type { Role } from "@billcycle/core";

/** Who is acting, in which practice, with which role: every use case receives one. */
export type Actor = {
  userId: string | null;
  practiceId: string | null;
  role: Role | null;
  /** "user:<id>", "token:<id>", "system:<job>" — for the audit trail. */
  label: string;
};

export const systemActor = (practiceId: string, job: string): Actor => ({
  userId: null,
  practiceId,
  role: "owner",
  label: `system:${job}`,
});
