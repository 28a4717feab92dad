/**
 * Stripe's v1 API takes application/x-www-form-urlencoded bodies (and query strings) with bracket notation:
 * `metadata[charge_id]=x`, `expand[0]=latest_charge`, `created[gte]=1700000000`. This decodes them into nested
 * objects and arrays, as the real API reads them.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const pathOf = (key: string): string[] => {
  const head = key.match(/^[^[]*/)?.[0] ?? key;
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "");
  return [head, ...rest];
};

const setPath = (target: FormObject, path: string[], value: string): void => {
  let node: FormObject = target;
  for (let i = 0; i < path.length - 1; i++) {
    const part = path[i] ?? "";
    const existing = node[part];
    if (existing === undefined || typeof existing === "string") {
      const next: FormObject = {};
      node[part] = next;
      node = next;
    } else node = existing as FormObject;
  }
  node[path.at(-1) ?? ""] = value;
};

/** Objects whose keys are all 0..n-1 become arrays (expand[0], payment_method_types[0]). */
const arraysFromIndexes = (value: FormValue): FormValue => {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, arraysFromIndexes(value[k] as FormValue)] as const);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
};

export const decodeForm = (text: string): FormObject => {
  const out: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) setPath(out, pathOf(key), value);
  return arraysFromIndexes(out) as FormObject;
};

/** A canonical text of decoded parameters, to compare an idempotent retry with the first request. */
export const canonicalParams = (value: FormValue | undefined): string => {
  if (value === undefined) return "";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalParams).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k])}`).join(",")}}`;
};
