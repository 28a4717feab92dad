/** A code list: code → description. */
export type CodeTable = Readonly<Record<string, string>>;

/** A code with its description from a table (`undefined` text when the code is not in the table). */
export type CodeText = { code: string; text: string | undefined };

export function codeText(table: CodeTable, code: string): CodeText {
  return { code, text: Object.hasOwn(table, code) ? table[code] : undefined };
}
