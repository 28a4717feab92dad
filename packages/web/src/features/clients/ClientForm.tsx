import { useState } from "react";
import { Button, Form } from "react-aria-components";
import type { Client } from "../../api/models";
import { SelectField, TextInput } from "../../components/fields";
import { CheckboxField, FormAlert, fieldErrors } from "../../components/form";
import type { ClientBody } from "./clients-api";

export const sexOptions = [
  { id: "F", label: "Female" },
  { id: "M", label: "Male" },
  { id: "U", label: "Unknown" },
] as const;

const paysByOptions = [
  { id: "insurance", label: "Insurance" },
  { id: "self_pay", label: "Self-pay" },
] as const;

const guarantorRelationships = [
  { id: "parent", label: "Parent" },
  { id: "spouse", label: "Spouse" },
  { id: "guardian", label: "Guardian" },
  { id: "other", label: "Other" },
  { id: "self", label: "Self" },
] as const;

type Guarantor = NonNullable<Client["guarantor"]>;

type Draft = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: Client["sex"];
  paysBy: Client["paysBy"];
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  emailOptIn: boolean;
  smsOptIn: boolean;
  hasGuarantor: boolean;
  guarantorFirstName: string;
  guarantorLastName: string;
  guarantorRelationship: Guarantor["relationship"];
  guarantorEmail: string;
  guarantorPhone: string;
};

const draftOf = (c: Client | null): Draft => ({
  firstName: c?.firstName ?? "",
  lastName: c?.lastName ?? "",
  dateOfBirth: c?.dateOfBirth ?? "",
  sex: c?.sex ?? "U",
  paysBy: c?.paysBy ?? "insurance",
  email: c?.email ?? "",
  phone: c?.phone ?? "",
  line1: c?.address?.line1 ?? "",
  line2: c?.address?.line2 ?? "",
  city: c?.address?.city ?? "",
  state: c?.address?.state ?? "",
  zip: c?.address?.zip ?? "",
  emailOptIn: c?.emailOptIn ?? true,
  smsOptIn: c?.smsOptIn ?? false,
  hasGuarantor: !!c?.guarantor,
  guarantorFirstName: c?.guarantor?.firstName ?? "",
  guarantorLastName: c?.guarantor?.lastName ?? "",
  guarantorRelationship: c?.guarantor?.relationship ?? "parent",
  guarantorEmail: c?.guarantor?.email ?? "",
  guarantorPhone: c?.guarantor?.phone ?? "",
});

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** The request body of a draft: blank optional fields are null (cleared), an all-blank address is none. */
const bodyOf = (d: Draft): ClientBody => {
  const address = [d.line1, d.line2, d.city, d.state, d.zip].every((v) => v.trim() === "")
    ? null
    : {
        line1: d.line1.trim(),
        ...(d.line2.trim() ? { line2: d.line2.trim() } : {}),
        city: d.city.trim(),
        state: d.state.trim().toUpperCase(),
        zip: d.zip.trim(),
      };
  const guarantor: Guarantor | null = d.hasGuarantor
    ? {
        firstName: d.guarantorFirstName.trim(),
        lastName: d.guarantorLastName.trim(),
        relationship: d.guarantorRelationship,
        ...(d.guarantorEmail.trim() ? { email: d.guarantorEmail.trim() } : {}),
        ...(d.guarantorPhone.trim() ? { phone: d.guarantorPhone.trim() } : {}),
      }
    : null;
  return {
    firstName: d.firstName.trim(),
    lastName: d.lastName.trim(),
    dateOfBirth: d.dateOfBirth,
    sex: d.sex,
    paysBy: d.paysBy,
    email: orNull(d.email),
    phone: orNull(d.phone),
    address,
    emailOptIn: d.emailOptIn,
    smsOptIn: d.smsOptIn,
    guarantor,
  };
};

/** The API field path each input answers for (its coded errors show beside it). */
const paths = [
  "firstName",
  "lastName",
  "dateOfBirth",
  "sex",
  "paysBy",
  "email",
  "phone",
  "address",
  "address.line1",
  "address.line2",
  "address.city",
  "address.state",
  "address.zip",
  "guarantor.firstName",
  "guarantor.lastName",
  "guarantor.relationship",
  "guarantor.email",
  "guarantor.phone",
] as const;

/**
 * A client's profile: demographics, contact, address, communication preferences and guarantor. Used to create a
 * client and to edit one; the API's coded errors show next to the fields they name.
 */
export const ClientForm = ({
  client,
  submitLabel,
  onSubmit,
  error,
  isPending,
  onCancel,
}: {
  client: Client | null;
  submitLabel: string;
  onSubmit: (body: ClientBody) => void;
  error: unknown;
  isPending: boolean;
  onCancel?: () => void;
}) => {
  const [d, setDraft] = useState(() => draftOf(client));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((x) => ({ ...x, [key]: value }));
  const errors = fieldErrors(error);
  return (
    <Form
      validationBehavior="aria"
      className="stack client-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(bodyOf(d));
      }}
    >
      <fieldset className="form-section">
        <legend>Demographics</legend>
        <div className="form-grid">
          <TextInput
            label="First name"
            value={d.firstName}
            onChange={set("firstName")}
            isRequired
            errorMessage={errors.firstName}
          />
          <TextInput
            label="Last name"
            value={d.lastName}
            onChange={set("lastName")}
            isRequired
            errorMessage={errors.lastName}
          />
          <TextInput
            label="Date of birth"
            type="date"
            value={d.dateOfBirth}
            onChange={set("dateOfBirth")}
            isRequired
            errorMessage={errors.dateOfBirth}
          />
          <SelectField
            label="Sex"
            options={sexOptions}
            value={d.sex}
            onChange={set("sex")}
            errorMessage={errors.sex}
          />
          <SelectField
            label="Pays by"
            options={paysByOptions}
            value={d.paysBy}
            onChange={set("paysBy")}
            errorMessage={errors.paysBy}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Contact</legend>
        <div className="form-grid">
          <TextInput
            label="Email"
            type="email"
            value={d.email}
            onChange={set("email")}
            errorMessage={errors.email}
          />
          <TextInput
            label="Mobile phone"
            type="tel"
            value={d.phone}
            onChange={set("phone")}
            errorMessage={errors.phone}
          />
        </div>
        <div className="checkbox-row">
          <CheckboxField
            label="Email: bills, statements and reminders"
            isSelected={d.emailOptIn}
            onChange={set("emailOptIn")}
          />
          <CheckboxField label="Text messages (SMS)" isSelected={d.smsOptIn} onChange={set("smsOptIn")} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Address</legend>
        {errors.address ? <p className="inline-error">{errors.address}</p> : null}
        <div className="form-grid">
          <TextInput
            label="Street"
            value={d.line1}
            onChange={set("line1")}
            errorMessage={errors["address.line1"]}
          />
          <TextInput
            label="Apartment, suite (optional)"
            value={d.line2}
            onChange={set("line2")}
            errorMessage={errors["address.line2"]}
          />
          <TextInput
            label="City"
            value={d.city}
            onChange={set("city")}
            errorMessage={errors["address.city"]}
          />
          <TextInput
            label="State"
            value={d.state}
            onChange={set("state")}
            placeholder="TX"
            errorMessage={errors["address.state"]}
          />
          <TextInput label="ZIP" value={d.zip} onChange={set("zip")} errorMessage={errors["address.zip"]} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Guarantor</legend>
        <CheckboxField
          label="Someone else is responsible for the bills (guarantor)"
          isSelected={d.hasGuarantor}
          onChange={set("hasGuarantor")}
        />
        {d.hasGuarantor ? (
          <div className="form-grid">
            <TextInput
              label="Guarantor first name"
              value={d.guarantorFirstName}
              onChange={set("guarantorFirstName")}
              isRequired
              errorMessage={errors["guarantor.firstName"]}
            />
            <TextInput
              label="Guarantor last name"
              value={d.guarantorLastName}
              onChange={set("guarantorLastName")}
              isRequired
              errorMessage={errors["guarantor.lastName"]}
            />
            <SelectField
              label="Relationship to the client"
              options={guarantorRelationships}
              value={d.guarantorRelationship}
              onChange={set("guarantorRelationship")}
            />
            <TextInput
              label="Guarantor email"
              type="email"
              value={d.guarantorEmail}
              onChange={set("guarantorEmail")}
              errorMessage={errors["guarantor.email"]}
            />
            <TextInput
              label="Guarantor phone"
              value={d.guarantorPhone}
              onChange={set("guarantorPhone")}
              errorMessage={errors["guarantor.phone"]}
            />
          </div>
        ) : null}
      </fieldset>
      <FormAlert error={error} shown={paths} />
      <div className="dialog-actions">
        {onCancel ? (
          <Button className="btn" onPress={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" className="btn btn-primary" isPending={isPending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
};
