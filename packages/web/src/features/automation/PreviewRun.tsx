import type { AutomationKind } from "@billcycle/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { api, unwrap } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading } from "../../components/feedback";
import { formatInstant, words } from "../../lib/format";

const PreviewBody = ({ kind }: { kind: AutomationKind }) => {
  const { practiceId, display } = usePractice();
  const preview = useQuery({
    queryKey: [practiceId, "automation-preview", kind],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/automation/{automation}/preview", {
          params: { path: { practiceId, automation: kind } },
        }),
      ),
    staleTime: 0,
  });
  if (preview.isPending) return <Loading label="Working out what the next run would do…" />;
  if (preview.isError) return <ErrorAlert error={preview.error} />;
  const p = preview.data;
  const reasons = Object.entries(p.byReason).sort((a, b) => b[1] - a[1]);
  return (
    <div className="dialog-body">
      <p>
        {p.enabled
          ? `The next run, ${formatInstant(p.runAt, display)},`
          : "A run now (the automation is off)"}{" "}
        would act on <strong>{p.wouldDo}</strong> item{p.wouldDo === 1 ? "" : "s"} and leave{" "}
        <strong>{p.wouldSkip}</strong>.
      </p>
      {reasons.length ? (
        <>
          <h3>Left alone, by reason</h3>
          <ul className="plain-list">
            {reasons.map(([code, n]) => (
              <li key={code}>
                {words(code)}: {n}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">Nothing is changed by a preview.</p>
    </div>
  );
};

/** "What would the next run do?", computed by the server with the run's own decisions and nothing written. */
export const PreviewRun = ({ kind, title }: { kind: AutomationKind; title: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="btn btn-small" onPress={() => setOpen(true)}>
        Preview the next run
      </Button>
      <ModalDialog title={`${title}: the next run`} isOpen={open} onOpenChange={setOpen}>
        {open ? <PreviewBody kind={kind} /> : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={() => setOpen(false)}>
            Close
          </Button>
        </div>
      </ModalDialog>
    </>
  );
};
