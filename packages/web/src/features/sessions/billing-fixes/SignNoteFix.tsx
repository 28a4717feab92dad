import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { api, errorText, unwrap } from "../../../api/client";
import { usePractice } from "../../../app/practice-context";
import { ConfirmDialog } from "../../../components/dialog";
import { useInvalidateBilling } from "../sessions-api";
import type { FixProps } from "./dialog-parts";

/** Sign the session's progress note (writing it first when there is none). */
export const SignNoteFix = ({ appointment, note, directory, label }: FixProps & { label: string }) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const sign = useMutation({
    // Signed as the user: the server refuses anyone but the session's provider or a supervisor (NOT_NOTE_AUTHOR).
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/appointments/{id}/note/sign", {
          params: { path: { practiceId, id: appointment.id } },
        }),
      ),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const provider = directory?.providers.get(appointment.providerId);
  if (note?.signed) return null;
  return (
    <>
      <Button className="btn btn-small btn-primary" onPress={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={note ? "Sign the progress note?" : "Write and sign the progress note?"}
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
          The note is signed by you for{" "}
          {provider ? `${provider.firstName} ${provider.lastName}` : "the session's provider"}, the session's
          provider: only that provider or a supervisor may sign it, and billcycle records who signed and when.
        </p>
      </ConfirmDialog>
    </>
  );
};

/** A biller cannot sign a clinician's note: this asks the session's provider to sign it (they see the request). */
export const RequestSignatureFix = ({ appointment, directory }: FixProps) => {
  const { practiceId } = usePractice();
  const provider = directory?.providers.get(appointment.providerId);
  const who = provider ? `${provider.firstName} ${provider.lastName}` : "the session's provider";
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/appointments/{id}/note/signature-request", {
          params: { path: { practiceId, id: appointment.id } },
          body: {},
        }),
      ),
  });
  if (ask.isSuccess) return <span role="status">Asked {who} to sign the note.</span>;
  return (
    <>
      <Button className="btn btn-small" isPending={ask.isPending} onPress={() => ask.mutate()}>
        Ask {who} to sign
      </Button>
      {ask.isError ? <span role="alert">{errorText(ask.error)}</span> : null}
    </>
  );
};
