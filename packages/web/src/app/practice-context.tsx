import { can, type Permission } from "@billcycle/core";
import { createContext, useContext } from "react";
import type { Membership, Practice } from "../api/models";
import type { PracticeDisplay } from "../lib/format";

export type PracticeContextValue = {
  practiceId: string;
  practiceName: string;
  membership: Membership;
  practice: Practice;
  timeZone: string;
  /** BCP 47, e.g. "en-US". */
  locale: string;
  /** Zone and locale together: what every date and time formatter in lib/format takes. */
  display: PracticeDisplay;
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
  locale: practice.locale,
  display: { timeZone: practice.timeZone, locale: practice.locale },
  can: (permission) => can(membership.role, permission),
});
