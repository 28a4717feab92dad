/**
 * Names the model field of a value the renderer refused, so that the error of a batch says which
 * claim and which field to fix. Runs only when a value is refused, never while writing.
 */

/** Returns the model path of a refused value (its text and the delimiter it contains). */
export type ValueLocator = (value: string, delimiter: string) => string;

/** Deeper than any claim model; stops the walk on shared or cyclic objects. */
const MAX_DEPTH = 16;
/** A verbatim segment's lookup key (never written). */
const LOOKUP_KEY = "rendered";

/**
 * The path below `root` (e.g. `.procedure.modifiers[1]`) of the first string, depth first in
 * property order, that is `value` itself, or else that contains `delimiter` (a value the writer
 * derived, such as the patient control number of a split claim part); `undefined` when no string
 * matches. `skip` names properties of `root` that are written from another place (a claim's lines).
 */
export function findValuePath(
  root: unknown,
  value: string,
  delimiter: string,
  skip?: ReadonlySet<string>,
): string | undefined {
  return (
    search(root, "", (s) => s === value, skip, 0) ?? search(root, "", (s) => s.includes(delimiter), skip, 0)
  );
}

function search(
  node: unknown,
  path: string,
  match: (text: string) => boolean,
  skip: ReadonlySet<string> | undefined,
  depth: number,
): string | undefined {
  if (typeof node === "string") return match(node) ? path : undefined;
  if (typeof node !== "object" || node === null || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const hit = search(node[i], `${path}[${i}]`, match, undefined, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === LOOKUP_KEY || skip?.has(key)) continue;
    const hit = search(child, `${path}.${key}`, match, undefined, depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * A locator for segments written from `root`, found at `path` in the batch: the field's full path
 * when it can be found, else `path` itself (at least the claim or loop to fix).
 */
export function locatorAt(path: string, root: unknown, skip?: ReadonlySet<string>): ValueLocator {
  return (value, delimiter) => path + (findValuePath(root, value, delimiter, skip) ?? "");
}
