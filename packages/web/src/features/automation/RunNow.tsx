import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { api, errorText, unwrap } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";

/** "Bill now": today's run of Invoice Creation or Invoice Processing, queued at once and listed as manual. */
export const RunNow = ({
  kind,
  title,
}: {
  kind: "invoice_creation" | "invoice_processing";
  title: string;
}) => {
  const { practiceId } = usePractice();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [queued, setQueued] = useState(false);
  const run = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/automation/{automation}/run-now", {
          params: { path: { practiceId, automation: kind } },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      setQueued(true);
      await queryClient.invalidateQueries({ queryKey: [practiceId, "automation-runs"] });
    },
  });
  return (
    <>
      <Button className="btn btn-small" onPress={() => setOpen(true)}>
        Run now
      </Button>
      {queued ? (
        <p role="status" className="muted">
          {title} is running now; it appears in Automation runs as a manual run.
        </p>
      ) : null}
      <ConfirmDialog
        isOpen={open}
        title={`Run ${title} now?`}
        confirmLabel="Run now"
        onCancel={() => {
          run.reset();
          setOpen(false);
        }}
        onConfirm={() => run.mutate()}
        isPending={run.isPending}
        error={run.isError ? errorText(run.error) : null}
      >
        <p>
          The same run as tonight's, for today, starts now — whether or not the nightly automation is on.
          Nothing already done is done twice.
        </p>
      </ConfirmDialog>
    </>
  );
};
