import type { Executor } from "@billcycle/db";
import { sql } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import type { EmployerBatchView } from "./employer-billing-schemas";
import { batchRows } from "./get-employer-batch";

/** Batch history, newest first; `before` is the number of the last batch of the previous page. */
export const listEmployerBatches = async (
  db: Executor,
  input: { actor: TenantActor; employerId?: string | undefined; limit: number; before?: number | undefined },
): Promise<{ data: EmployerBatchView[]; nextCursor: string | null }> => {
  const where = sql`true
    ${input.before !== undefined ? sql`AND b.number < ${input.before}` : sql``}
    ${
      input.employerId
        ? sql`AND EXISTS (SELECT 1 FROM employer_invoices i WHERE i.practice_id = b.practice_id AND i.batch_id = b.id AND i.employer_id = ${input.employerId})`
        : sql``
    }`;
  const rows = await batchRows(db, input.actor.practiceId, where, sql`LIMIT ${input.limit + 1}`);
  const page = rows.slice(0, input.limit);
  return {
    data: page,
    nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.number) : null,
  };
};
