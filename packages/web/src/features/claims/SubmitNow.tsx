import { useState } from "react";
import { Button } from "react-aria-components";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { Notice } from "../../components/feedback";
import { type SubmitResult, useSubmitClaims } from "./claims-api";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const summary = (r: SubmitResult) =>
  `${plural(r.considered, "claim")} considered: ${r.submitted} ${r.submitted === 1 ? "goes" : "go"} out in ${plural(r.files, "file")}, ${r.scrubberRejected} rejected by the scrubber, ${r.excluded} excluded by rules.`;

/**
 * Runs Claims Submission now instead of tonight. Opening it runs a dry run first (scrub and build the 837P,
 * nothing stored or sent), so the confirmation says what will happen.
 */
export const SubmitNow = () => {
  const { practiceId, can } = usePractice();
  const preview = useSubmitClaims(practiceId);
  const submit = useSubmitClaims(practiceId);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!can("billing:write")) return null;
  return (
    <>
      <Button
        className="btn btn-primary"
        onPress={() => {
          setNotice(null);
          submit.reset();
          setOpen(true);
          preview.mutate(true);
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
            const r = await submit.mutateAsync(false);
            setNotice(
              `Claims Submission ran: ${r.submitted} submitted in ${plural(r.files, "file")}, ${r.scrubberRejected} rejected by the scrubber${r.delivery && r.delivery !== "sent" && r.files ? ` (delivery: ${r.delivery})` : ""}.`,
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
      </ConfirmDialog>
    </>
  );
};
