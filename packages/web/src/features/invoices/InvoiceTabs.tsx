import { NavLink } from "react-router";
import { usePractice } from "../../app/practice-context";

/** All invoices | the Pended review queue | Invoice Management (patient outreach). */
export const InvoiceTabs = () => {
  const { practiceId } = usePractice();
  return (
    <nav aria-label="Invoice lists" className="segmented">
      <NavLink to={`/p/${practiceId}/invoices`} end>
        All invoices
      </NavLink>
      <NavLink to={`/p/${practiceId}/invoices/review`}>Pended review</NavLink>
      <NavLink to={`/p/${practiceId}/billing/outreach`}>Invoice Management</NavLink>
    </nav>
  );
};
