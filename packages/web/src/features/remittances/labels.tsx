import { NavLink } from "react-router";
import { usePractice } from "../../app/practice-context";
import { Badge } from "../../components/status";
import type { Imbalance, PostingKind, PostingRule, RemittanceStatus, WorkItemKind } from "./remittances-api";

export const remittanceStatusLabel: Record<RemittanceStatus, string> = {
  posting: "Posting",
  posted: "Posted",
  partially_posted: "Partially posted",
  needs_review: "Needs review",
};

const remittanceTone = {
  posting: "neutral",
  posted: "success",
  partially_posted: "warning",
  needs_review: "danger",
} as const;

export const RemittanceStatusBadge = ({ status }: { status: RemittanceStatus }) => (
  <Badge tone={remittanceTone[status] ?? "neutral"}>{remittanceStatusLabel[status] ?? status}</Badge>
);

export const postingKindLabel: Record<PostingKind, string> = {
  payment: "Payment",
  write_off: "Write-off",
  patient_responsibility: "Patient responsibility",
  denial: "Denial",
  informational: "Informational",
  reversal: "Reversal",
};

export const ruleActionLabel: Record<PostingRule["action"], string> = {
  write_off: "Write off",
  patient_responsibility: "Patient responsibility",
  denial: "Denial",
  informational: "Informational (no posting)",
  block: "Block: hold for review",
};

export const groupCodeLabel: Record<PostingRule["groupCode"], string> = {
  CO: "CO — contractual obligation",
  PR: "PR — patient responsibility",
  OA: "OA — other adjustment",
  PI: "PI — payer initiated",
  CR: "CR — correction or reversal",
};

export const workItemKindLabel: Record<WorkItemKind, string> = {
  unbalanced: "Unbalanced remittance",
  unmatched_claim: "Unmatched claim",
  unmatched_line: "Unmatched service line",
  blocked_code: "Blocked adjustment code",
  reversal_without_original: "Reversal without original",
  duplicate_trace: "Trace number received before, other content",
  malformed_claim: "Claim the file does not spell correctly",
};

/** The imbalance a remittance is "out of balance" by: the whole transaction's, else the first found. */
export const headlineImbalance = (imbalances: Imbalance[]): Imbalance | undefined =>
  imbalances.find((i) => i.level === "transaction") ?? imbalances[0];

/** Remittances | Work queue | Posting rules | Files. */
export const RemittanceTabs = () => {
  const { practiceId } = usePractice();
  return (
    <nav aria-label="Remittance screens" className="segmented">
      <NavLink to={`/p/${practiceId}/remittances`} end>
        Remittances
      </NavLink>
      <NavLink to={`/p/${practiceId}/work-queue`}>Work queue</NavLink>
      <NavLink to={`/p/${practiceId}/posting-rules`}>Posting rules</NavLink>
      <NavLink to={`/p/${practiceId}/files`}>Files</NavLink>
    </nav>
  );
};
