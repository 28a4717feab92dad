import {
  type AutomationKind,
  decideAppointmentBillable,
  decideAutopay,
  decideInvoiceClaimable,
  localDateAt,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, lt, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import {
  attemptFact,
  loadAttempts,
  loadAutopaySettings,
  loadDefaultCards,
} from "../autopay/load-autopay-facts";
import { loadBillingContext } from "../billing/billing-context";
import { COMPLETED, creationWindow } from "../billing/create-invoices";
import { loadAppointmentFacts } from "../billing/load-appointment-facts";
import { loadInvoiceClaimFacts, processingCandidates } from "../billing/process-invoices";
import { listOpenClientBalances } from "../ledger/list-open-client-balances";
import type { TenantActor } from "../resources/crud";
import { nextRun } from "./next-run";
import { practiceToday } from "./practice-today";

export type PreviewItem = {
  subjectId: string;
  outcome: "would_do" | "would_skip";
  reasonCode: string | null;
  message: string;
};
export type AutomationPreview = {
  automation: AutomationKind;
  enabled: boolean;
  /** The run previewed: the next scheduled one, or "now" when the automation is off. */
  runAt: string;
  localDate: string;
  wouldDo: number;
  wouldSkip: number;
  byReason: Record<string, number>;
  items: PreviewItem[];
};

const MAX_ITEMS = 500;

/** What the next run of an automation would do, computed with the run's own decisions and nothing written. */
export const previewAutomation = async (
  database: Database,
  { actor, kind, now }: { actor: TenantActor; kind: AutomationKind; now: Date },
): Promise<AutomationPreview> => {
  const { timeZone } = await practiceToday(database.db, actor.practiceId, now);
  const probe = await loadBillingContext(database.db, actor.practiceId, localDateAt(now, timeZone));
  const next = nextRun(probe.config, kind, timeZone, now);
  const runAt = next?.scheduledAt ?? now;
  const localDate = next?.localDate ?? localDateAt(now, timeZone);
  const ctx = await loadBillingContext(database.db, actor.practiceId, localDate);
  const items: PreviewItem[] = [];

  if (kind === "invoice_creation") {
    const monthly = ctx.config.invoiceCreationMode === "monthly";
    const { dosFrom, dosTo } = creationWindow(ctx, localDate, monthly);
    const facts = await loadAppointmentFacts(database.db, actor.practiceId, {
      statuses: COMPLETED,
      onlyUninvoiced: true,
      dosFrom,
      dosTo,
    });
    for (const f of facts) {
      const d = decideAppointmentBillable(f, ctx.eligibility);
      items.push(
        d.billable
          ? {
              subjectId: f.appointmentId,
              outcome: "would_do",
              reasonCode: null,
              message: `would invoice ${d.lines.length} line(s), ${d.totalCents} cents`,
            }
          : {
              subjectId: f.appointmentId,
              outcome: "would_skip",
              reasonCode: d.reasons[0]!.code,
              message: d.reasons.map((r) => r.message).join("; "),
            },
      );
    }
  } else if (kind === "invoice_processing") {
    const candidates = await processingCandidates(database.db, ctx, localDate, undefined, 100_000);
    const { linesBy, policyById } = await loadInvoiceClaimFacts(database.db, actor.practiceId, candidates);
    for (const invoice of candidates) {
      const policy = invoice.primaryPolicyId ? (policyById.get(invoice.primaryPolicyId) ?? null) : null;
      const d = decideInvoiceClaimable(
        { ...invoice, policy, lines: linesBy.get(invoice.id) ?? [] },
        ctx.config.automations.invoice_processing.rules,
        ctx.eligibility.labels,
      );
      items.push(
        d.claimable
          ? {
              subjectId: invoice.id,
              outcome: "would_do",
              reasonCode: null,
              message: `would claim ${invoice.number} (${invoice.insuranceCents} cents)`,
            }
          : {
              subjectId: invoice.id,
              outcome: "would_skip",
              reasonCode: d.reason.code,
              message: d.reason.message,
            },
      );
    }
  } else if (kind === "claims_submission") {
    const startOfDay = DateTime.fromISO(localDate, { zone: timeZone }).startOf("day").toJSDate();
    const bound =
      ctx.config.cadence === "staggered"
        ? lt(tables.claims.createdAt, startOfDay)
        : lte(tables.claims.createdAt, runAt);
    const claims = await database.db
      .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
      .from(tables.claims)
      .where(
        and(
          eq(tables.claims.practiceId, actor.practiceId),
          eq(tables.claims.status, "awaiting_submission"),
          bound,
        ),
      );
    for (const c of claims)
      items.push({
        subjectId: c.id,
        outcome: "would_do",
        reasonCode: null,
        message: `would submit claim ${c.pcn}`,
      });
  } else if (kind === "autopay") {
    // The run's own decision on the same facts (the first open bills; the run reads every client in batches).
    const settings = await loadAutopaySettings(database.db, actor.practiceId);
    const balances = (await listOpenClientBalances(database.db, { practiceId: actor.practiceId })).slice(
      0,
      MAX_ITEMS,
    );
    const clientIds = balances.map((b) => b.clientId);
    const autopayOn = new Set(
      (
        await database.db
          .select({ id: tables.clients.id, autopay: tables.clients.autopay })
          .from(tables.clients)
          .where(eq(tables.clients.practiceId, actor.practiceId))
      )
        .filter((c) => c.autopay)
        .map((c) => c.id),
    );
    const cards = await loadDefaultCards(database.db, actor.practiceId, clientIds);
    const attempts = await loadAttempts(database.db, actor.practiceId, { clientIds });
    for (const b of balances)
      for (const invoice of b.invoices) {
        const d = decideAutopay({
          today: localDate,
          practiceAutopay: settings.autopayEnabled,
          clientAutopay: autopayOn.has(b.clientId),
          card: cards.get(b.clientId) ?? null,
          openCents: invoice.openCents,
          attempts: attempts.filter((a) => a.invoiceId === invoice.invoiceId).map(attemptFact),
          maxAttempts: settings.autopayMaxAttempts,
        });
        items.push(
          d.charge
            ? {
                subjectId: invoice.invoiceId,
                outcome: "would_do",
                reasonCode: null,
                message: `would charge ${invoice.invoiceNumber} (attempt ${d.attemptNumber})`,
              }
            : { subjectId: invoice.invoiceId, outcome: "would_skip", reasonCode: d.code, message: d.message },
        );
      }
  }

  const byReason: Record<string, number> = {};
  for (const i of items) if (i.reasonCode) byReason[i.reasonCode] = (byReason[i.reasonCode] ?? 0) + 1;
  const wouldDo = items.filter((i) => i.outcome === "would_do").length;
  return {
    automation: kind,
    enabled: probe.config.automations[kind].enabled,
    runAt: runAt.toISOString(),
    localDate,
    wouldDo,
    wouldSkip: items.length - wouldDo,
    byReason,
    items: items.slice(0, MAX_ITEMS),
  };
};
