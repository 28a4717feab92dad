import { formatCents } from "../money/money";
import { decideClaimAdjudication, type PayerDecision } from "./decide-claim-adjudication";

export type PostingAction = "write_off" | "patient_responsibility" | "denial" | "informational" | "block";
export type PostingKind = "payment" | "write_off" | "patient_responsibility" | "denial" | "informational";

export type PostingRule = {
  payerId: string | null;
  groupCode: string;
  reasonCode: string;
  action: PostingAction;
};

/** The defaults every practice starts with: contractual write-offs and the three patient-responsibility codes. */
export const defaultPostingRules: readonly PostingRule[] = [
  { payerId: null, groupCode: "CO", reasonCode: "45", action: "write_off" },
  { payerId: null, groupCode: "CO", reasonCode: "253", action: "write_off" },
  { payerId: null, groupCode: "PR", reasonCode: "1", action: "patient_responsibility" },
  { payerId: null, groupCode: "PR", reasonCode: "2", action: "patient_responsibility" },
  { payerId: null, groupCode: "PR", reasonCode: "3", action: "patient_responsibility" },
];

export type EraAdjustment = { group: string; reasonCode: string; amountCents: number };
export type EraLine = {
  code: string;
  modifiers: string[];
  /** SVC06 when the payer adjudicated a different code than was billed. */
  originalCode: string | null;
  dateOfService: string | null;
  chargeCents: number;
  paidCents: number;
  lineControlNumber: string | null;
  adjustments: EraAdjustment[];
};
/** One CLP of an 835, as the posting engine needs it. */
export type EraClaim = {
  patientControlNumber: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string | null;
  adjustments: EraAdjustment[];
  lines: EraLine[];
  crossoverPayer: string | null;
};

export type OurClaim = {
  id: string;
  payerId: string;
  lines: Array<{
    id: string;
    lineNumber: number;
    controlNumber: string;
    code: string;
    dateOfService: string;
    chargeCents: number;
  }>;
};

export type ExistingPosting = {
  id: string;
  kind: PostingKind;
  amountCents: number;
  claimLineId: string | null;
  groupCode: string | null;
  reasonCode: string | null;
  reversesPostingId: string | null;
};

export type PlannedPosting = {
  kind: PostingKind;
  claimLineId: string | null;
  groupCode: string | null;
  reasonCode: string | null;
  amountCents: number;
  reversesPostingId: string | null;
};

export type QueueReason = {
  kind: "unmatched_line" | "blocked_code" | "reversal_without_original";
  reason: string;
  details: Record<string, unknown>;
};

export type PostingPlan =
  | {
      post: true;
      postings: PlannedPosting[];
      outcome: PayerDecision | "reversed";
      payerClaimNumber: string | null;
    }
  | { post: false; queue: QueueReason };

/** 5010 CLP02 claim status codes. */
export const claimStatusCodes: Record<string, string> = {
  "1": "Processed as Primary",
  "2": "Processed as Secondary",
  "3": "Processed as Tertiary",
  "4": "Denied",
  "19": "Processed as Primary, Forwarded to Additional Payer(s)",
  "20": "Processed as Secondary, Forwarded to Additional Payer(s)",
  "21": "Processed as Tertiary, Forwarded to Additional Payer(s)",
  "22": "Reversal of Previous Payment",
  "23": "Not Our Claim, Forwarded to Additional Payer(s)",
  "25": "Predetermination Pricing Only - No Payment",
};

/** The rule for an adjustment: this payer's first, then any payer's; undefined when none applies. */
export const findPostingRule = (
  rules: readonly PostingRule[],
  payerId: string,
  a: EraAdjustment,
): PostingRule | undefined =>
  rules.find((r) => r.payerId === payerId && r.groupCode === a.group && r.reasonCode === a.reasonCode) ??
  rules.find((r) => r.payerId === null && r.groupCode === a.group && r.reasonCode === a.reasonCode);

/** Matches an 835 service line to ours: by line control number (REF*6R), else by procedure and date. */
export const matchLine = (ours: OurClaim["lines"], line: EraLine, taken: ReadonlySet<string>) => {
  if (line.lineControlNumber) {
    const byControl = ours.find((l) => l.controlNumber === line.lineControlNumber && !taken.has(l.id));
    if (byControl) return byControl;
  }
  const code = line.originalCode ?? line.code;
  return ours.find(
    (l) =>
      !taken.has(l.id) &&
      l.code === code &&
      (line.dateOfService === null || l.dateOfService === line.dateOfService),
  );
};

/**
 * Decides how one 835 claim posts against our claim: payments per line, each CAS adjustment by the practice's
 * posting rules (an unknown code blocks or posts as a denial, as the practice chose), and reversals (CLP02 22)
 * as postings that negate each earlier one. Any doubt sends the claim to the work queue instead.
 */
export const decideClaimPosting = (
  era: EraClaim,
  ours: OurClaim,
  rules: readonly PostingRule[],
  unknownCodeAction: "block" | "deny",
  existing: readonly ExistingPosting[],
): PostingPlan => {
  if (era.statusCode === "22") {
    const reversed = new Set(
      existing.map((p) => p.reversesPostingId).filter((id): id is string => id !== null),
    );
    const live = existing.filter((p) => p.reversesPostingId === null && !reversed.has(p.id));
    const livePaid = live.filter((p) => p.kind === "payment").reduce((a, p) => a + p.amountCents, 0);
    if (live.length === 0 || livePaid !== -era.paidCents) {
      return {
        post: false,
        queue: {
          kind: "reversal_without_original",
          reason:
            live.length === 0
              ? `Reversal of claim ${era.patientControlNumber}, but nothing was posted to reverse`
              : `Reversal of ${formatCents(-era.paidCents)} does not match the ${formatCents(livePaid)} posted`,
          details: { reversalPaidCents: era.paidCents, postedCents: livePaid },
        },
      };
    }
    return {
      post: true,
      outcome: "reversed",
      payerClaimNumber: era.payerClaimNumber,
      postings: live.map((p) => ({
        kind: p.kind,
        claimLineId: p.claimLineId,
        groupCode: p.groupCode,
        reasonCode: p.reasonCode,
        amountCents: -p.amountCents,
        reversesPostingId: p.id,
      })),
    };
  }

  const postings: PlannedPosting[] = [];
  const taken = new Set<string>();
  const adjust = (a: EraAdjustment, claimLineId: string | null): QueueReason | null => {
    const rule = findPostingRule(rules, ours.payerId, a);
    const action: PostingAction = rule?.action ?? (unknownCodeAction === "deny" ? "denial" : "block");
    if (action === "block") {
      return {
        kind: "blocked_code",
        reason: rule
          ? `${a.group}-${a.reasonCode} (${formatCents(a.amountCents)}) is set to block auto-posting`
          : `${a.group}-${a.reasonCode} (${formatCents(a.amountCents)}) has no posting rule`,
        details: { group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents },
      };
    }
    postings.push({
      kind: action,
      claimLineId,
      groupCode: a.group,
      reasonCode: a.reasonCode,
      amountCents: a.amountCents,
      reversesPostingId: null,
    });
    return null;
  };

  for (const line of era.lines) {
    const match = matchLine(ours.lines, line, taken);
    if (!match) {
      return {
        post: false,
        queue: {
          kind: "unmatched_line",
          reason: `Service line ${line.originalCode ?? line.code}${line.dateOfService ? ` on ${line.dateOfService}` : ""} does not match a line of claim ${era.patientControlNumber}`,
          details: {
            code: line.code,
            lineControlNumber: line.lineControlNumber,
            dateOfService: line.dateOfService,
          },
        },
      };
    }
    taken.add(match.id);
    if (line.paidCents !== 0) {
      postings.push({
        kind: "payment",
        claimLineId: match.id,
        groupCode: null,
        reasonCode: null,
        amountCents: line.paidCents,
        reversesPostingId: null,
      });
    }
    for (const a of line.adjustments) {
      const blocked = adjust(a, match.id);
      if (blocked) return { post: false, queue: blocked };
    }
  }
  const linePaid = era.lines.reduce((a, l) => a + l.paidCents, 0);
  if (era.paidCents !== linePaid) {
    // Payment not broken down by line (or a claim-level remainder): post it at claim level.
    postings.push({
      kind: "payment",
      claimLineId: null,
      groupCode: null,
      reasonCode: null,
      amountCents: era.paidCents - linePaid,
      reversesPostingId: null,
    });
  }
  for (const a of era.adjustments) {
    const blocked = adjust(a, null);
    if (blocked) return { post: false, queue: blocked };
  }

  const denied = postings.filter((p) => p.kind === "denial").reduce((a, p) => a + p.amountCents, 0);
  const outcome = decideClaimAdjudication({
    statusCode: era.statusCode,
    paidCents: era.paidCents,
    deniedCents: denied,
  });
  return { post: true, outcome, payerClaimNumber: era.payerClaimNumber, postings };
};

/** How postings move an invoice's money: what insurance paid, what was written off, what shifted to the client. */
export const postingEffects = (postings: ReadonlyArray<{ kind: PostingKind; amountCents: number }>) => {
  const sum = (k: PostingKind) => postings.filter((p) => p.kind === k).reduce((a, p) => a + p.amountCents, 0);
  return {
    insurancePaidCents: sum("payment"),
    writeOffCents: sum("write_off"),
    toClientCents: sum("patient_responsibility"),
  };
};
