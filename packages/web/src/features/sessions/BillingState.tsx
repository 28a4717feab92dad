import type { AppointmentStatus } from "@billcycle/core";
import { Link } from "react-router";
import { usePractice } from "../../app/practice-context";
import type { SessionBillingState } from "./sessions-api";

/** Upcoming and Canceled sessions are never billed as they stand (an invoiced session cannot go back). */
export const asksBillingState = (status: AppointmentStatus) => status !== "upcoming" && status !== "canceled";

/**
 * A past session's billing state in a few words: billed (with its invoice), or why not. The state comes from one
 * request for the whole list or week (useBillingStates); `state` is undefined while it is on its way.
 */
export const BillingState = ({
  status,
  state,
  failed = false,
}: {
  status: AppointmentStatus;
  state: SessionBillingState | undefined;
  failed?: boolean;
}) => {
  const { practiceId } = usePractice();
  if (!asksBillingState(status)) {
    return (
      <span className="billing-state not-billed">
        Not billed: {status === "upcoming" ? "still Upcoming (not marked Kept)" : "Canceled"}
      </span>
    );
  }
  if (failed) return <span className="muted">Unknown</span>;
  if (!state) return <span className="muted">Checking…</span>;
  if (state.billed) {
    return (
      <span className="billing-state billed">
        Billed ·{" "}
        <Link to={`/p/${practiceId}/invoices/${state.billed.invoiceId}`}>{state.billed.invoiceNumber}</Link>
      </span>
    );
  }
  if (state.reasons.length === 0)
    return <span className="billing-state ready">Ready to bill at the next run</span>;
  const [first, ...rest] = state.reasons;
  return (
    <span className="billing-state not-billed">
      Not billed: {first?.message}
      {rest.length ? ` (+${rest.length} more)` : ""}
    </span>
  );
};
