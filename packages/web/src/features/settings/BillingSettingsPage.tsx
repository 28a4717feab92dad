import { type ReactNode, useEffect, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useSearchParams } from "react-router";
import { usePractice } from "../../app/practice-context";
import { Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { CheckboxField, FormAlert, fieldErrors } from "../../components/form";
import { PageHeader, Section } from "../../components/page";
import { centsToDollars, dollarsToCents } from "../../lib/format";
import { BillingAutomationPanel } from "./BillingAutomationPanel";
import {
  type BillingSettings,
  type BillingSettingsPatch,
  useSaveBillingSettings,
} from "./billing-settings-api";

/** What every section is given: the saved settings and whether the user may change them. */
export type SectionProps = { settings: BillingSettings; canEdit: boolean };

/** What the server said of a save: warnings (a share delay before autopay) and the clients a default leaves alone. */
type SaveAnswer = { warnings: string[]; existingClients: string | null };

/**
 * One concern's form: its own fields, its own Save, and only its fields in the request (so sections never
 * overwrite each other's changes). `draft` is the section's form state; `toPatch` turns it into the change, or
 * an error sentence per field when something typed is not valid.
 */
export const SettingsSection = <D,>({
  title,
  description,
  settings,
  canEdit,
  initial,
  toPatch,
  paths,
  children,
  header,
  warnings,
  level,
}: SectionProps & {
  level?: 2 | 3;
  title: string;
  description?: ReactNode;
  /** Shown above the form: e.g. the switch of the automation the section configures. */
  header?: ReactNode;
  /** Warnings about the draft as typed (shown before saving; the server's own come back after). */
  warnings?: (draft: D) => string[];
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
  const [saved, setSaved] = useState<SaveAnswer | null>(null);
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) => {
      setSaved(null);
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const errors = { ...fieldErrors(save.error), ...invalid };
  const draftWarnings = saved ? [] : (warnings?.(draft) ?? []);
  return (
    <Section title={title} level={level}>
      {description ? <p className="muted">{description}</p> : null}
      {header}
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
            onSuccess: (answer) => {
              // As saved: "40" reads back "40.00".
              setDraft(initial(answer.billingSettings));
              setSaved({
                warnings: answer.warnings.map((w) => w.message),
                existingClients: answer.existingClients?.message ?? null,
              });
            },
          });
        }}
      >
        <fieldset className="form-section" disabled={!canEdit}>
          {children(draft, set, errors)}
        </fieldset>
        {draftWarnings.map((w) => (
          <p key={w} className="alert alert-warning">
            {w}
          </p>
        ))}
        <FormAlert error={save.error} shown={paths} />
        {saved ? (
          <Notice>
            {title} saved.{saved.existingClients ? ` ${saved.existingClients}` : ""}
          </Notice>
        ) : null}
        {saved?.warnings.map((w) => (
          <p key={w} role="alert" className="alert alert-warning">
            {w}
          </p>
        ))}
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
  { id: "billing-automation", Component: BillingAutomationPanel },
];

/**
 * The practice's billing settings: fees, note signing, and the Billing Automation panel (bills, superbills,
 * sharing, autopay).
 */
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
