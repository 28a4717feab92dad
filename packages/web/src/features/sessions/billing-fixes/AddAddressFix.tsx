import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { api, unwrap } from "../../../api/client";
import { directoryKey } from "../../../api/directory";
import { usePractice } from "../../../app/practice-context";
import { ModalDialog } from "../../../components/dialog";
import { TextInput } from "../../../components/fields";
import { useInvalidateBilling } from "../sessions-api";
import { DialogButtons, type FixProps, FormError } from "./dialog-parts";

/** Adds the client's address, which a claim must carry. */
export const AddAddressFix = ({ appointment, directory }: FixProps) => {
  const { practiceId } = usePractice();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const [a, setA] = useState({ line1: "", city: "", state: "", zip: "" });
  const add = useMutation({
    mutationFn: async () => {
      const client = await unwrap(
        api.GET("/api/v1/practices/{practiceId}/clients/{id}", {
          params: { path: { practiceId, id: appointment.clientId } },
        }),
      );
      return unwrap(
        api.PATCH("/api/v1/practices/{practiceId}/clients/{id}", {
          params: { path: { practiceId, id: appointment.clientId } },
          body: {
            address: {
              line1: a.line1.trim(),
              city: a.city.trim(),
              state: a.state.trim().toUpperCase(),
              zip: a.zip.trim(),
            },
            version: client.version,
          },
        }),
      );
    },
    onSuccess: async () => {
      await Promise.all([
        invalidate(),
        queryClient.invalidateQueries({ queryKey: directoryKey(practiceId) }),
      ]);
      setOpen(false);
    },
  });
  const client = directory?.clients.get(appointment.clientId);
  return (
    <>
      <Button className="btn btn-small btn-primary" onPress={() => setOpen(true)}>
        Add the address
      </Button>
      <ModalDialog
        title={`Address of ${client ? `${client.firstName} ${client.lastName}` : "the client"}`}
        isOpen={open}
        onOpenChange={setOpen}
      >
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          className="stack"
        >
          <TextInput label="Street" value={a.line1} onChange={(line1) => setA({ ...a, line1 })} isRequired />
          <div className="field-row">
            <TextInput label="City" value={a.city} onChange={(city) => setA({ ...a, city })} isRequired />
            <TextInput
              label="State"
              value={a.state}
              onChange={(state) => setA({ ...a, state })}
              isRequired
              placeholder="TX"
              maxLength={2}
            />
            <TextInput label="ZIP" value={a.zip} onChange={(zip) => setA({ ...a, zip })} isRequired />
          </div>
          <FormError error={add.error} />
          <DialogButtons onCancel={() => setOpen(false)} submitLabel="Save address" pending={add.isPending} />
        </Form>
      </ModalDialog>
    </>
  );
};
