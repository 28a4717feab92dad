import {
  type AutomationConfig,
  type AutomationKind,
  type Cadence,
  dueOccurrences,
  type InvoiceCreationMode,
  isFirstOfMonth,
} from "@billcycle/core";
import { useState } from "react";
import {
  Button,
  Disclosure,
  DisclosurePanel,
  Heading,
  Label,
  Radio,
  RadioGroup,
  Switch,
  Text,
} from "react-aria-components";
import { errorText } from "../../api/client";
import { ruleLabels, useDirectory } from "../../api/directory";
import type { AutomationDescription } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatClockTime, formatInstant, formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { automationOrder, useAutomationSettings, useSaveAutomation } from "./automation-api";
import { PreviewRun } from "./PreviewRun";
import { RulesEditor } from "./RulesEditor";
import { RunNow } from "./RunNow";

export const modeInfo: Record<InvoiceCreationMode, { label: string; description: string }> = {
  nightly: {
    label: "Nightly",
    description:
      "Every night, one invoice per session ready to bill (kept, or a charged No Show or Late Cancel), opened at once.",
  },
  monthly: {
    label: "Monthly",
    description:
      "On the 1st of each month, one invoice per client (and insurance policy) for the previous month's sessions, with any earlier session still not invoiced.",
  },
  manual: {
    label: "Manual review",
    description:
      "Every night, one invoice per session ready to bill, created as Pended: it waits in the review queue until you open it.",
  },
  on_kept: {
    label: "On Kept",
    description:
      "The moment a session is marked Kept (or a charged No Show or Late Cancel), its invoice is created; the nightly run catches anything missed.",
  },
};

const cadenceInfo: Record<Cadence, { label: string; description: string }> = {
  staggered: {
    label: "Staggered",
    description: "Each step waits a day: created Monday, processed Tuesday, submitted Wednesday.",
  },
  same_night: {
    label: "Same night",
    description:
      "A night runs creation, then processing, then submission: a session can be claimed the night it is kept.",
  },
};

/** When the automation would next run if it were on, by the same occurrence rules the server's clock uses. */
const nextOccurrence = (config: AutomationConfig, kind: AutomationKind, timeZone: string): Date | null => {
  const now = new Date();
  const monthly = kind === "invoice_creation" && config.invoiceCreationMode === "monthly";
  const [next] = dueOccurrences({
    zone: timeZone,
    runTime: config.automations[kind].runTime,
    after: now,
    upTo: new Date(now.getTime() + 40 * 86_400_000),
    isRunDay: monthly ? isFirstOfMonth : undefined,
  });
  return next?.scheduledAt ?? null;
};

/** "every night at 11:00 PM" / "on the 1st of each month at 11:00 PM" in the practice's time zone. */
const whenWords = (config: AutomationConfig, kind: AutomationKind, display: PracticeDisplay): string => {
  const at = formatClockTime(config.automations[kind].runTime, display);
  const monthly = kind === "invoice_creation" && config.invoiceCreationMode === "monthly";
  return `${monthly ? "on the 1st of each month" : "every night"} at ${at}, practice time (${display.timeZone})`;
};

export type Pending = { kind: AutomationKind; enable: boolean } | null;

export const ToggleConfirmation = ({
  pending,
  config,
  info,
  display,
  onCancel,
  onConfirm,
  isSaving,
  error,
}: {
  pending: Pending;
  config: AutomationConfig;
  info: Record<AutomationKind, AutomationDescription>;
  /** The automations' zone (the practice's unless set apart) and the practice's locale. */
  display: PracticeDisplay;
  onCancel: () => void;
  onConfirm: () => void;
  isSaving: boolean;
  error: string | null;
}) => {
  if (!pending) return null;
  const { kind, enable } = pending;
  const title = info[kind].title;
  const next = enable ? nextOccurrence(config, kind, display.timeZone) : null;
  const onKept = kind === "invoice_creation" && config.invoiceCreationMode === "on_kept";
  return (
    <ConfirmDialog
      isOpen
      title={`${enable ? "Enable" : "Disable"} ${title}?`}
      confirmLabel={enable ? "Enable" : "Disable"}
      tone={enable ? "primary" : "danger"}
      onCancel={onCancel}
      onConfirm={onConfirm}
      isPending={isSaving}
      error={error}
    >
      {enable ? (
        <>
          <p>{info[kind].explanation}</p>
          <p>
            <strong>When it runs:</strong> {whenWords(config, kind, display)}
            {onKept ? ", and the moment a session is marked Kept" : ""}.
          </p>
          {next ? (
            <p>
              <strong>First run:</strong> {formatInstant(next.toISOString(), display)}. Turning it on does not
              go back over nights it was off.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            {title} will stop running {whenWords(config, kind, display)}. Nothing it has already done is
            undone.
          </p>
          <p>You can enable it again at any time.</p>
        </>
      )}
    </ConfirmDialog>
  );
};

const ScheduleForm = ({
  kind,
  runTime,
  startDate,
  onSave,
  isSaving,
}: {
  kind: AutomationKind;
  runTime: string;
  startDate: string | null;
  onSave: (runTime: string, startDate: string | null) => void;
  isSaving: boolean;
}) => {
  const [time, setTime] = useState(runTime);
  const [start, setStart] = useState(startDate ?? "");
  const dirty = time !== runTime || start !== (startDate ?? "");
  const valid = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  return (
    <div className="inline-form">
      <TextInput
        label="Run time (practice time)"
        type="time"
        value={time}
        onChange={setTime}
        isRequired
        errorMessage={valid ? undefined : "Enter a time such as 23:00"}
        size="small"
      />
      <TextInput
        label="Start date (optional)"
        type="date"
        value={start}
        onChange={setStart}
        size="small"
        description="Items dated earlier are left alone"
      />
      <Button
        className="btn"
        isDisabled={!dirty || !valid}
        isPending={isSaving}
        onPress={() => onSave(time, start || null)}
        aria-label={`Save ${kind.replaceAll("_", " ")} schedule`}
      >
        Save schedule
      </Button>
    </div>
  );
};

const ChoiceForm = <T extends string>({
  label,
  value,
  options,
  onSave,
  isSaving,
  saveLabel,
}: {
  label: string;
  value: T;
  options: Record<T, { label: string; description: string }>;
  onSave: (value: T) => void;
  isSaving: boolean;
  saveLabel: string;
}) => {
  const [choice, setChoice] = useState<T>(value);
  return (
    <div className="choice-form">
      <RadioGroup value={choice} onChange={(v) => setChoice(v as T)} className="radio-group">
        <Label className="group-label">{label}</Label>
        <div className="radio-cards">
          {(Object.keys(options) as T[]).map((id) => (
            <Radio key={id} value={id} className="radio-card">
              <span className="radio-title">{options[id].label}</span>
              <span className="radio-description">{options[id].description}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <Button
        className="btn"
        isDisabled={choice === value}
        isPending={isSaving}
        onPress={() => onSave(choice)}
      >
        {saveLabel}
      </Button>
    </div>
  );
};

/** Organization › Claims Service › Automation Settings. */
export const AutomationSettingsPage = () => {
  const { practiceId, timeZone: practiceZone, locale, can } = usePractice();
  const settings = useAutomationSettings(practiceId);
  const directory = useDirectory(practiceId);
  const save = useSaveAutomation(practiceId);
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const canEdit = can("settings:write");

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const { config, automations: info } = settings.data;
  const timeZone = settings.data.timeZone || practiceZone;
  const display = { timeZone, locale };
  const labels = ruleLabels(directory.data);

  const apply = async (change: (c: AutomationConfig) => void, message: string) => {
    setNotice(null);
    await save.mutateAsync(change);
    setNotice(message);
  };

  const confirmToggle = async () => {
    if (!pending) return;
    setDialogError(null);
    try {
      await apply(
        (c) => {
          c.automations[pending.kind].enabled = pending.enable;
        },
        `${info[pending.kind].title} ${pending.enable ? "enabled" : "disabled"}.`,
      );
      setPending(null);
    } catch (e) {
      setDialogError(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title="Automation Settings"
        crumbs={[{ label: "Organization" }, { label: "Claims Service" }, { label: "Automation Settings" }]}
        description={`What billcycle does on its own, and when. Times are the practice's local time (${timeZone}).`}
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {save.isError && !pending ? <ErrorAlert error={save.error} /> : null}
      {!canEdit ? (
        <p className="alert alert-info">Your role can view these settings but not change them.</p>
      ) : null}

      <div className="automation-list">
        {automationOrder.map((kind) => {
          const s = config.automations[kind];
          const d = info[kind];
          const headingId = `automation-${kind}`;
          return (
            <section key={kind} className="card automation-card" aria-labelledby={headingId}>
              <div className="automation-head">
                <div>
                  <h2 id={headingId}>{d.title}</h2>
                  <p className="muted schedule-line">
                    {s.enabled ? (
                      <>
                        Runs {whenWords(config, kind, display)}
                        {d.nextRunAt ? ` · next run ${formatInstant(d.nextRunAt, display)}` : ""}
                      </>
                    ) : (
                      <>Off · would run {whenWords(config, kind, display)}</>
                    )}
                  </p>
                </div>
                {canEdit ? (
                  <Switch
                    className="switch"
                    isSelected={s.enabled}
                    onChange={(enable) => {
                      setDialogError(null);
                      setPending({ kind, enable });
                    }}
                  >
                    <span className="switch-track" aria-hidden="true">
                      <span className="switch-thumb" />
                    </span>
                    <span className="visually-hidden">{d.title}</span>
                    <span aria-hidden="true" className="switch-text">
                      {s.enabled ? "On" : "Off"}
                    </span>
                  </Switch>
                ) : (
                  <Badge tone={s.enabled ? "success" : "muted"}>{s.enabled ? "On" : "Off"}</Badge>
                )}
              </div>
              <p className="automation-explanation">{d.explanation}</p>
              {kind !== "era_processing" ? <PreviewRun kind={kind} title={d.title} /> : null}
              {can("billing:write") && (kind === "invoice_creation" || kind === "invoice_processing") ? (
                <RunNow kind={kind} title={d.title} />
              ) : null}

              {canEdit ? (
                <ScheduleForm
                  // date-display: allowed — a React key (a new form when the saved schedule changes), not shown
                  key={`${s.runTime}|${s.startDate}`}
                  kind={kind}
                  runTime={s.runTime}
                  startDate={s.startDate}
                  isSaving={save.isPending}
                  onSave={(runTime, startDate) =>
                    void apply((c) => {
                      c.automations[kind].runTime = runTime;
                      c.automations[kind].startDate = startDate;
                    }, `${d.title} schedule saved.`).catch(() => undefined)
                  }
                />
              ) : (
                <p className="muted">
                  Run time {formatClockTime(s.runTime, display)}
                  {s.startDate ? ` · items from ${formatLocalDate(s.startDate, display)}` : ""}
                </p>
              )}

              {kind === "invoice_creation" ? (
                canEdit ? (
                  <ChoiceForm
                    key={config.invoiceCreationMode}
                    label="Invoice creation mode"
                    value={config.invoiceCreationMode}
                    options={modeInfo}
                    isSaving={save.isPending}
                    saveLabel="Save mode"
                    onSave={(mode) =>
                      void apply((c) => {
                        c.invoiceCreationMode = mode;
                      }, `Invoice creation mode: ${modeInfo[mode].label}.`).catch(() => undefined)
                    }
                  />
                ) : (
                  <p>
                    <strong>Invoice creation mode:</strong> {modeInfo[config.invoiceCreationMode].label} —{" "}
                    {modeInfo[config.invoiceCreationMode].description}
                  </p>
                )
              ) : null}

              {s.enabled ? (
                <Disclosure className="disclosure" defaultExpanded={false}>
                  <Heading level={3} className="disclosure-heading">
                    <Button slot="trigger" className="disclosure-trigger">
                      <span aria-hidden="true" className="disclosure-chevron">
                        ▸
                      </span>
                      {`Exclusion rules for ${d.title} (${s.rules.length})`}
                    </Button>
                  </Heading>
                  <Text className="rules-summary">{d.rulesText}</Text>
                  <DisclosurePanel className="disclosure-panel">
                    {canEdit ? (
                      <RulesEditor
                        key={JSON.stringify(s.rules)}
                        kind={kind}
                        title={d.title}
                        rules={s.rules}
                        labels={labels}
                        directory={directory.data}
                        isSaving={save.isPending}
                        onSave={(rules) =>
                          apply((c) => {
                            c.automations[kind].rules = rules;
                          }, `${d.title} exclusion rules saved.`).catch(() => undefined)
                        }
                      />
                    ) : (
                      <ul className="plain-list">
                        {s.rules.length === 0 ? <li className="muted">No rules.</li> : null}
                        {s.rules.map((r) => (
                          <li key={r.id}>
                            <strong>{r.name}</strong>
                          </li>
                        ))}
                      </ul>
                    )}
                  </DisclosurePanel>
                </Disclosure>
              ) : null}
            </section>
          );
        })}
      </div>

      <section className="card" aria-labelledby="cadence-heading">
        <h2 id="cadence-heading">Cadence</h2>
        {canEdit ? (
          <ChoiceForm
            key={config.cadence}
            label="How the nightly steps follow one another"
            value={config.cadence}
            options={cadenceInfo}
            isSaving={save.isPending}
            saveLabel="Save cadence"
            onSave={(cadence) =>
              void apply((c) => {
                c.cadence = cadence;
              }, `Cadence: ${cadenceInfo[cadence].label}.`).catch(() => undefined)
            }
          />
        ) : (
          <p>
            {cadenceInfo[config.cadence].label} — {cadenceInfo[config.cadence].description}
          </p>
        )}
      </section>

      <ToggleConfirmation
        pending={pending}
        config={config}
        info={info}
        display={display}
        isSaving={save.isPending}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={() => void confirmToggle()}
      />
    </>
  );
};
