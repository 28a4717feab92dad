import { type FormEvent, useState } from "react";
import { Button, Checkbox, CheckboxGroup, Form, Label } from "react-aria-components";
import { useParams } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import {
  type InvoiceProfile,
  type InvoiceProfileBody,
  useInvoiceProfile,
  useSaveInvoiceProfile,
} from "./employer-billing-api";

const columnLabels: Record<InvoiceProfileBody["columns"][number], string> = {
  employee_name: "Employee name",
  employee_id: "Employee id",
  date_of_service: "Date of service",
  service: "Service",
  authorization: "Authorization",
  amount: "Amount",
};
const columnOrder = Object.keys(columnLabels) as InvoiceProfileBody["columns"];
const lines = (text: string) =>
  text
    .split(";")
    .map((l) => l.trim())
    .filter(Boolean);

const ProfileForm = ({
  profile,
  employerId,
}: {
  profile: InvoiceProfile;
  employerId?: string | undefined;
}) => {
  const { practiceId } = usePractice();
  const save = useSaveInvoiceProfile(practiceId);
  const [name, setName] = useState(profile.header.name);
  const [headerLines, setHeaderLines] = useState(profile.header.lines.join("; "));
  const [remitTo, setRemitTo] = useState(profile.remitTo.lines.join("; "));
  const [termsDays, setTermsDays] = useState(profile.termsDays === null ? "" : String(profile.termsDays));
  const [columns, setColumns] = useState<string[]>(profile.columns);
  const [grouping, setGrouping] = useState(profile.grouping);
  const [delivery, setDelivery] = useState(profile.delivery);
  const [prefix, setPrefix] = useState(profile.numberPrefix);
  const [saved, setSaved] = useState(false);
  const termsError =
    termsDays.trim() && !/^\d{1,3}$/.test(termsDays.trim()) ? "Whole days, e.g. 30" : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (termsError || !name.trim() || columns.length === 0) return;
    const body: InvoiceProfileBody = {
      header: { name: name.trim(), lines: lines(headerLines) },
      remitTo: { lines: lines(remitTo) },
      termsDays: termsDays.trim() ? Number(termsDays.trim()) : null,
      columns: columnOrder.filter((c) => columns.includes(c)),
      grouping,
      delivery,
      numberPrefix: prefix.trim() || "INV-",
      logoText: profile.logoText,
    };
    try {
      // Saved: this profile's own version; else the first save of the practice's or the employer's own profile.
      await save.mutateAsync({ body, version: profile.saved ? profile.version : 0, employerId });
      setSaved(true);
    } catch {
      // shown below
    }
  };
  return (
    <Form className="stack" onSubmit={submit} aria-label="Invoice profile">
      {saved ? <Notice>Invoice profile saved.</Notice> : null}
      <TextInput label="Header name" value={name} onChange={setName} isRequired />
      <TextInput
        label="Header lines"
        value={headerLines}
        onChange={setHeaderLines}
        description="Address lines, separated by ;"
      />
      <TextInput label="Remit to" value={remitTo} onChange={setRemitTo} description="Lines, separated by ;" />
      <div className="form-grid">
        <TextInput
          label="Terms (days)"
          value={termsDays}
          onChange={setTermsDays}
          inputMode="numeric"
          errorMessage={termsError}
        />
        <TextInput
          label="Invoice number format"
          value={prefix}
          onChange={setPrefix}
          description="A prefix (INV-) or a format: {yyyy} or {yy} the year, {seq} or {seq:5} the number"
        />
        <SelectField
          label="Grouping"
          options={[
            { id: "employee", label: "By employee" },
            { id: "date", label: "By date" },
          ]}
          value={grouping}
          onChange={setGrouping}
        />
        <SelectField
          label="Delivery"
          options={[
            { id: "email", label: "Email" },
            { id: "print", label: "Print" },
          ]}
          value={delivery}
          onChange={setDelivery}
        />
      </div>
      <CheckboxGroup className="checkbox-group" value={columns} onChange={setColumns}>
        <Label>Columns</Label>
        {columnOrder.map((c) => (
          <Checkbox key={c} value={c} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            {columnLabels[c]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {save.error ? (
        <p role="alert" className="alert alert-error">
          {errorText(save.error)}
        </p>
      ) : null}
      <div>
        <Button type="submit" className="btn btn-primary" isPending={save.isPending}>
          Save profile
        </Button>
      </div>
    </Form>
  );
};

/**
 * Invoice Profile Setup: how the practice's employer invoices look and go out; under an employer, that employer's
 * own profile (until it saves one, the practice's is shown as the starting point).
 */
export const InvoiceProfilePage = () => {
  const { practiceId } = usePractice();
  const { employerId } = useParams();
  const profile = useInvoiceProfile(practiceId, employerId);
  const crumbs = [
    { label: "Statement/Invoice Management", href: `/p/${practiceId}/employer-billing` },
    ...(employerId
      ? [{ label: "Employer", href: `/p/${practiceId}/employer-billing/employers/${employerId}` }]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={employerId ? "Employer invoice profile" : "Invoice profile"}
        crumbs={crumbs}
        description={
          employerId
            ? profile.data && !profile.data.saved
              ? "This employer has no profile of its own: it uses the practice's, shown below. Saving gives it its own."
              : "This employer's own invoice profile."
            : "The practice's invoice profile; an employer without its own uses it."
        }
      />
      <Section title="Profile">
        {profile.isPending ? (
          <Loading />
        ) : profile.isError ? (
          <ErrorAlert error={profile.error} />
        ) : (
          <ProfileForm
            key={`${profile.data.id ?? "default"}-${profile.data.version}`}
            profile={profile.data}
            employerId={employerId}
          />
        )}
      </Section>
    </>
  );
};
