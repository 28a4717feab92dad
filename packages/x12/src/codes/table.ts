/** A code list: code → description. */
export type CodeTable = Readonly<Record<string, string>>;

/** A code with its description from a table (`undefined` text when the code is not in the table). */
export type CodeText = Readonly<{ code: string; text: string | undefined }>;

/** One frozen CodeText per table and code: readers return the same object for the same code. */
const CACHE = new WeakMap<CodeTable, Map<string, CodeText>>();

/** The table looked up last and its cache: skips the WeakMap for runs of lookups in one table. */
let lastTable: CodeTable | undefined;
let lastByCode: Map<string, CodeText> | undefined;

/** A code with its text from `table` (`text` undefined for a code the table does not know); cached per table. */
export function codeText(table: CodeTable, code: string): CodeText {
  let byCode = table === lastTable ? lastByCode : CACHE.get(table);
  if (byCode === undefined) {
    byCode = new Map();
    CACHE.set(table, byCode);
  }
  lastTable = table;
  lastByCode = byCode;
  let hit = byCode.get(code);
  if (hit === undefined) {
    hit = Object.freeze({ code, text: Object.hasOwn(table, code) ? table[code] : undefined });
    // Unknown codes are not cached, so a file full of random codes cannot grow the cache.
    if (hit.text !== undefined) byCode.set(code, hit);
  }
  return hit;
}
