import { Link } from "react-router";
import type { Claim } from "../../api/models";
import { usePractice } from "../../app/practice-context";

type Fix = { key: string; to: string; label: string };

/**
 * Where to fix what the scrubber named, by the edit's field path: the policy's member id or subscriber on the
 * client's Insurance tab (opened at that policy), the client's profile, the payer or provider under Setup. Each
 * link says which claim sent the biller there, so the screen can link back to re-scrub.
 */
export const scrubFixes = (practiceId: string, claim: Claim): Fix[] => {
  const latest = [...claim.scrubs].sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!latest?.blocking) return [];
  const insurance = `/p/${practiceId}/clients/${claim.clientId}?tab=insurance&policy=${claim.policyId}`;
  const fixes = new Map<string, Fix>();
  for (const edit of latest.edits) {
    if (edit.severity !== "blocking" || !edit.path) continue;
    const path = edit.path;
    if (/^subscriber\.(memberId|name\.id)$/.test(path))
      fixes.set("member", {
        key: "member",
        to: `${insurance}&fix=memberId&claim=${claim.id}`,
        label: "Fix the member id on the client's insurance policy",
      });
    else if (path.startsWith("subscriber"))
      fixes.set("subscriber", {
        key: "subscriber",
        to: `${insurance}&claim=${claim.id}`,
        label: "Fix the subscriber on the client's insurance policy",
      });
    else if (path.startsWith("patient"))
      fixes.set("patient", {
        key: "patient",
        to: `/p/${practiceId}/clients/${claim.clientId}?tab=profile`,
        label: "Fix the client's profile",
      });
    else if (path.startsWith("payer"))
      fixes.set("payer", {
        key: "payer",
        to: `/p/${practiceId}/setup/payers?edit=${claim.payerId}`,
        label: "Fix the payer under Setup",
      });
    else if (/^(rendering|referring)Provider/.test(path))
      fixes.set("provider", {
        key: "provider",
        to: `/p/${practiceId}/setup/providers`,
        label: "Fix the provider under Setup",
      });
  }
  return [...fixes.values()];
};

/** Links from a Scrubber Rejected claim to the screens that fix what blocked it. */
export const ScrubFixes = ({ claim }: { claim: Claim }) => {
  const { practiceId, can } = usePractice();
  if (claim.status !== "scrubber_rejected") return null;
  const fixes = scrubFixes(practiceId, claim).filter((f) =>
    f.key === "payer" || f.key === "provider" ? can("billing:write") : can("clients:write"),
  );
  if (fixes.length === 0) return null;
  return (
    <nav aria-label="Fix what the scrubber rejected" className="alert alert-warning scrub-fixes">
      <p>The scrubber rejected this claim. Fix the data it names, then re-scrub:</p>
      <ul className="plain-list">
        {fixes.map((f) => (
          <li key={f.key}>
            <Link className="btn btn-small" to={f.to}>
              {f.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};
