import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { api, unwrap } from "../../../api/client";
import { usePractice } from "../../../app/practice-context";
import { ModalDialog } from "../../../components/dialog";
import { SelectField } from "../../../components/fields";
import { useInvalidateBilling } from "../sessions-api";
import { DialogButtons, type FixProps, FormError } from "./dialog-parts";

/** Adds a billable service to the session. */
export const AddServiceFix = ({ appointment, directory }: FixProps) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/practices/{practiceId}/appointments/{id}", {
          params: { path: { practiceId, id: appointment.id } },
          body: {
            services: [
              ...appointment.services.map((s) => ({
                serviceId: s.serviceId,
                units: s.units,
                modifiers: s.modifiers,
              })),
              { serviceId: serviceId ?? "" },
            ],
            version: appointment.version,
          },
        }),
      ),
    onSuccess: async () => {
      await invalidate();
      setOpen(false);
    },
  });
  const services = [...(directory?.services.values() ?? [])].map((s) => ({
    id: s.id,
    label: `${s.code} — ${s.description}`,
  }));
  return (
    <>
      <Button className="btn btn-small btn-primary" onPress={() => setOpen(true)}>
        Add a service
      </Button>
      <ModalDialog title="Add a billable service" isOpen={open} onOpenChange={setOpen}>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          className="stack"
        >
          <SelectField
            label="Service"
            options={services}
            value={serviceId}
            onChange={setServiceId}
            isRequired
          />
          <FormError error={add.error} />
          <DialogButtons onCancel={() => setOpen(false)} submitLabel="Add service" pending={add.isPending} />
        </Form>
      </ModalDialog>
    </>
  );
};
