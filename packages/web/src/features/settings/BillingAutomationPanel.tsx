import {
  AUTOPAY_MAX_ATTEMPTS_RANGE,
  type AutomationKind,
  decideSharingSettingsWarnings,
  type InvoiceCreationMode,
  MAX_SHARE_DELAY_MINUTES,
  type ShareDocumentKinds,
  superbillDateInMonth,
} from "@billcycle/core";
import { useState } from "react";
import { Button, Label, Link, Radio, RadioGroup, Switch } from "react-aria-components";
import { errorText } from "../../api/client";
import type { AutomationSettings } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { CheckboxField } from "../../components/form";
import { Section } from "../../components/page";
import { Badge } from "../../components/status";
import { formatClockTime, formatInstant, formatLocalDate, todayIn } from "../../lib/format";
import { modeInfo, type Pending, ToggleConfirmation } from "../automation/AutomationSettingsPage";
import { useAutomationSettings, useSaveAutomation } from "../automation/automation-api";
import { type SectionProps, SettingsSection } from "./BillingSettingsPage";
import { useSaveBillingSettings } from "./billing-settings-api";

const NEW_CLIENTS_ONLY =
  "Applies to new clients only: existing clients keep their own setting (change it on a client's Billing › Settings).";

const wholeNumber = (text: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
};

/** The switch of one automation (its own `enabled`), confirmed as on the Automation Settings screen. */
const AutomationSwitch = ({
  kind,
  settings,
  canEdit,
}: {
  kind: AutomationKind;
  settings: AutomationSettings;
  canEdit: boolean;
}) => {
  const { practiceId, timeZone, display } = usePractice();
  const save = useSaveAutomation(practiceId);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const info = settings.automations[kind];
  const on = settings.config.automations[kind].enabled;
  return (
    <div className="automation-head">
      <p className="muted schedule-line">
        {info.title} automation: {on ? "on" : "off"}
        {on && info.nextRunAt ? ` · next run ${formatInstant(info.nextRunAt, display)}` : ""}
      </p>
      {canEdit ? (
        <Switch
          className="switch"
          isSelected={on}
          onChange={(enable) => {
            setError(null);
            setNotice(null);
            setPending({ kind, enable });
          }}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          <span className="visually-hidden">{info.title}</span>
          <span aria-hidden="true" className="switch-text">
            {on ? "On" : "Off"}
          </span>
        </Switch>
      ) : (
        <Badge tone={on ? "success" : "muted"}>{on ? "On" : "Off"}</Badge>
      )}
      {notice ? <Notice>{notice}</Notice> : null}
      <ToggleConfirmation
        pending={pending}
        config={settings.config}
        info={settings.automations}
        display={{ timeZone: settings.timeZone || timeZone, locale: display.locale }}
        isSaving={save.isPending}
        error={error}
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          if (!pending) return;
          try {
            await save.mutateAsync((c) => {
              c.automations[pending.kind].enabled = pending.enable;
            });
            setNotice(`${info.title} ${pending.enable ? "enabled" : "disabled"}.`);
            setPending(null);
          } catch (e) {
            setError(errorText(e));
          }
        }}
      />
    </div>
  );
};

/** The seed's words for each way bills are created; billcycle's nightly is its "Daily". */
const billModes: Record<InvoiceCreationMode, { label: string; description: string }> = {
  ...modeInfo,
  nightly: { label: "Daily", description: "Every night, bills for the sessions ready to bill." },
  manual: {
    label: "Manual",
    description:
      "Completed sessions with billable services wait as Pended bills until you save them and move them to Open. Keep this if you add products (such as a card fee) to bills: products are only added by hand.",
  },
};

const BillCreation = ({ settings, canEdit }: { settings: AutomationSettings; canEdit: boolean }) => {
  const { practiceId, display } = usePractice();
  const save = useSaveAutomation(practiceId);
  const current = settings.config.invoiceCreationMode;
  const [choice, setChoice] = useState<InvoiceCreationMode>(current);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const creation = settings.config.automations.invoice_creation;
  return (
    <Section title="Automatically creating bills" level={3}>
      <p className="muted">
        Invoice Creation is {creation.enabled ? "on" : "off"} (runs at{" "}
        {formatClockTime(creation.runTime, display)}, practice time).{" "}
        <Link href={`/p/${practiceId}/settings/automation`}>Automation Settings</Link>
      </p>
      <RadioGroup
        value={choice}
        onChange={(v) => {
          setNotice(null);
          setChoice(v as InvoiceCreationMode);
        }}
        className="radio-group"
        isDisabled={!canEdit}
      >
        <Label className="group-label">Bill creation mode</Label>
        <div className="radio-cards">
          {(Object.keys(billModes) as InvoiceCreationMode[]).map((id) => (
            <Radio key={id} value={id} className="radio-card">
              <span className="radio-title">{billModes[id].label}</span>
              <span className="radio-description">{billModes[id].description}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {notice ? <Notice>{notice}</Notice> : null}
      {canEdit ? (
        <div className="dialog-actions">
          <Button
            className="btn btn-primary"
            isDisabled={choice === current}
            onPress={() => {
              setError(null);
              setConfirming(true);
            }}
          >
            Save bill creation mode
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        title={`Create bills ${billModes[choice].label === "Manual" ? "manually" : billModes[choice].label.toLowerCase()}?`}
        confirmLabel="Change mode"
        onCancel={() => setConfirming(false)}
        isPending={save.isPending}
        error={error}
        onConfirm={async () => {
          try {
            await save.mutateAsync((c) => {
              c.invoiceCreationMode = choice;
            });
            setConfirming(false);
            setNotice(`Bill creation mode: ${billModes[choice].label}.`);
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        <p>{billModes[choice].description}</p>
        <p>
          From now on, instead of “{billModes[current].label}”. Bills already created stay as they are.
          {creation.enabled ? "" : " Invoice Creation is off: no bills are created until it is turned on."}
        </p>
      </ConfirmDialog>
    </Section>
  );
};

/** The next `count` superbill dates for a day of the month, from today (practice-local). */
const nextSuperbillDates = (day: number, today: string, count: number): string[] => {
  const [y = 2000, m = 1] = today.split("-").map(Number);
  const out: string[] = [];
  for (let i = 0; out.length < count && i < count + 1; i++) {
    const month = ((m - 1 + i) % 12) + 1;
    const year = y + Math.floor((m - 1 + i) / 12);
    const date = superbillDateInMonth(year, month, day);
    if (date >= today) out.push(date);
  }
  return out;
};

const Superbills = (props: SectionProps & { automation: AutomationSettings }) => {
  const { timeZone, display } = usePractice();
  return (
    <SettingsSection
      {...props}
      level={3}
      title="Automatically creating superbills"
      description="On the superbill day, each client with “Automatically create superbills” on gets one superbill with every insurance-eligible service (one with a CPT code) from the previous month or earlier. To collect payments first so superbills show them, pick a day after you usually collect."
      header={<AutomationSwitch kind="superbills" settings={props.automation} canEdit={props.canEdit} />}
      initial={(s) => ({ day: String(s.superbillDayOfMonth), defaultAuto: s.defaultAutoSuperbills })}
      paths={["superbillDayOfMonth", "defaultAutoSuperbills"]}
      toPatch={(d) => {
        const superbillDayOfMonth = wholeNumber(d.day, 1, 31);
        return superbillDayOfMonth === null
          ? { invalid: { superbillDayOfMonth: "A day of the month from 1 to 31" } }
          : { patch: { superbillDayOfMonth, defaultAutoSuperbills: d.defaultAuto } };
      }}
    >
      {(d, set, errors) => {
        const day = wholeNumber(d.day, 1, 31);
        const next = day ? nextSuperbillDates(day, todayIn(timeZone), 3) : [];
        return (
          <>
            <TextInput
              label="Superbill day of the month"
              inputMode="numeric"
              value={d.day}
              onChange={set("day")}
              id="setting-superbillDay"
              description={
                <>
                  1–31. In a month without that day (the 31st in April, the 29th–31st in February) superbills
                  are created on the month's last day.
                  {next.length ? ` Next: ${next.map((n) => formatLocalDate(n, display)).join(", ")}.` : ""}
                </>
              }
              errorMessage={errors.superbillDayOfMonth}
            />
            <CheckboxField
              label="New clients: automatically create superbills"
              isSelected={d.defaultAuto}
              onChange={set("defaultAuto")}
              isDisabled={!props.canEdit}
              description={NEW_CLIENTS_ONLY}
            />
          </>
        );
      }}
    </SettingsSection>
  );
};

const kindLabels: Record<ShareDocumentKinds, string> = {
  both: "Bills and superbills",
  bills: "Bills only (with statements)",
  superbills: "Superbills only",
};

/** The practice's sharing switch: pauses or resumes sharing for every client at once, so it is confirmed. */
const SharingSwitch = ({ on, canEdit }: { on: boolean; canEdit: boolean }) => {
  const { practiceId, practice } = usePractice();
  const save = useSaveBillingSettings(practiceId, practice.version);
  const [pending, setPending] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="automation-head">
      <p className="muted schedule-line">Automatic sharing: {on ? "on" : "off"} for the practice</p>
      {canEdit ? (
        <Switch
          className="switch"
          isSelected={on}
          onChange={(enable) => {
            save.reset();
            setNotice(null);
            setPending(enable);
          }}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          <span className="visually-hidden">Automatic sharing</span>
          <span aria-hidden="true" className="switch-text">
            {on ? "On" : "Off"}
          </span>
        </Switch>
      ) : (
        <Badge tone={on ? "success" : "muted"}>{on ? "On" : "Off"}</Badge>
      )}
      {notice ? <Notice>{notice}</Notice> : null}
      <ConfirmDialog
        isOpen={pending !== null}
        title={`${pending ? "Turn on" : "Turn off"} automatic sharing?`}
        confirmLabel={pending ? "Turn on" : "Turn off"}
        tone={pending ? "primary" : "danger"}
        onCancel={() => setPending(null)}
        isPending={save.isPending}
        error={save.error ? errorText(save.error) : null}
        onConfirm={() =>
          save.mutate(
            { autoShareEnabled: pending === true },
            {
              onSuccess: () => {
                setNotice(`Automatic sharing ${pending ? "turned on" : "turned off"}.`);
                setPending(null);
              },
            },
          )
        }
      >
        {pending ? (
          <p>
            Bills and superbills are emailed to each client whose own sharing setting is on, the set delay
            after they are issued, as they then stand. Clients without an email address, or who turned email
            off, are skipped and the document says why.
          </p>
        ) : (
          <p>
            Nothing is shared automatically with any client, whatever their own setting, until you turn it
            back on. Each document falling due meanwhile is skipped and says why. Clients' own settings are
            kept.
          </p>
        )}
        <p>This applies to every client at once, not only new ones.</p>
      </ConfirmDialog>
    </div>
  );
};

const Sharing = (props: SectionProps & { automation: AutomationSettings }) => {
  const autopayOn = props.automation.config.automations.autopay.enabled;
  return (
    <SettingsSection
      {...props}
      level={3}
      title="Automatically sharing billing documents"
      description="Documents are not sent at once, so you can correct a bill or superbill before the client sees it."
      header={<SharingSwitch on={props.settings.autoShareEnabled} canEdit={props.canEdit} />}
      initial={(s) => ({
        delay: String(s.shareDelayMinutes),
        kinds: s.defaultShareDocumentKinds,
        defaultShare: s.defaultAutoShareDocuments,
      })}
      paths={["shareDelayMinutes", "defaultShareDocumentKinds", "defaultAutoShareDocuments"]}
      warnings={(d) => {
        const minutes = wholeNumber(d.delay, 0, MAX_SHARE_DELAY_MINUTES);
        return minutes === null
          ? []
          : decideSharingSettingsWarnings({ autopayOn, shareDelayMinutes: minutes }).map((w) => w.message);
      }}
      toPatch={(d) => {
        const shareDelayMinutes = wholeNumber(d.delay, 0, MAX_SHARE_DELAY_MINUTES);
        return shareDelayMinutes === null
          ? { invalid: { shareDelayMinutes: `Whole minutes, from 0 to ${MAX_SHARE_DELAY_MINUTES} (a week)` } }
          : {
              patch: {
                shareDelayMinutes,
                defaultShareDocumentKinds: d.kinds,
                defaultAutoShareDocuments: d.defaultShare,
              },
            };
      }}
    >
      {(d, set, errors) => (
        <>
          <TextInput
            label="Share after (minutes)"
            inputMode="numeric"
            value={d.delay}
            onChange={set("delay")}
            id="setting-shareDelay"
            description="Time to correct a document before it is sent. With autopay on, at least 60 so autopay (12:30am) runs before bills are shared."
            errorMessage={errors.shareDelayMinutes}
          />
          <RadioGroup
            value={d.kinds}
            onChange={(v) => set("kinds")(v as ShareDocumentKinds)}
            className="radio-group"
            isDisabled={!props.canEdit}
          >
            <Label className="group-label">New clients: what to share</Label>
            <div className="radio-cards">
              {(Object.keys(kindLabels) as ShareDocumentKinds[]).map((k) => (
                <Radio key={k} value={k} className="radio-card">
                  <span className="radio-title">{kindLabels[k]}</span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <CheckboxField
            label="New clients: share billing documents automatically"
            isSelected={d.defaultShare}
            onChange={set("defaultShare")}
            isDisabled={!props.canEdit}
            description={NEW_CLIENTS_ONLY}
          />
        </>
      )}
    </SettingsSection>
  );
};

const Autopay = (props: SectionProps & { automation: AutomationSettings }) => (
  <SettingsSection
    {...props}
    level={3}
    title="Autopay"
    description="Collects each open bill from the client's default card on file (Stripe payments only), every night at 12:30am, about 30 minutes after bills are created. Only for clients whose own autopay is on and who have a default card."
    header={<AutomationSwitch kind="autopay" settings={props.automation} canEdit={props.canEdit} />}
    initial={(s) => ({ attempts: String(s.autopayMaxAttempts), defaultAutopay: s.defaultAutopay })}
    paths={["autopayMaxAttempts", "defaultAutopay"]}
    toPatch={(d) => {
      const { min, max } = AUTOPAY_MAX_ATTEMPTS_RANGE;
      const autopayMaxAttempts = wholeNumber(d.attempts, min, max);
      return autopayMaxAttempts === null
        ? { invalid: { autopayMaxAttempts: `A number of nights from ${min} to ${max}` } }
        : { patch: { autopayMaxAttempts, defaultAutopay: d.defaultAutopay } };
    }}
  >
    {(d, set, errors) => (
      <>
        <TextInput
          label="Attempts per bill"
          inputMode="numeric"
          value={d.attempts}
          onChange={set("attempts")}
          id="setting-autopayMaxAttempts"
          description="A declined card is tried again the next night, up to this many nights; then autopay stops for that bill."
          errorMessage={errors.autopayMaxAttempts}
        />
        <CheckboxField
          label="New clients: autopay with the card on file"
          isSelected={d.defaultAutopay}
          onChange={set("defaultAutopay")}
          isDisabled={!props.canEdit}
          description={NEW_CLIENTS_ONLY}
        />
      </>
    )}
  </SettingsSection>
);

/**
 * Billing Settings › Billing Automation: how bills are created, the superbill day, automatic sharing and autopay.
 * The automations' own switches (Autopay, Superbills) and the bill creation mode are the automation settings;
 * the rest are billing settings, each part saved on its own.
 */
export const BillingAutomationPanel = (props: SectionProps) => {
  const { practiceId } = usePractice();
  const automation = useAutomationSettings(practiceId);
  return (
    <section className="card billing-automation" aria-labelledby="billing-automation">
      <div className="card-header">
        <h2 id="billing-automation">Billing Automation</h2>
      </div>
      {automation.isPending ? <Loading /> : null}
      {automation.isError ? <ErrorAlert error={automation.error} /> : null}
      {automation.data ? (
        <div className="settings-sections">
          <BillCreation settings={automation.data} canEdit={props.canEdit} />
          <Superbills {...props} automation={automation.data} />
          <Sharing {...props} automation={automation.data} />
          <Autopay {...props} automation={automation.data} />
        </div>
      ) : null}
    </section>
  );
};
