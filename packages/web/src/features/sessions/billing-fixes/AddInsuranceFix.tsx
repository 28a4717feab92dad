import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { api, unwrap } from "../../../api/client";
import { usePractice } from "../../../app/practice-context";
import { ModalDialog } from "../../../components/dialog";
import { SelectField, TextInput } from "../../../components/fields";
import { useInvalidateBilling } from "../sessions-api";
import { DialogButtons, type FixProps, FormError } from "./dialog-parts";

/** Adds the client's primary insurance policy, so the session can be billed to the payer. */
export const AddInsuranceFix = ({ appointment, directory }: FixProps) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const [payerId, setPayerId] = useState<string | null>(null);
  const [memberId, setMemberId] = useState("");
  const [groupNumber, setGroupNumber] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(appointment.dateOfService);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/insurance-policies", {
          params: { path: { practiceId } },
          body: {
            clientId: appointment.clientId,
            payerId: payerId ?? "",
            rank: "primary",
            memberId: memberId.trim(),
            groupNumber: groupNumber.trim() || null,
            subscriberRelationship: "self",
            effectiveFrom,
          },
        }),
      ),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const payers = [...(directory?.payers.values() ?? [])].map((p) => ({ id: p.id, label: p.name }));
  return (
    <>
      <Button className="btn btn-small btn-primary" onPress={() => setOpen(true)}>
        Add insurance
      </Button>
      <ModalDialog title="Add primary insurance" isOpen={open} onOpenChange={setOpen}>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          className="stack"
        >
          <SelectField label="Payer" options={payers} value={payerId} onChange={setPayerId} isRequired />
          <TextInput label="Member ID" value={memberId} onChange={setMemberId} isRequired />
          <TextInput label="Group number (optional)" value={groupNumber} onChange={setGroupNumber} />
          <TextInput
            label="Effective from"
            type="date"
            value={effectiveFrom}
            onChange={setEffectiveFrom}
            isRequired
            description="On or before the date of service."
          />
          <p className="muted">The client is the subscriber (for another subscriber, use the API).</p>
          <FormError error={add.error} />
          <DialogButtons
            onCancel={() => setOpen(false)}
            submitLabel="Add insurance"
            pending={add.isPending}
          />
        </Form>
      </ModalDialog>
    </>
  );
};
