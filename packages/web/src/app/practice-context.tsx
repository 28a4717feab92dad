import { can, type Permission } from "@billcycle/core";
import { createContext, useContext } from "react";
import type { Membership, Practice } from "../api/models";

export type PracticeContextValue = {
  practiceId: string;
  practiceName: string;
  membership: Membership;
  practice: Practice;
  timeZone: string;
  /** The permission table from @billcycle/core: the same one the API enforces. */
  can: (permission: Permission) => boolean;
};

const PracticeContext = createContext<PracticeContextValue | null>(null);

export const PracticeProvider = PracticeContext.Provider;

export const usePractice = (): PracticeContextValue => {
  const value = useContext(PracticeContext);
  if (!value) throw new Error("usePractice outside a practice route");
  return value;
};

export const practiceContextValue = (membership: Membership, practice: Practice): PracticeContextValue => ({
  practiceId: membership.practiceId,
  practiceName: membership.practiceName,
  membership,
  practice,
  timeZone: practice.timeZone,
  can: (permission) => can(membership.role, permission),
});
