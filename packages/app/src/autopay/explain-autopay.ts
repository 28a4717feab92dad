import {
  decideAutopay,
  decideCardExpired,
  formatCents,
  invoiceClientOpenCents,
  notFound,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { recordAudit } from "../audit/record-audit";
import { getAutomationConfig } from "../automation/get-automation-config";
import { nextRun } from "../automation/next-run";
import { practiceToday } from "../automation/practice-today";
import { ISSUED_STATUSES } from "../ledger/ledger-writes";
import type { TenantActor } from "../resources/crud";
import type { AutopayExplanation } from "./autopay-schemas";
import { attemptFact, loadAttempts, loadAutopaySettings, loadDefaultCards } from "./load-autopay-facts";

/**
 * "Why wasn't this charged?" for a client (its open bills and every bill autopay tried) or for one invoice: the
 * decision the next autopay run would make (decideAutopay, on the same facts), each attempt with Stripe's decline
 * message, and what happens next. Another practice's client or invoice is NOT_FOUND. The read is audited.
 */
export const explainAutopay = async (
  database: Database,
  {
    actor,
    target,
    now,
  }: { actor: TenantActor; target: { clientId: string } | { invoiceId: string }; now: Date },
): Promise<AutopayExplanation> => {
  const practiceId = actor.practiceId;
  const i = tables.invoices;
  let clientId: string;
  if ("invoiceId" in target) {
    const [row] = await database.db
      .select({ clientId: i.clientId })
      .from(i)
      .where(and(eq(i.practiceId, practiceId), eq(i.id, target.invoiceId)));
    if (!row) throw notFound("Invoice");
    clientId = row.clientId;
  } else {
    clientId = target.clientId;
  }
  const [client] = await database.db
    .select({ autopay: tables.clients.autopay })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
  if (!client) throw notFound("Client");

  const settings = await loadAutopaySettings(database.db, practiceId);
  const { timeZone, today } = await practiceToday(database.db, practiceId, now);
  const { config } = await getAutomationConfig(database.db, practiceId);
  const next = nextRun(config, "autopay", timeZone, now);
  const runDate = next?.localDate ?? today;
  const runTime = config.automations.autopay.runTime;
  const when = next
    ? next.localDate === DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: 1 }).toISODate() ||
      next.localDate === today
      ? `tonight at ${runTime}`
      : `on ${next.localDate} at ${runTime}`
    : null;
  const card = (await loadDefaultCards(database.db, practiceId, [clientId])).get(clientId) ?? null;
  const attempts = await loadAttempts(
    database.db,
    practiceId,
    "invoiceId" in target ? { invoiceIds: [target.invoiceId] } : { clientIds: [clientId] },
  );
  const attemptedIds = [...new Set(attempts.map((a) => a.invoiceId))];
  const invoices = await database.db
    .select()
    .from(i)
    .where(
      and(
        eq(i.practiceId, practiceId),
        eq(i.clientId, clientId),
        "invoiceId" in target
          ? eq(i.id, target.invoiceId)
          : sql`((${inArray(i.status, [...ISSUED_STATUSES])} AND ${i.clientCents} > ${i.clientPaidCents} + ${i.clientWrittenOffCents})
              OR ${attemptedIds.length ? inArray(i.id, attemptedIds) : sql`false`})`,
      ),
    )
    .orderBy(asc(i.invoiceDate), asc(i.numberSeq));

  const explained = invoices.map((invoice) => {
    const mine = attempts.filter((a) => a.invoiceId === invoice.id);
    const issued = (ISSUED_STATUSES as readonly string[]).includes(invoice.status);
    const openCents = issued ? invoiceClientOpenCents(invoice) : 0;
    const decision = decideAutopay({
      today: runDate,
      practiceAutopay: settings.autopayEnabled,
      clientAutopay: client.autopay,
      card,
      openCents,
      attempts: mine.map(attemptFact),
      maxAttempts: settings.autopayMaxAttempts,
    });
    const last = mine.at(-1);
    const failed = mine.filter((a) => a.status === "declined" || a.status === "failed").length;
    let code: string;
    let reason: string;
    let then: string;
    if (decision.charge) {
      const lastFailed = last && (last.status === "declined" || last.status === "failed");
      code = lastFailed ? "DECLINED" : "CHARGE";
      reason = lastFailed
        ? `declined on ${last.localDate}: ${last.declineMessage ?? "the card was declined"}`
        : "not charged yet: autopay has not run since this bill was issued";
      then = when
        ? `autopay will ${lastFailed ? "try again" : `charge ${formatCents(decision.amountCents)}`} ${when} ` +
          `(attempt ${decision.attemptNumber} of ${settings.autopayMaxAttempts})`
        : "autopay's nightly run is off in Automation settings: nothing will be charged";
    } else {
      code = decision.code;
      reason = decision.message;
      then =
        decision.code === "ATTEMPTS_USED_UP"
          ? `attempts used up (${failed} of ${settings.autopayMaxAttempts}): autopay will not try this bill again`
          : decision.code === "ALREADY_CHARGED" || decision.code === "NOTHING_DUE"
            ? "nothing more to charge on this bill"
            : decision.code === "CHARGE_IN_FLIGHT"
              ? "the charge's outcome will be settled by asking Stripe; it is never charged twice"
              : decision.code === "ALREADY_TRIED_TODAY"
                ? "autopay will try again the next night"
                : `autopay will not charge this bill until that changes${when ? `; it runs ${when}` : ""}`;
    }
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      openCents,
      paymentStatus: invoice.paymentStatus,
      code,
      reason,
      attempts: mine.map((a) => ({
        localDate: a.localDate,
        attemptNumber: a.attemptNumber,
        amountCents: a.amountCents,
        outcome: a.status,
        declineMessage: a.declineMessage,
      })),
      next: then,
    };
  });
  await recordAudit(database.db, actor, "read", "autopay_explanation", clientId, now, {
    invoiceIds: explained.map((e) => e.invoiceId),
  });
  return {
    clientId,
    practiceAutopay: settings.autopayEnabled,
    clientAutopay: client.autopay,
    card: card ? { ...card, expired: decideCardExpired(card, today) } : null,
    maxAttempts: settings.autopayMaxAttempts,
    nextRunAt: next
      ? DateTime.fromJSDate(next.scheduledAt, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm")
      : null,
    invoices: explained,
  };
};
