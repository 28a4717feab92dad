import { DomainError } from "../errors/domain-error";

/** What a template may name; anything else in braces is refused when the rule set is saved. */
export const templatePlaceholders = [
  "first_name",
  "amount",
  "practice_name",
  "pay_link",
  "practice_phone",
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** UNKNOWN_PLACEHOLDER for `{anything}` not in templatePlaceholders; VALIDATION_FAILED for an empty template. */
export const assertTemplate = (template: string, field = "template"): void => {
  if (template.trim() === "") {
    throw new DomainError("VALIDATION_FAILED", "A message template cannot be empty", { field });
  }
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? "")
    .filter((name) => !(templatePlaceholders as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new DomainError(
      "UNKNOWN_PLACEHOLDER",
      `The template names ${unknown.map((u) => `{${u}}`).join(", ")}; it may use ${templatePlaceholders
        .map((p) => `{${p}}`)
        .join(", ")}`,
      { field, unknown, allowed: [...templatePlaceholders] },
    );
  }
};

/** The message text: each placeholder replaced by its value (templates were checked when saved). */
export const renderTemplate = (template: string, values: TemplateValues): string =>
  template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as TemplatePlaceholder] : whole,
  );

// One formatter: toLocaleString with options builds a new one per call, a measurable share of a send batch.
const DOLLARS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cents as the patient reads them: $1,234.56. */
export const formatDollars = (cents: number): string => `$${DOLLARS.format(cents / 100)}`;
