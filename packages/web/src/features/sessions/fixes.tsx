import type { SkipReasonCode } from "@billcycle/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { Link } from "react-router";
import { api, errorText, unwrap } from "../../api/client";
import { type Directory, directoryKey } from "../../api/directory";
import type { Appointment, ProgressNote } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { SelectField, TextInput } from "../../components/fields";
import { useInvalidateBilling } from "./sessions-api";

type FixProps = { appointment: Appointment; note: ProgressNote | null; directory: Directory | undefined };

const FormError = ({ error }: { error: unknown }) =>
  error ? (
    <p role="alert" className="alert alert-error">
      {errorText(error)}
    </p>
  ) : null;

const DialogButtons = ({
  onCancel,
  submitLabel,
  pending,
}: {
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
}) => (
  <div className="dialog-actions">
    <Button className="btn" onPress={onCancel}>
      Cancel
    </Button>
    <Button type="submit" className="btn btn-primary" isPending={pending}>
      {submitLabel}
    </Button>
  </div>
);

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

const AddDiagnosisFix = ({ appointment }: FixProps) => {
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

const AddInsuranceFix = ({ appointment, directory }: FixProps) => {
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

const AddAddressFix = ({ appointment, directory }: FixProps) => {
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

const AddServiceFix = ({ appointment, directory }: FixProps) => {
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

/**
 * What fixes a reason, for the roles that may fix it: an action right here, or a link to the screen that does.
 * Reasons without one (a future date, a fee the practice does not charge) say in words what would change them.
 */
export const FixAction = ({ code, ...props }: FixProps & { code: SkipReasonCode }) => {
  const { practiceId, can } = usePractice();
  switch (code) {
    case "NOTE_NOT_SIGNED":
      return can("clinical:write") ? <SignNoteFix {...props} label="Sign the progress note" /> : null;
    case "NO_PROGRESS_NOTE":
      return can("clinical:write") ? <SignNoteFix {...props} label="Write and sign the note" /> : null;
    case "NO_DIAGNOSIS":
      return can("clients:write") ? <AddDiagnosisFix {...props} /> : null;
    case "NO_ACTIVE_POLICY":
      return can("clients:write") ? <AddInsuranceFix {...props} /> : null;
    case "NO_ADDRESS":
      return can("clients:write") ? <AddAddressFix {...props} /> : null;
    case "NO_BILLABLE_SERVICE":
      return can("clients:write") ? <AddServiceFix {...props} /> : null;
    case "EXCLUDED_BY_RULE":
    case "AUTOMATION_DISABLED":
    case "BEFORE_START_DATE":
      return (
        <Link className="btn btn-small" to={`/p/${practiceId}/settings/automation`}>
          Open automation settings
        </Link>
      );
    default:
      return null;
  }
};
