import { type ReactNode, useEffect, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useSearchParams } from "react-router";
import { usePractice } from "../../app/practice-context";
import { Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { CheckboxField, FormAlert, fieldErrors } from "../../components/form";
import { PageHeader, Section } from "../../components/page";
import { centsToDollars, dollarsToCents } from "../../lib/format";
import {
  type BillingSettings,
  type BillingSettingsPatch,
  useSaveBillingSettings,
} from "./billing-settings-api";

/** What every section is given: the saved settings and whether the user may change them. */
type SectionProps = { settings: BillingSettings; canEdit: boolean };

/**
 * One concern's form: its own fields, its own Save, and only its fields in the request (so sections never
 * overwrite each other's changes). `draft` is the section's form state; `toPatch` turns it into the change, or
 * an error sentence per field when something typed is not valid.
 */
const SettingsSection = <D,>({
  title,
  description,
  settings,
  canEdit,
  initial,
  toPatch,
  paths,
  children,
}: SectionProps & {
  title: string;
  description?: ReactNode;
  initial: (s: BillingSettings) => D;
  toPatch: (draft: D) => { patch: BillingSettingsPatch } | { invalid: Record<string, string> };
  /** The API field names this section edits (their coded errors show beside the inputs). */
  paths: readonly string[];
  children: (
    draft: D,
    set: <K extends keyof D>(key: K) => (value: D[K]) => void,
    errors: Record<string, string>,
  ) => ReactNode;
}) => {
  const { practiceId, practice } = usePractice();
  const save = useSaveBillingSettings(practiceId, practice.version);
  const [draft, setDraft] = useState(() => initial(settings));
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const errors = { ...fieldErrors(save.error), ...invalid };
  return (
    <Section title={title}>
      {description ? <p className="muted">{description}</p> : null}
      <Form
        validationBehavior="aria"
        className="stack settings-form"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          const result = toPatch(draft);
          if ("invalid" in result) {
            setInvalid(result.invalid);
            return;
          }
          setInvalid({});
          save.mutate(result.patch, {
            onSuccess: (practice) => {
              // As saved: "40" reads back "40.00".
              setDraft(initial(practice.billingSettings));
              setSaved(true);
            },
          });
        }}
      >
        <fieldset className="form-section" disabled={!canEdit}>
          {children(draft, set, errors)}
        </fieldset>
        <FormAlert error={save.error} shown={paths} />
        {saved ? <Notice>{title} saved.</Notice> : null}
        {canEdit ? (
          <div className="dialog-actions">
            <Button type="submit" className="btn btn-primary" isPending={save.isPending}>
              Save {title.toLowerCase()}
            </Button>
          </div>
        ) : null}
      </Form>
    </Section>
  );
};

const feeError = "Dollars, e.g. 50 or 49.50; blank for no fee";

const FeesSection = (props: SectionProps) => (
  <SettingsSection
    {...props}
    title="Missed session fees"
    description="Charged to the client when a session is marked No Show or Late Cancel. Blank: such sessions are not billed."
    initial={(s) => ({
      noShow: centsToDollars(s.noShowFeeCents),
      lateCancel: centsToDollars(s.lateCancelFeeCents),
    })}
    paths={["noShowFeeCents", "lateCancelFeeCents"]}
    toPatch={(d) => {
      const noShowFeeCents = dollarsToCents(d.noShow);
      const lateCancelFeeCents = dollarsToCents(d.lateCancel);
      const invalid: Record<string, string> = {};
      if (Number.isNaN(noShowFeeCents)) invalid.noShowFeeCents = feeError;
      if (Number.isNaN(lateCancelFeeCents)) invalid.lateCancelFeeCents = feeError;
      return Object.keys(invalid).length ? { invalid } : { patch: { noShowFeeCents, lateCancelFeeCents } };
    }}
  >
    {(d, set, errors) => (
      <div className="form-grid">
        <TextInput
          label="No Show fee ($)"
          inputMode="decimal"
          value={d.noShow}
          onChange={set("noShow")}
          placeholder="Not charged"
          id="setting-noShowFee"
          errorMessage={errors.noShowFeeCents}
        />
        <TextInput
          label="Late Cancel fee ($)"
          inputMode="decimal"
          value={d.lateCancel}
          onChange={set("lateCancel")}
          placeholder="Not charged"
          id="setting-lateCancelFee"
          errorMessage={errors.lateCancelFeeCents}
        />
      </div>
    )}
  </SettingsSection>
);

const NotesSection = (props: SectionProps) => (
  <SettingsSection
    {...props}
    title="Progress notes"
    initial={(s) => ({ requireSignedNote: s.requireSignedNote })}
    paths={["requireSignedNote"]}
    toPatch={(d) => ({ patch: d })}
  >
    {(d, set) => (
      <CheckboxField
        label="Bill a session only once its progress note is signed"
        isSelected={d.requireSignedNote}
        onChange={set("requireSignedNote")}
        isDisabled={!props.canEdit}
        description="Unsigned sessions wait and show “progress note not signed” as the reason."
      />
    )}
  </SettingsSection>
);

const ClientDefaultsSection = (props: SectionProps) => (
  <SettingsSection
    {...props}
    title="New client defaults"
    description="Each new client starts with these; existing clients keep their own choices."
    initial={(s) => ({
      defaultAutopay: s.defaultAutopay,
      defaultAutoShareDocuments: s.defaultAutoShareDocuments,
      defaultAutoSuperbills: s.defaultAutoSuperbills,
    })}
    paths={["defaultAutopay", "defaultAutoShareDocuments", "defaultAutoSuperbills"]}
    toPatch={(d) => ({ patch: d })}
  >
    {(d, set) => (
      <div className="checkbox-row">
        <CheckboxField
          label="Autopay with the card on file"
          isSelected={d.defaultAutopay}
          onChange={set("defaultAutopay")}
          isDisabled={!props.canEdit}
        />
        <CheckboxField
          label="Share bills and superbills with the client automatically"
          isSelected={d.defaultAutoShareDocuments}
          onChange={set("defaultAutoShareDocuments")}
          isDisabled={!props.canEdit}
        />
        <CheckboxField
          label="Create monthly superbills"
          isSelected={d.defaultAutoSuperbills}
          onChange={set("defaultAutoSuperbills")}
          isDisabled={!props.canEdit}
        />
      </div>
    )}
  </SettingsSection>
);

const wholeNumber = (text: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
};

const ScheduleSection = (props: SectionProps) => (
  <SettingsSection
    {...props}
    title="Sharing and superbill schedule"
    initial={(s) => ({
      shareDelay: String(s.shareDelayMinutes),
      superbillDay: String(s.superbillDayOfMonth),
    })}
    paths={["shareDelayMinutes", "superbillDayOfMonth"]}
    toPatch={(d) => {
      const shareDelayMinutes = wholeNumber(d.shareDelay, 0, 7 * 24 * 60);
      const superbillDayOfMonth = wholeNumber(d.superbillDay, 1, 31);
      const invalid: Record<string, string> = {};
      if (shareDelayMinutes === null) invalid.shareDelayMinutes = "Whole minutes, from 0 to 10080 (a week)";
      if (superbillDayOfMonth === null) invalid.superbillDayOfMonth = "A day of the month from 1 to 31";
      return shareDelayMinutes === null || superbillDayOfMonth === null
        ? { invalid }
        : { patch: { shareDelayMinutes, superbillDayOfMonth } };
    }}
  >
    {(d, set, errors) => (
      <div className="form-grid">
        <TextInput
          label="Share bills after (minutes)"
          inputMode="numeric"
          value={d.shareDelay}
          onChange={set("shareDelay")}
          description="Time to correct a bill before the client sees it (at least 60 with autopay)."
          errorMessage={errors.shareDelayMinutes}
        />
        <TextInput
          label="Superbill day of the month"
          inputMode="numeric"
          value={d.superbillDay}
          onChange={set("superbillDay")}
          description="1–31; 31 means the last day in shorter months."
          errorMessage={errors.superbillDayOfMonth}
        />
      </div>
    )}
  </SettingsSection>
);

/**
 * The screen's sections, one per concern, in order. A new setting joins the section of its concern, or a new
 * section component here: each saves only its own fields.
 */
export const billingSettingsSections: ReadonlyArray<{
  id: string;
  Component: (p: SectionProps) => ReactNode;
}> = [
  { id: "fees", Component: FeesSection },
  { id: "notes", Component: NotesSection },
  { id: "client-defaults", Component: ClientDefaultsSection },
  { id: "schedule", Component: ScheduleSection },
];

/** The practice's billing settings: fees, note signing, new-client defaults, sharing and superbill days. */
export const BillingSettingsPage = () => {
  const { practice, can } = usePractice();
  const [params] = useSearchParams();
  const canEdit = can("settings:write");
  const field = params.get("field");
  // A link to one setting (`?field=lateCancelFee`, from a "why not billed" reason) starts there. After the frame
  // has focused the new screen's heading, hence the timer.
  useEffect(() => {
    if (!field) return;
    const timer = setTimeout(() => document.getElementById(`setting-${field}`)?.focus(), 0);
    return () => clearTimeout(timer);
  }, [field]);
  return (
    <>
      <PageHeader
        title="Billing Settings"
        description={canEdit ? undefined : "Your role may read these settings; an owner changes them."}
      />
      <div className="settings-sections">
        {billingSettingsSections.map(({ id, Component }) => (
          <Component key={id} settings={practice.billingSettings} canEdit={canEdit} />
        ))}
      </div>
    </>
  );
};
