import { type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import { findEmployer } from "./employer-billing-context";
import type { EmployerReceiptView } from "./employer-billing-schemas";
import { receiptViews } from "./receipt-view";

/** An employer's receipts, newest first (the latest 200), with their applications. */
export const listEmployerReceipts = async (
  db: Executor,
  input: { actor: TenantActor; employerId: string },
): Promise<{ data: EmployerReceiptView[] }> => {
  await findEmployer(db, input.actor.practiceId, input.employerId);
  return {
    data: await receiptViews(
      db,
      input.actor.practiceId,
      eq(tables.employerReceipts.employerId, input.employerId),
    ),
  };
};
