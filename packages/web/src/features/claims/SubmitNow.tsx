import { useState } from "react";
import { Button, Checkbox } from "react-aria-components";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { Notice } from "../../components/feedback";
import { type SubmitResult, useSubmitClaims } from "./claims-api";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const summary = (r: SubmitResult) =>
  `${plural(r.considered, "claim")} considered: ${r.submitted} ${r.submitted === 1 ? "goes" : "go"} out in ${plural(r.files, "file")}, ${r.scrubberRejected} rejected by the scrubber, ${r.excluded} excluded by rules.`;

/** The claims a run leaves for later and why: resting their day (one step per day), or held by a rule. */
const HeldClaims = ({ held }: { held: SubmitResult["held"] }) => {
  const total = held.resting + held.excluded;
  if (total === 0) return null;
  return (
    <div className="held-claims">
      <p>
        {plural(total, "claim")} held:{" "}
        {[
          held.resting ? `${held.resting} resting their day (created today, sent at the next run)` : null,
          held.excluded ? `${held.excluded} excluded by a rule` : null,
        ]
          .filter(Boolean)
          .join(", ")}
        .
      </p>
      <ul aria-label="Held claims" className="plain-list">
        {held.claims.map((c) => (
          <li key={c.claimId}>
            {c.patientControlNumber}: {c.message}
          </li>
        ))}
      </ul>
      {held.claims.length < total ? <p className="muted">and {total - held.claims.length} more.</p> : null}
    </div>
  );
};

/**
 * Runs Claims Submission now instead of tonight, recorded in Automation runs as a manual run. Opening it runs a
 * dry run first (scrub and build the 837P, nothing stored or sent), so the confirmation says what will happen,
 * which claims are held and why, and offers to send those too.
 */
export const SubmitNow = () => {
  const { practiceId, can } = usePractice();
  const preview = useSubmitClaims(practiceId);
  const submit = useSubmitClaims(practiceId);
  const [open, setOpen] = useState(false);
  const [sendHeld, setSendHeld] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!can("billing:write")) return null;
  const previewWith = (held: boolean) => {
    setSendHeld(held);
    preview.mutate({ dryRun: true, sendHeld: held });
  };
  return (
    <>
      <Button
        className="btn btn-primary"
        onPress={() => {
          setNotice(null);
          submit.reset();
          setOpen(true);
          previewWith(false);
        }}
      >
        Submit now
      </Button>
      {notice ? <Notice>{notice}</Notice> : null}
      <ConfirmDialog
        isOpen={open}
        title="Submit claims now?"
        confirmLabel="Submit claims"
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          try {
            const r = await submit.mutateAsync({ dryRun: false, sendHeld });
            setNotice(
              `Claims Submission ran: ${r.submitted} submitted in ${plural(r.files, "file")}, ${r.scrubberRejected} rejected by the scrubber${r.delivery && r.delivery !== "sent" && r.files ? ` (delivery: ${r.delivery})` : ""}. It is listed in Automation runs as a manual run.`,
            );
            setOpen(false);
          } catch {
            // shown in the dialog
          }
        }}
        isPending={submit.isPending}
        error={submit.isError ? errorText(submit.error) : null}
      >
        <p>
          Claims awaiting submission go through the claim scrubber now, and those that pass are sent to the
          clearinghouse in one 837P file, as tonight&apos;s run would.
        </p>
        <p role="status">
          {preview.isPending
            ? "Checking what would go out…"
            : preview.isError
              ? `The preview failed: ${errorText(preview.error)}`
              : preview.data
                ? `Preview: ${summary(preview.data)}`
                : ""}
        </p>
        {preview.data && !sendHeld ? <HeldClaims held={preview.data.held} /> : null}
        {preview.data && (preview.data.held.resting + preview.data.held.excluded > 0 || sendHeld) ? (
          <Checkbox className="checkbox" isSelected={sendHeld} onChange={previewWith}>
            <span className="checkbox-box" aria-hidden="true" /> Send the held claims too
          </Checkbox>
        ) : null}
      </ConfirmDialog>
    </>
  );
};
