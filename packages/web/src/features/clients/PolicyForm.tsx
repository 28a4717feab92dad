import { useState } from "react";
import { Button, Form } from "react-aria-components";
import type { Payer } from "../../api/models";
import type { components } from "../../api/schema";
import { SelectField, TextInput } from "../../components/fields";
import { FormAlert, fieldErrors } from "../../components/form";
import { sexOptions } from "./ClientForm";
import type { PolicyBody } from "./clients-api";

export type Policy = components["schemas"]["insurance_policy"];

export const rankOptions = [
  { id: "primary", label: "Primary" },
  { id: "secondary", label: "Secondary" },
  { id: "tertiary", label: "Tertiary" },
] as const;

/** The client's relationship to the policy holder (the 837P's patient relationship). */
export const relationshipOptions = [
  { id: "self", label: "The client is the subscriber" },
  { id: "spouse", label: "Client is the subscriber's spouse" },
  { id: "child", label: "Client is the subscriber's child" },
  { id: "other", label: "Other relationship to the subscriber" },
] as const;

type Draft = {
  payerId: string | null;
  rank: Policy["rank"];
  memberId: string;
  groupNumber: string;
  effectiveFrom: string;
  effectiveTo: string;
  subscriberRelationship: Policy["subscriberRelationship"];
  subscriberFirstName: string;
  subscriberLastName: string;
  subscriberDateOfBirth: string;
  subscriberSex: "F" | "M" | "U";
};

const draftOf = (p: Policy | null, defaults: { rank: Policy["rank"]; effectiveFrom: string }): Draft => ({
  payerId: p?.payerId ?? null,
  rank: p?.rank ?? defaults.rank,
  memberId: p?.memberId ?? "",
  groupNumber: p?.groupNumber ?? "",
  effectiveFrom: p?.effectiveFrom ?? defaults.effectiveFrom,
  effectiveTo: p?.effectiveTo ?? "",
  subscriberRelationship: p?.subscriberRelationship ?? "self",
  subscriberFirstName: p?.subscriber?.firstName ?? "",
  subscriberLastName: p?.subscriber?.lastName ?? "",
  subscriberDateOfBirth: p?.subscriber?.dateOfBirth ?? "",
  subscriberSex: p?.subscriber?.sex ?? "U",
});

/** The body for a draft; the subscriber's demographics go only when someone other than the client holds it. */
const bodyOf = (d: Draft, clientId: string, existing: Policy | null): PolicyBody => ({
  clientId,
  payerId: d.payerId ?? "",
  rank: d.rank,
  memberId: d.memberId.trim(),
  groupNumber: d.groupNumber.trim() || null,
  effectiveFrom: d.effectiveFrom,
  effectiveTo: d.effectiveTo || null,
  subscriberRelationship: d.subscriberRelationship,
  subscriber:
    d.subscriberRelationship === "self"
      ? null
      : {
          firstName: d.subscriberFirstName.trim(),
          lastName: d.subscriberLastName.trim(),
          dateOfBirth: d.subscriberDateOfBirth,
          sex: d.subscriberSex,
          // Keep an address entered through the API; the form does not edit it.
          ...(existing?.subscriber?.address ? { address: existing.subscriber.address } : {}),
        },
});

const paths = [
  "payerId",
  "rank",
  "memberId",
  "groupNumber",
  "effectiveFrom",
  "effectiveTo",
  "subscriberRelationship",
  "subscriber",
  "subscriber.firstName",
  "subscriber.lastName",
  "subscriber.dateOfBirth",
  "subscriber.sex",
] as const;

/**
 * An insurance policy: payer, rank, member id, group, dates, and who holds it — the client, or a subscriber
 * (spouse, parent…) whose name, date of birth and sex go on the claim.
 */
export const PolicyForm = ({
  clientId,
  policy,
  payers,
  defaults,
  submitLabel,
  onSubmit,
  error,
  isPending,
  onCancel,
  focus,
}: {
  clientId: string;
  policy: Policy | null;
  payers: Payer[];
  defaults: { rank: Policy["rank"]; effectiveFrom: string };
  submitLabel: string;
  onSubmit: (body: PolicyBody) => void;
  error: unknown;
  isPending: boolean;
  onCancel: () => void;
  /** The field to start in (the member id, when fixing one the scrubber rejected). */
  focus?: "memberId";
}) => {
  const [d, setDraft] = useState(() => draftOf(policy, defaults));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((x) => ({ ...x, [key]: value }));
  const errors = fieldErrors(error);
  const payerOptions = payers
    .map((p) => ({ id: p.id, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Form
      validationBehavior="aria"
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(bodyOf(d, clientId, policy));
      }}
    >
      <div className="form-grid">
        <SelectField
          label="Payer"
          options={payerOptions}
          value={d.payerId}
          onChange={set("payerId")}
          isRequired
          errorMessage={errors.payerId}
        />
        <SelectField
          label="Rank"
          options={rankOptions}
          value={d.rank}
          onChange={set("rank")}
          errorMessage={errors.rank}
        />
        <TextInput
          label="Member ID"
          value={d.memberId}
          onChange={set("memberId")}
          isRequired
          autoFocus={focus === "memberId"}
          description="As printed on the insurance card."
          errorMessage={errors.memberId}
        />
        <TextInput
          label="Group number (optional)"
          value={d.groupNumber}
          onChange={set("groupNumber")}
          errorMessage={errors.groupNumber}
        />
        <TextInput
          label="Effective from"
          type="date"
          value={d.effectiveFrom}
          onChange={set("effectiveFrom")}
          isRequired
          errorMessage={errors.effectiveFrom}
        />
        <TextInput
          label="Effective to (optional)"
          type="date"
          value={d.effectiveTo}
          onChange={set("effectiveTo")}
          description="Blank while the coverage lasts."
          errorMessage={errors.effectiveTo}
        />
      </div>
      <fieldset className="form-section">
        <legend>Subscriber (policy holder)</legend>
        <SelectField
          label="Subscriber"
          options={relationshipOptions}
          value={d.subscriberRelationship}
          onChange={set("subscriberRelationship")}
          errorMessage={errors.subscriberRelationship}
        />
        {errors.subscriber ? <p className="inline-error">{errors.subscriber}</p> : null}
        {d.subscriberRelationship !== "self" ? (
          <div className="form-grid">
            <TextInput
              label="Subscriber first name"
              value={d.subscriberFirstName}
              onChange={set("subscriberFirstName")}
              isRequired
              errorMessage={errors["subscriber.firstName"]}
            />
            <TextInput
              label="Subscriber last name"
              value={d.subscriberLastName}
              onChange={set("subscriberLastName")}
              isRequired
              errorMessage={errors["subscriber.lastName"]}
            />
            <TextInput
              label="Subscriber date of birth"
              type="date"
              value={d.subscriberDateOfBirth}
              onChange={set("subscriberDateOfBirth")}
              isRequired
              errorMessage={errors["subscriber.dateOfBirth"]}
            />
            <SelectField
              label="Subscriber sex"
              options={sexOptions}
              value={d.subscriberSex}
              onChange={set("subscriberSex")}
              errorMessage={errors["subscriber.sex"]}
            />
          </div>
        ) : null}
      </fieldset>
      <FormAlert error={error} shown={paths} />
      <div className="dialog-actions">
        <Button className="btn" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="btn btn-primary" isPending={isPending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
};
