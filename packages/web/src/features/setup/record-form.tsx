import type { ReactNode } from "react";
import { SelectField, TextInput } from "../../components/fields";
import { CheckboxField } from "../../components/form";
import { centsToDollars, dollarsToCents } from "../../lib/format";
import { MemberSelect, NO_MEMBER } from "./member-select";

type Base = { key: string; label: string; description?: string };

/** One input of a setup record's form, and how its text becomes the API's value. */
export type FieldSpec =
  | (Base & {
      kind: "text";
      required?: boolean;
      placeholder?: string;
      /** Blank is sent as null (the API clears it). */
      nullable?: boolean;
      upperCase?: boolean;
      /** A check before sending (the API checks again and answers with a code). */
      check?: (value: string) => string | null;
    })
  | (Base & { kind: "dollars"; required?: boolean })
  | (Base & { kind: "integer"; min: number; max: number; required?: boolean })
  | (Base & { kind: "select"; options: ReadonlyArray<{ id: string; label: string }> })
  | (Base & { kind: "checkbox"; initial: boolean })
  | (Base & { kind: "codes"; max: number })
  | (Base & { kind: "address"; optional: boolean })
  /** A member of the practice (a user), or none: sent as the user's id or null. */
  | (Base & { kind: "member" });

export type Draft = Record<string, string | boolean>;

const addressParts = ["line1", "line2", "city", "state", "zip"] as const;
const addressLabels = {
  line1: "Street",
  line2: "Suite (optional)",
  city: "City",
  state: "State",
  zip: "ZIP",
};

const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The form's starting values: a record's (editing) or empty ones (new). */
export const draftOf = (fields: readonly FieldSpec[], row: Record<string, unknown> | null): Draft => {
  const d: Draft = {};
  for (const f of fields) {
    const v = row?.[f.key];
    if (f.kind === "dollars") d[f.key] = typeof v === "number" ? centsToDollars(v) : "";
    else if (f.kind === "checkbox") d[f.key] = typeof v === "boolean" ? v : f.initial;
    else if (f.kind === "select") d[f.key] = text(v) || (f.options[0]?.id ?? "");
    else if (f.kind === "codes") d[f.key] = Array.isArray(v) ? v.join(", ") : "";
    else if (f.kind === "member") d[f.key] = text(v) || NO_MEMBER;
    else if (f.kind === "address") {
      const a = (v ?? {}) as Record<string, unknown>;
      for (const p of addressParts) d[`${f.key}.${p}`] = text(a[p]);
    } else d[f.key] = text(v);
  }
  return d;
};

/** The request body for a draft, or a sentence per field the browser can already tell is wrong. */
export const bodyOf = (
  fields: readonly FieldSpec[],
  d: Draft,
): { body: Record<string, unknown> } | { invalid: Record<string, string> } => {
  const body: Record<string, unknown> = {};
  const invalid: Record<string, string> = {};
  const str = (k: string) => String(d[k] ?? "").trim();
  for (const f of fields) {
    if (f.kind === "text") {
      const v = f.upperCase ? str(f.key).toUpperCase() : str(f.key);
      const problem = v && f.check ? f.check(v) : null;
      if (problem) invalid[f.key] = problem;
      if (v || f.required) body[f.key] = v;
      else if (f.nullable) body[f.key] = null;
    } else if (f.kind === "dollars") {
      const cents = dollarsToCents(str(f.key));
      if (cents === null || Number.isNaN(cents)) invalid[f.key] = "Dollars, e.g. 150 or 149.50";
      else body[f.key] = cents;
    } else if (f.kind === "integer") {
      const v = str(f.key);
      if (!v && !f.required) continue;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < f.min || n > f.max)
        invalid[f.key] = `A whole number from ${f.min} to ${f.max}`;
      else body[f.key] = n;
    } else if (f.kind === "select") body[f.key] = d[f.key];
    else if (f.kind === "member") body[f.key] = d[f.key] && d[f.key] !== NO_MEMBER ? d[f.key] : null;
    else if (f.kind === "checkbox") body[f.key] = d[f.key] === true;
    else if (f.kind === "codes") {
      const codes = str(f.key)
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase());
      if (codes.length > f.max) invalid[f.key] = `At most ${f.max}`;
      body[f.key] = codes;
    } else {
      const parts = Object.fromEntries(addressParts.map((p) => [p, str(`${f.key}.${p}`)]));
      if (f.optional && addressParts.every((p) => !parts[p])) body[f.key] = null;
      else {
        const { line2, state, ...rest } = parts;
        body[f.key] = { ...rest, state: (state ?? "").toUpperCase(), ...(line2 ? { line2 } : {}) };
      }
    }
  }
  return Object.keys(invalid).length ? { invalid } : { body };
};

/** Every field path the form shows errors for (so the alert does not repeat them). */
export const errorPaths = (fields: readonly FieldSpec[]): string[] =>
  fields.flatMap((f) =>
    f.kind === "address" ? [f.key, ...addressParts.map((p) => `${f.key}.${p}`)] : [f.key],
  );

/** The inputs of a setup record's form. */
export const RecordFields = ({
  fields,
  draft,
  onChange,
  errors,
}: {
  fields: readonly FieldSpec[];
  draft: Draft;
  onChange: (key: string, value: string | boolean) => void;
  errors: Record<string, string>;
}): ReactNode => (
  <div className="form-grid">
    {fields.map((f) => {
      const value = draft[f.key];
      switch (f.kind) {
        case "checkbox":
          return (
            <CheckboxField
              key={f.key}
              label={f.label}
              isSelected={value === true}
              onChange={(v) => onChange(f.key, v)}
              description={f.description}
            />
          );
        case "select":
          return (
            <SelectField
              key={f.key}
              label={f.label}
              options={f.options}
              value={String(value)}
              onChange={(v) => onChange(f.key, v)}
              errorMessage={errors[f.key]}
            />
          );
        case "member":
          return (
            <MemberSelect
              key={f.key}
              label={f.label}
              description={f.description}
              value={String(value)}
              onChange={(v) => onChange(f.key, v)}
              errorMessage={errors[f.key]}
            />
          );
        case "address":
          return addressParts.map((p) => (
            <TextInput
              key={`${f.key}.${p}`}
              label={addressLabels[p]}
              value={String(draft[`${f.key}.${p}`] ?? "")}
              onChange={(v) => onChange(`${f.key}.${p}`, v)}
              isRequired={!f.optional && p !== "line2"}
              errorMessage={errors[`${f.key}.${p}`] ?? (p === "line1" ? errors[f.key] : undefined)}
            />
          ));
        default:
          return (
            <TextInput
              key={f.key}
              label={f.label}
              value={String(value ?? "")}
              onChange={(v) => onChange(f.key, v)}
              isRequired={"required" in f ? f.required : false}
              inputMode={f.kind === "dollars" ? "decimal" : f.kind === "integer" ? "numeric" : undefined}
              placeholder={f.kind === "text" ? f.placeholder : undefined}
              description={f.description}
              errorMessage={errors[f.key]}
            />
          );
      }
    })}
  </div>
);
