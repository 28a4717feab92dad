import type { ReactNode } from "react";
import { Checkbox } from "react-aria-components";
import { type ApiIssue, errorText, isApiError } from "../api/client";

/**
 * The API's coded field errors by field path ("firstName", "subscriber.dateOfBirth"), to show next to the
 * inputs: `{ error: { code, message, issues: [{ path, code, message }] } }`.
 */
export const fieldErrors = (error: unknown): Record<string, string> => {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.path && !out[issue.path]) out[issue.path] = issueWords(issue);
  }
  return out;
};

/** "INVALID_NPI: NPI must be 10 digits…" reads as the sentence, with the code kept for support. */
const issueWords = (issue: ApiIssue): string => {
  const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return issue.code && issue.code !== "VALIDATION_FAILED" ? `${message} (${issue.code})` : message;
};

/**
 * The form's error alert: the API's message, unless every issue it lists is already shown beside its field
 * (`shown` are the paths the form has inputs for).
 */
export const FormAlert = ({ error, shown }: { error: unknown; shown: readonly string[] }) => {
  if (!error) return null;
  const issues = isApiError(error) ? error.issues : [];
  const placed = issues.length > 0 && issues.every((i) => shown.includes(i.path));
  return (
    <p role="alert" className="alert alert-error">
      {placed ? "Some fields need a change: see the messages beside them." : errorText(error)}
    </p>
  );
};

/** A labelled checkbox (react-aria Checkbox) with an optional line under it. */
export const CheckboxField = ({
  label,
  isSelected,
  onChange,
  description,
  isDisabled,
}: {
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  description?: ReactNode;
  isDisabled?: boolean;
}) => (
  <div className="checkbox-field">
    <Checkbox className="checkbox" isSelected={isSelected} onChange={onChange} isDisabled={isDisabled}>
      <span className="checkbox-box" aria-hidden="true" />
      {label}
    </Checkbox>
    {description ? <p className="field-note muted">{description}</p> : null}
  </div>
);
