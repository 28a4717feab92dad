import type { Executor } from "@billcycle/db";
import type { TenantActor } from "../resources/crud";
import { findEmployer, resolveProfile } from "./employer-billing-context";
import type { InvoiceProfileView } from "./employer-billing-schemas";

/** The profile that applies to the practice (employerId null) or to one employer. */
export const getInvoiceProfile = async (
  db: Executor,
  input: { actor: TenantActor; employerId: string | null },
): Promise<InvoiceProfileView> => {
  if (input.employerId) await findEmployer(db, input.actor.practiceId, input.employerId);
  return resolveProfile(db, input.actor.practiceId, input.employerId);
};
