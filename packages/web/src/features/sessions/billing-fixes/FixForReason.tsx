import type { SkipReasonCode } from "@billcycle/core";
import { Link } from "react-router";
import { usePractice } from "../../../app/practice-context";
import { AddAddressFix } from "./AddAddressFix";
import { AddDiagnosisFix } from "./AddDiagnosisFix";
import { AddInsuranceFix } from "./AddInsuranceFix";
import { AddServiceFix } from "./AddServiceFix";
import type { FixProps } from "./dialog-parts";
import { RequestSignatureFix, SignNoteFix } from "./SignNoteFix";

/**
 * What fixes a reason, for the roles that may fix it: an action right here, or a link to the screen that does.
 * Reasons without one (a future date) say in words what would change them.
 */
export const FixForReason = ({ code, ...props }: FixProps & { code: SkipReasonCode }) => {
  const { practiceId, can } = usePractice();
  switch (code) {
    case "NOTE_NOT_SIGNED":
      return can("clinical:write") ? (
        <SignNoteFix {...props} label="Sign the progress note" />
      ) : can("billing:write") ? (
        <RequestSignatureFix {...props} />
      ) : null;
    case "NO_PROGRESS_NOTE":
      return can("clinical:write") ? (
        <SignNoteFix {...props} label="Write and sign the note" />
      ) : can("billing:write") ? (
        <RequestSignatureFix {...props} />
      ) : null;
    case "NO_DIAGNOSIS":
      return can("clients:write") ? <AddDiagnosisFix {...props} /> : null;
    case "NO_ACTIVE_POLICY":
      return can("clients:write") ? <AddInsuranceFix {...props} /> : null;
    case "NO_ADDRESS":
      return can("clients:write") ? <AddAddressFix {...props} /> : null;
    case "NO_BILLABLE_SERVICE":
      return can("clients:write") ? <AddServiceFix {...props} /> : null;
    case "NO_SHOW_NOT_CHARGED":
    case "LATE_CANCEL_NOT_CHARGED":
      return can("settings:write") ? (
        <Link
          className="btn btn-small"
          to={`/p/${practiceId}/settings/billing?field=${code === "NO_SHOW_NOT_CHARGED" ? "noShowFee" : "lateCancelFee"}`}
        >
          {code === "NO_SHOW_NOT_CHARGED" ? "Set the No Show fee" : "Set the Late Cancel fee"}
        </Link>
      ) : null;
    case "EXCLUDED_BY_RULE":
    case "AUTOMATION_DISABLED":
    case "BEFORE_START_DATE":
      return (
        <Link className="btn btn-small" to={`/p/${practiceId}/settings/automation`}>
          Open automation settings
        </Link>
      );
    default:
      return null;
  }
};
