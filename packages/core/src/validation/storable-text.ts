/**
 * Text PostgreSQL cannot store: U+0000 (its text type refuses it, 22021), and half of a UTF-16 surrogate pair,
 * which is not a Unicode character at all (the driver would silently store U+FFFD in its place).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what is refused
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnstorableText = { index: number; reason: "NUL character" | "lone surrogate" };

/** Where `text` first holds a character that cannot be stored, or null when all of it can. */
export const unstorableCharacter = (text: string): UnstorableText | null => {
  const match = unstorable.exec(text);
  if (!match) return null;
  return { index: match.index, reason: match[0] === "\u0000" ? "NUL character" : "lone surrogate" };
};

/** The text with every unstorable character written as a \uXXXX escape, so it can be shown or logged. */
export const escapeUnstorable = (text: string): string =>
  text.replace(
    new RegExp(unstorable.source, "g"),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

export type UnstorableField = UnstorableText & { path: string };

/**
 * The first string (or object key) in a parsed JSON value that cannot be stored, with its dotted path
 * (`address.line1`, `modifiers.1`); keys in the path are escaped. Null when every string can be stored.
 */
export const findUnstorableText = (value: unknown, path: string[] = []): UnstorableField | null => {
  if (typeof value === "string") {
    const found = unstorableCharacter(value);
    return found ? { ...found, path: path.join(".") } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = [...path, escapeUnstorable(key)];
      const inKey = unstorableCharacter(key);
      if (inKey) return { ...inKey, path: keyPath.join(".") };
      const found = findUnstorableText(item, keyPath);
      if (found) return found;
    }
  }
  return null;
};
