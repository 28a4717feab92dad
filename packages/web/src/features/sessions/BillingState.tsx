import type { AppointmentStatus } from "@billcycle/core";
import { Link } from "react-router";
import { usePractice } from "../../app/practice-context";
import { useBillingExplanation } from "./sessions-api";

/**
 * A past session's billing state in a few words: billed (with its invoice), or why not. Upcoming and Canceled
 * sessions are never billed as they stand (an invoiced session cannot go back), so only the others ask the API.
 */
export const BillingState = ({
  appointmentId,
  status,
}: {
  appointmentId: string;
  status: AppointmentStatus;
}) => {
  const { practiceId } = usePractice();
  const settled = status === "upcoming" || status === "canceled";
  const explanation = useBillingExplanation(practiceId, appointmentId, !settled);
  if (settled) {
    return (
      <span className="billing-state not-billed">
        Not billed: {status === "upcoming" ? "still Upcoming (not marked Kept)" : "Canceled"}
      </span>
    );
  }
  if (explanation.isPending) return <span className="muted">Checking…</span>;
  if (explanation.isError) return <span className="muted">Unknown</span>;
  const e = explanation.data;
  if (e.billed) {
    return (
      <span className="billing-state billed">
        Billed · <Link to={`/p/${practiceId}/invoices/${e.billed.invoiceId}`}>{e.billed.invoiceNumber}</Link>
      </span>
    );
  }
  if (e.reasons.length === 0)
    return <span className="billing-state ready">Ready to bill at the next run</span>;
  const [first, ...rest] = e.reasons;
  return (
    <span className="billing-state not-billed">
      Not billed: {first?.message}
      {rest.length ? ` (+${rest.length} more)` : ""}
    </span>
  );
};
