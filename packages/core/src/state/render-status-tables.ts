import { type StatusColumn, statesOf, statusColumns } from "./status-columns";

export const STATUS_TABLES_START = "<!-- status-tables:start (npm run docs:status writes this part) -->";
export const STATUS_TABLES_END = "<!-- status-tables:end -->";

const table = (rows: string[][]): string[] => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(rows[0]!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.slice(1).map(line)];
};

const code = (s: string) => `\`${s}\``;

/** One status column as Markdown: where it lives, its writer, its states and the moves its table allows. */
const renderColumn = (c: StatusColumn): string[] => {
  const label = (s: string) => (c.labels?.[s] ? `${code(s)} (${c.labels[s]})` : code(s));
  const rows = statesOf(c).map((s) => [
    label(s),
    c.transitions[s]!.length ? c.transitions[s]!.map(code).join(", ") : "final",
  ]);
  const also = (c.alsoWrittenBy ?? []).map((w) => `${code(w.path)} (${w.why})`);
  return [
    `#### ${c.name}: ${code(`${c.table}.${c.column}`)}${c.rows ? ` where ${code(c.rows)}` : ""}`,
    "",
    `Created as ${c.initial.map(code).join(" or ")}; written by ${code(c.writer)}.` +
      (also.length ? ` Also written by: ${also.join("; ")}.` : ""),
    "",
    ...table([["from", "may go to"], ...rows]),
  ];
};

/** Every status table of core, as the Markdown that sits between the markers in docs/ARCHITECTURE.md. */
export const renderStatusTables = (columns: readonly StatusColumn[] = statusColumns): string =>
  columns.flatMap((c) => [...renderColumn(c), ""]).join("\n");

/** The document with its generated part replaced by `renderStatusTables()`; throws if the markers are missing. */
export const withStatusTables = (doc: string, columns: readonly StatusColumn[] = statusColumns): string => {
  const start = doc.indexOf(STATUS_TABLES_START);
  const end = doc.indexOf(STATUS_TABLES_END);
  if (start < 0 || end < start) throw new Error("docs/ARCHITECTURE.md has no status-tables markers");
  return (
    doc.slice(0, start + STATUS_TABLES_START.length) +
    "\n\n" +
    renderStatusTables(columns) +
    "\n" +
    doc.slice(end)
  );
};
