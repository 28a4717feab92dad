import type { AutopayAttempt, AutopayCard, LocalDate } from "@billcycle/core";
import { defaultPracticeBillingSettings } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getAutomationConfig } from "../automation/get-automation-config";
import type { CardChargeRow } from "../payments/transition-card-charge";
import type { AutopayAttemptRow } from "./transition-autopay-attempt";

/** The card charge an attempt made is found by its key, so a crash before the link was written loses nothing. */
export const autopayChargeKey = (attemptId: string): string => `autopay:${attemptId}`;

export type AttemptWithCharge = AutopayAttemptRow & { charge: CardChargeRow | null };

/**
 * Whether the practice uses autopay (the Autopay automation's one switch: the one that schedules the nightly run)
 * and how many declined nights a bill gets (billing settings; 3 for a practice saved before autopay existed).
 */
export const loadAutopaySettings = async (
  tx: Executor,
  practiceId: string,
): Promise<{ autopayEnabled: boolean; autopayMaxAttempts: number }> => {
  const [row] = await tx
    .select({ settings: tables.practices.billingSettings })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  const { config } = await getAutomationConfig(tx, practiceId);
  return {
    autopayEnabled: config.automations.autopay.enabled,
    autopayMaxAttempts: row?.settings.autopayMaxAttempts ?? defaultPracticeBillingSettings.autopayMaxAttempts,
  };
};

/** Default cards of these clients, by client id. */
export const loadDefaultCards = async (
  tx: Executor,
  practiceId: string,
  clientIds: readonly string[],
): Promise<Map<string, AutopayCard>> => {
  if (clientIds.length === 0) return new Map();
  const c = tables.clientCards;
  const rows = await tx
    .select({
      clientId: c.clientId,
      brand: c.brand,
      last4: c.last4,
      expMonth: c.expMonth,
      expYear: c.expYear,
    })
    .from(c)
    .where(and(eq(c.practiceId, practiceId), inArray(c.clientId, [...clientIds]), eq(c.isDefault, true)));
  return new Map(rows.map(({ clientId, ...card }) => [clientId, card]));
};

/** Every autopay attempt of these invoices with its card charge (by key), oldest night first. */
export const loadAttempts = async (
  tx: Executor,
  practiceId: string,
  where: { invoiceIds?: readonly string[]; clientIds?: readonly string[]; unresolvedOnly?: boolean },
): Promise<AttemptWithCharge[]> => {
  const a = tables.autopayAttempts;
  const ch = tables.cardCharges;
  if (where.invoiceIds?.length === 0 || where.clientIds?.length === 0) return [];
  const rows = await tx
    .select({ attempt: a, charge: ch })
    .from(a)
    .leftJoin(
      ch,
      and(eq(ch.practiceId, a.practiceId), eq(ch.idempotencyKey, sql`'autopay:' || ${a.id}::text`)),
    )
    .where(
      and(
        eq(a.practiceId, practiceId),
        where.invoiceIds ? inArray(a.invoiceId, [...where.invoiceIds]) : undefined,
        where.clientIds ? inArray(a.clientId, [...where.clientIds]) : undefined,
        where.unresolvedOnly ? inArray(a.status, ["pending", "unknown"]) : undefined,
      ),
    )
    .orderBy(asc(a.localDate), asc(a.id));
  return rows.map((r) => ({ ...r.attempt, charge: r.charge }));
};

/** An attempt as decideAutopay sees it. */
export const attemptFact = (a: AutopayAttemptRow): AutopayAttempt => ({
  localDate: a.localDate as LocalDate,
  outcome: a.status,
  declineMessage: a.declineMessage,
});
