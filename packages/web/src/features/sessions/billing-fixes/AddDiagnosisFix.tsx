import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { api, unwrap } from "../../../api/client";
import { usePractice } from "../../../app/practice-context";
import { ModalDialog } from "../../../components/dialog";
import { TextInput } from "../../../components/fields";
import { useInvalidateBilling } from "../sessions-api";
import { DialogButtons, type FixProps, FormError } from "./dialog-parts";

/** Adds a diagnosis to the client, the one a claim for the session needs. */
export const AddDiagnosisFix = ({ appointment }: FixProps) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");
  const add = useMutation({
    mutationFn: async () => {
      const existing = await unwrap(
        api.GET("/api/v1/practices/{practiceId}/diagnoses", {
          params: { path: { practiceId }, query: { clientId: appointment.clientId, limit: 20 } },
        }),
      );
      const rank = Math.min(12, existing.data.reduce((max, d) => Math.max(max, d.rank), 0) + 1);
      return unwrap(
        api.POST("/api/v1/practices/{practiceId}/diagnoses", {
          params: { path: { practiceId } },
          body: {
            clientId: appointment.clientId,
            code: code.trim(),
            description: description.trim() || null,
            rank,
          },
        }),
      );
    },
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <>
      <Button className="btn btn-small btn-primary" onPress={() => setOpen(true)}>
        Add a diagnosis
      </Button>
      <ModalDialog title="Add a diagnosis" isOpen={open} onOpenChange={setOpen}>
        <Form onSubmit={submit} className="stack">
          <TextInput
            label="ICD-10-CM code"
            value={code}
            onChange={setCode}
            isRequired
            placeholder="F41.1"
            description="The client's diagnosis, used on insurance claims."
            autoFocus
          />
          <TextInput label="Description (optional)" value={description} onChange={setDescription} />
          <FormError error={add.error} />
          <DialogButtons
            onCancel={() => setOpen(false)}
            submitLabel="Add diagnosis"
            pending={add.isPending}
          />
        </Form>
      </ModalDialog>
    </>
  );
};
