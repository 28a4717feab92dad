import {
  type AutomationKind,
  describeRules,
  type ExclusionRule,
  type RuleCondition,
  type RuleField,
  type RuleOperator,
  valuesExpected,
} from "@billcycle/core";
import { useState } from "react";
import { Button, Checkbox, CheckboxGroup, Label } from "react-aria-components";
import type { Directory } from "../../api/directory";
import { SelectField, TextInput } from "../../components/fields";
import { centsToDollars } from "../../lib/format";
import {
  centsValue,
  fieldLabel,
  fieldsByAutomation,
  fixedChoices,
  newCondition,
  newRule,
  operatorLabel,
  operatorsFor,
  ruleProblems,
  valueKind,
  valuesForOperator,
} from "./rule-fields";

const entityOptions = (field: RuleField, d: Directory | undefined) => {
  if (!d) return [];
  if (field === "primary_payer") return [...d.payers.values()].map((p) => ({ id: p.id, label: p.name }));
  if (field === "provider")
    return [...d.providers.values()].map((p) => ({ id: p.id, label: `${p.firstName} ${p.lastName}` }));
  if (field === "location") return [...d.locations.values()].map((l) => ({ id: l.id, label: l.name }));
  return [];
};

/** A dollar amount typed as text, stored as cents; keeps what is typed ("12.") while it is being typed. */
const MoneyValue = ({
  label,
  cents,
  onChange,
  isReadOnly,
}: {
  label: string;
  cents: string | undefined;
  onChange: (cents: string) => void;
  isReadOnly?: boolean;
}) => {
  const [text, setText] = useState(cents ? centsToDollars(Number(cents)) : "");
  return (
    <TextInput
      label={label}
      size="small"
      inputMode="decimal"
      placeholder="0.00"
      value={text}
      isReadOnly={isReadOnly}
      onChange={(t) => {
        setText(t);
        onChange(centsValue(t));
      }}
      description="dollars"
    />
  );
};

/** Service codes typed as text ("90791, 90837"), stored as a list. */
const CodeValues = ({
  name,
  many,
  values,
  onChange,
}: {
  name: string;
  many: boolean;
  values: string[];
  onChange: (values: string[]) => void;
}) => {
  const [text, setText] = useState(values.join(", "));
  return (
    <TextInput
      label={`${name} ${many ? "codes" : "code"}`}
      size="small"
      placeholder={many ? "90791, 90837" : "90837"}
      value={text}
      description={many ? "separate codes with commas" : undefined}
      onChange={(t) => {
        setText(t);
        const codes = t
          .split(",")
          .map((c) => c.trim().toUpperCase())
          .filter((c) => c !== "");
        onChange(many ? codes : codes.slice(0, 1));
      }}
    />
  );
};

type ValuesProps = {
  condition: RuleCondition;
  name: string;
  directory: Directory | undefined;
  onChange: (values: string[]) => void;
};

const ConditionValues = ({ condition, name, directory, onChange }: ValuesProps) => {
  const { field, operator, values } = condition;
  const { max } = valuesExpected(operator);
  if (max === 0) return null;
  const kind = valueKind(field);
  const options = kind === "entity" ? entityOptions(field, directory) : (fixedChoices[field] ?? []);
  const many = operator === "in" || operator === "not_in";
  const set = (i: number, v: string) => {
    const next = [...values];
    next[i] = v;
    onChange(next);
  };

  if ((kind === "entity" || kind === "choice") && many) {
    return (
      <CheckboxGroup className="checkbox-group" value={values} onChange={onChange}>
        <Label>{`${name} values`}</Label>
        <div className="checkbox-row">
          {options.map((o) => (
            <Checkbox key={o.id} value={o.id} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {o.label}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
    );
  }
  if (kind === "entity" || kind === "choice") {
    return (
      <SelectField
        label={`${name} value`}
        hideLabel
        options={options}
        value={values[0] ?? null}
        onChange={(v) => onChange([v])}
      />
    );
  }
  if (kind === "code") {
    return <CodeValues name={name} many={many} values={values} onChange={onChange} />;
  }
  const labels = operator === "between" ? ["from", "to"] : ["value"];
  return (
    <div className="value-pair">
      {labels.map((l, i) =>
        kind === "money" ? (
          <MoneyValue
            key={`${operator}-${l}`}
            label={`${name} ${operator === "between" ? `amount ${l}` : "amount"}`}
            cents={values[i]}
            onChange={(v) => set(i, v)}
          />
        ) : (
          <TextInput
            key={`${operator}-${l}`}
            label={`${name} ${operator === "between" ? `date ${l}` : "date"}`}
            size="small"
            type="date"
            value={values[i] ?? ""}
            onChange={(v) => set(i, v)}
          />
        ),
      )}
    </div>
  );
};

/** Conditions carry a key while edited (they have no id), so removing one keeps the others' inputs intact. */
type DraftCondition = RuleCondition & { key: string };
type DraftRule = Omit<ExclusionRule, "conditions"> & { conditions: DraftCondition[] };

let keys = 0;
const draftCondition = (c: RuleCondition): DraftCondition => ({ ...structuredClone(c), key: `c${keys++}` });
const toDraft = (rules: readonly ExclusionRule[]): DraftRule[] =>
  rules.map((r) => ({ ...r, conditions: r.conditions.map(draftCondition) }));
const fromDraft = (rules: readonly DraftRule[]): ExclusionRule[] =>
  rules.map((r) => ({
    id: r.id,
    name: r.name,
    conditions: r.conditions.map(({ field, operator, values }) => ({ field, operator, values })),
  }));

type RulesEditorProps = {
  kind: AutomationKind;
  title: string;
  rules: ExclusionRule[];
  labels: Record<string, string>;
  directory: Directory | undefined;
  onSave: (rules: ExclusionRule[]) => Promise<unknown>;
  isSaving: boolean;
};

/**
 * Exclusion rules: conditions within a rule must all match (AND); any matching rule excludes the item (OR).
 * The words under the editor are the same sentence the server stores and shows everywhere else.
 */
export const RulesEditor = ({
  kind,
  title,
  rules,
  labels,
  directory,
  onSave,
  isSaving,
}: RulesEditorProps) => {
  const [draft, setDraftRules] = useState<DraftRule[]>(() => toDraft(rules));
  const [problems, setProblems] = useState<string[]>([]);
  const setDraft = (change: (all: DraftRule[]) => DraftRule[]) => setDraftRules(change);
  const plain = fromDraft(draft);
  const dirty = JSON.stringify(plain) !== JSON.stringify(rules);
  const fields = fieldsByAutomation[kind];

  const updateRule = (r: number, change: (rule: DraftRule) => DraftRule) =>
    setDraft((all) => all.map((rule, i) => (i === r ? change(rule) : rule)));
  const updateCondition = (r: number, c: number, change: (cond: DraftCondition) => DraftCondition) =>
    updateRule(r, (rule) => ({
      ...rule,
      conditions: rule.conditions.map((cond, i) => (i === c ? change(cond) : cond)),
    }));

  const save = async () => {
    const found = ruleProblems(plain);
    setProblems(found);
    if (found.length) return;
    await onSave(plain.map((r) => ({ ...r, name: r.name.trim() })));
  };

  return (
    <div className="rules-editor">
      {draft.length === 0 ? <p className="muted">No rules: nothing is excluded.</p> : null}
      <ol className="rules">
        {draft.map((rule, r) => {
          const ruleName = rule.name.trim() || `Rule ${r + 1}`;
          return (
            <li key={rule.id} className="rule">
              {r > 0 ? (
                <p className="joiner joiner-or" aria-hidden="true">
                  or
                </p>
              ) : null}
              <fieldset className="rule-box">
                <legend className="visually-hidden">{`Rule ${r + 1}: ${ruleName}`}</legend>
                <div className="rule-head">
                  <TextInput
                    label="Rule name"
                    size="small"
                    value={rule.name}
                    onChange={(name) => updateRule(r, (x) => ({ ...x, name }))}
                  />
                  <Button
                    className="btn btn-small btn-quiet"
                    aria-label={`Remove rule ${ruleName}`}
                    onPress={() => setDraft((all) => all.filter((_, i) => i !== r))}
                  >
                    Remove rule
                  </Button>
                </div>
                <ol className="conditions">
                  {rule.conditions.map((cond, c) => {
                    const name = `${ruleName}, condition ${c + 1}`;
                    return (
                      <li key={cond.key} className="condition">
                        <span className={`joiner ${c === 0 ? "joiner-where" : ""}`} aria-hidden="true">
                          {c === 0 ? "where" : "and"}
                        </span>
                        <SelectField
                          label={`${name} field`}
                          hideLabel
                          options={fields.map((f) => ({ id: f, label: fieldLabel[f] }))}
                          value={cond.field}
                          onChange={(field: RuleField) =>
                            updateCondition(r, c, (x) => ({ ...newCondition(field), key: x.key }))
                          }
                        />
                        <SelectField
                          label={`${name} operator`}
                          hideLabel
                          options={operatorsFor(cond.field).map((o) => ({ id: o, label: operatorLabel[o] }))}
                          value={cond.operator}
                          onChange={(operator: RuleOperator) =>
                            updateCondition(r, c, (x) => ({
                              ...x,
                              operator,
                              values: valuesForOperator(x.values, operator),
                            }))
                          }
                        />
                        <ConditionValues
                          condition={cond}
                          name={name}
                          directory={directory}
                          onChange={(values) => updateCondition(r, c, (x) => ({ ...x, values }))}
                        />
                        <Button
                          className="btn btn-small btn-quiet"
                          aria-label={`Remove ${name}`}
                          isDisabled={rule.conditions.length === 1}
                          onPress={() =>
                            updateRule(r, (x) => ({
                              ...x,
                              conditions: x.conditions.filter((_, i) => i !== c),
                            }))
                          }
                        >
                          ✕
                        </Button>
                      </li>
                    );
                  })}
                </ol>
                <Button
                  className="btn btn-small"
                  aria-label={`Add condition to ${ruleName}`}
                  onPress={() =>
                    updateRule(r, (x) => ({
                      ...x,
                      conditions: [...x.conditions, draftCondition(newCondition(fields[0]!))],
                    }))
                  }
                >
                  + Add condition (and)
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="rules-actions">
        <Button
          className="btn"
          onPress={() => setDraft((all) => [...all, ...toDraft([newRule(kind, all.length + 1)])])}
        >
          + Add rule (or)
        </Button>
      </div>
      <div className="rules-words">
        <h4>In words</h4>
        <p aria-live="polite" data-testid={`rules-words-${kind}`}>
          {describeRules(plain, labels)}
        </p>
      </div>
      {problems.length ? (
        <div role="alert" className="alert alert-error">
          <p>These rules cannot be saved yet:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="rules-actions">
        <Button className="btn btn-primary" isDisabled={!dirty} isPending={isSaving} onPress={save}>
          {`Save ${title} rules`}
        </Button>
        <Button
          className="btn"
          isDisabled={!dirty}
          onPress={() => {
            setDraftRules(toDraft(rules));
            setProblems([]);
          }}
        >
          Discard changes
        </Button>
      </div>
    </div>
  );
};
