import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { Link } from "react-router";
import { api, errorText, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorAlert } from "../../components/feedback";
import { Section } from "../../components/page";
import { formatInstant, formatLocalDate, formatTime } from "../../lib/format";
import { useInvalidateBilling } from "./sessions-api";

type SignatureRequest = components["schemas"]["NoteSignatureRequest"];

// Under "progress-note" so that signing anywhere (here or on the session) refreshes the list.
const requestsKey = (practiceId: string) => [practiceId, "progress-note", "signature-requests", "mine"];

const useMySignatureRequests = (practiceId: string, enabled: boolean) =>
  useQuery({
    queryKey: requestsKey(practiceId),
    enabled,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/note-signature-requests", {
          params: { path: { practiceId }, query: { mine: "true" } },
        }),
      ),
  });

const SignRequested = ({ request, label }: { request: SignatureRequest; label: string }) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const sign = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/appointments/{id}/note/sign", {
          params: { path: { practiceId, id: request.appointmentId } },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      await invalidate();
    },
  });
  return (
    <>
      <Button
        className="btn btn-small btn-primary"
        aria-label={`Sign ${label}`}
        onPress={() => setOpen(true)}
      >
        Sign
      </Button>
      <ConfirmDialog
        isOpen={open}
        title="Sign the progress note?"
        confirmLabel="Sign note"
        onCancel={() => {
          sign.reset();
          setOpen(false);
        }}
        onConfirm={() => sign.mutate()}
        isPending={sign.isPending}
        error={sign.isError ? errorText(sign.error) : null}
      >
        <p>
          You sign the note of {label} as {request.provider.name}'s author; billcycle records who signed and
          when, and the session can be billed.
        </p>
      </ConfirmDialog>
    </>
  );
};

/**
 * A clinician's open signature requests: the notes a biller asked them to sign (the sessions of the providers
 * linked to their user), each signed here or opened. Shown only to those who may sign, and only when there are any.
 */
export const SignatureRequests = () => {
  const { practiceId, can, display } = usePractice();
  const enabled = can("clinical:write");
  const requests = useMySignatureRequests(practiceId, enabled);
  if (!enabled || requests.isPending) return null;
  if (requests.isError) return <ErrorAlert error={requests.error} />;
  const rows = requests.data.data;
  if (rows.length === 0) return null;
  return (
    <Section title="Signature requests">
      <p className="muted">
        {rows.length === 1 ? "A note waits" : `${rows.length} notes wait`} for your signature before the
        session can be billed.
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Notes you were asked to sign</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Provider</th>
              <th scope="col">Asked by</th>
              <th scope="col">Message</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = `${r.client.name} on ${formatLocalDate(r.dateOfService, display)}`;
              return (
                <tr key={r.id}>
                  <td>
                    <Link
                      to={`/p/${practiceId}/sessions/${r.appointmentId}`}
                      aria-label={`Session: ${label}`}
                    >
                      {r.client.name}
                    </Link>{" "}
                    <span className="nowrap muted">
                      {formatLocalDate(r.dateOfService, display)} · {formatTime(r.startsAt, display)}
                    </span>
                  </td>
                  <td>{r.provider.name}</td>
                  <td>
                    {r.requestedBy} <span className="muted">{formatInstant(r.createdAt, display)}</span>
                  </td>
                  <td>{r.message ?? <span className="muted">—</span>}</td>
                  <td>
                    <SignRequested request={r} label={label} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
};
