import { Link } from "react-router";
import { usePractice } from "../../../app/practice-context";

const SETTINGS = "billing settings";

/** "To fix: …" in the server's words; "billing settings" in them links to the Billing Settings screen. */
export const FixHint = ({ fix }: { fix: string }) => {
  const { practiceId } = usePractice();
  const at = fix.indexOf(SETTINGS);
  if (at < 0) return <p className="reason-fix muted">To fix: {fix}.</p>;
  return (
    <p className="reason-fix muted">
      To fix: {fix.slice(0, at)}
      <Link to={`/p/${practiceId}/settings/billing`}>{SETTINGS}</Link>
      {fix.slice(at + SETTINGS.length)}.
    </p>
  );
};
