import {
  compactClaimCountsWhereMany,
  scheduleChargeResolution,
  scheduleInvoicePdfSweep,
} from "@billcycle/app";
import type { Database } from "@billcycle/db";
import { tickClock } from "./tick-clock";

/**
 * One look of the worker's scheduler at `now` (startWorker calls it every tick): the automations' due occurrences
 * (tickClock), then the charge janitor — a resolve-card-charges job for each practice with a charge whose outcome
 * is unknown, at most one per practice every 5 minutes (scheduleChargeResolution). Autopay also resolves its
 * practice's unknown charges before it charges anything, so none waits for a night either way. Last, the PDF
 * sweep: a store-missing-invoice-pdfs job for each practice with an employer invoice that committed without its
 * PDF (scheduleInvoicePdfSweep). And the claim counts' fold (compactClaimCountsWhereMany).
 */
export const tickScheduler = async (
  database: Database,
  now: Date,
): Promise<{ scheduled: number; chargeResolutions: number; pdfSweeps: number }> => {
  const { scheduled } = await tickClock(database, now);
  const { scheduled: chargeResolutions } = await scheduleChargeResolution(database, now);
  const { scheduled: pdfSweeps } = await scheduleInvoicePdfSweep(database, now);
  await compactClaimCountsWhereMany(database);
  return { scheduled, chargeResolutions, pdfSweeps };
};
