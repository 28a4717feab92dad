import { NavLink } from "react-router";
import { usePractice } from "../../app/practice-context";

/** All invoices | the Pended review queue. */
export const InvoiceTabs = () => {
  const { practiceId } = usePractice();
  return (
    <nav aria-label="Invoice lists" className="segmented">
      <NavLink to={`/p/${practiceId}/invoices`} end>
        All invoices
      </NavLink>
      <NavLink to={`/p/${practiceId}/invoices/review`}>Pended review</NavLink>
    </nav>
  );
};
