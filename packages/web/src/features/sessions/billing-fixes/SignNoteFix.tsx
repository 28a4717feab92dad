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
    mutationFn: () =>
      note
        ? unwrap(
            api.PATCH("/api/v1/practices/{practiceId}/progress-notes/{id}", {
              params: { path: { practiceId, id: note.id } },
              body: { signed: true, signedByProviderId: appointment.providerId, version: note.version },
            }),
          )
        : unwrap(
            api.POST("/api/v1/practices/{practiceId}/progress-notes", {
              params: { path: { practiceId } },
              body: {
                appointmentId: appointment.id,
                signed: true,
                signedByProviderId: appointment.providerId,
              },
            }),
          ),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const provider = directory?.providers.get(appointment.providerId);
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
          The note is signed as{" "}
          {provider ? `${provider.firstName} ${provider.lastName}` : "the session's provider"}, the session's
          provider, and billcycle records when. A signed note is what your practice requires before a session
          is billed.
        </p>
      </ConfirmDialog>
    </>
  );
};
