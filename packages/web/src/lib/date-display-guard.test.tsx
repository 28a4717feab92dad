import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Screens show instants with lib/format's practice-zone formatters and dates of service with formatLocalDate.
 * This guard reads every screen's source and names, file:line, each way of showing a date that bypasses them: the
 * browser's zone or language, an ISO string cut or shown raw. A line may opt out with
 * `// date-display: allowed — <why>` on it or the line above (a date that is not shown, e.g. a React key).
 */
const rules: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  {
    rule: "toLocale*String uses the browser's zone and language",
    pattern: /\.toLocale(?:Date|Time)?String\(/,
  },
  {
    rule: "Intl date formatting belongs in lib/format.ts",
    pattern: /\bIntl\.(?:DateTimeFormat|RelativeTimeFormat)\b/,
  },
  {
    rule: ".slice(0, 10) of an instant is its UTC date",
    pattern: /\.(?:slice|substring|substr)\(\s*0\s*,\s*10\s*\)/,
  },
  {
    rule: "a Date's fields are read in the browser's zone",
    pattern: /\.get(?:Hours|Minutes|Date|Day|Month|FullYear|TimezoneOffset)\(\)/,
  },
  {
    rule: "new Date(...) shown as text is in the browser's zone",
    pattern: /(?:\{\s*|\$\{\s*|String\(\s*)new Date\(|new Date\([^)]*\)\.to(?!ISOString\b|JSON\b)\w*String\(/,
  },
  {
    rule: "an instant or date shown raw (ISO text)",
    pattern:
      /(?:^|[^=\w])\$?\{\s*[\w.?!]+\.(?:\w+At|\w*[dD]ate|dateOfService|\w+On|dueAt|sentAt|runAt|startsAt|endsAt)\s*\}/,
  },
];

const allowed = /date-display: allowed/;

export const findDateDisplayProblems = (source: string, file: string): string[] => {
  const lines = source.split("\n");
  const problems: string[] = [];
  lines.forEach((line, i) => {
    if (allowed.test(line) || allowed.test(lines[i - 1] ?? "")) return;
    const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, "");
    for (const { rule, pattern } of rules) {
      if (pattern.test(code)) problems.push(`${file}:${i + 1}: ${rule}: ${line.trim()}`);
    }
  });
  return problems;
};

// Tests run from the repository root (jsdom gives this module an http: URL, not a file path).
const featuresDir = resolve(process.cwd(), "packages/web/src/features");
const screens = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? screens(join(dir, e.name))
      : e.name.endsWith(".tsx") && !e.name.endsWith(".test.tsx")
        ? [join(dir, e.name)]
        : [],
  );

describe("date display guard", () => {
  it("finds no screen that shows a date or time outside the practice-zone formatters", () => {
    const files = screens(featuresDir);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) =>
      findDateDisplayProblems(readFileSync(f, "utf8"), relative(join(featuresDir, "../.."), f)),
    );
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("names file and line for each forbidden pattern, and lets a reasoned exception through", () => {
    const source = [
      "const a = <td>{new Date(r.createdAt).toLocaleString()}</td>;",
      "const b = <td>{r.createdAt.slice(0, 10)}</td>;",
      'const c = new Intl.DateTimeFormat("en-US").format(d);',
      "const d = <td>{new Date(r.at)}</td>;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the guard reads
      "const e = `sent ${s.sentAt}`;",
      "const f = <dd>{invoice.invoiceDate}</dd>;",
      "const g = when.getHours();",
      "const h = new Date(iso).toDateString();",
      "// date-display: allowed — a React key, not shown",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the guard reads
      "const k = <Row key={`${s.runTime}|${s.startDate}`} />;",
      "const ok = <td>{formatInstant(r.createdAt, display)}</td>;",
      "const id = <td>{r.id}</td>;",
    ].join("\n");
    const found = findDateDisplayProblems(source, "features/x/Example.tsx");
    expect([...new Set(found.map((p) => p.split(": ")[0]))]).toEqual([
      "features/x/Example.tsx:1",
      "features/x/Example.tsx:2",
      "features/x/Example.tsx:3",
      "features/x/Example.tsx:4",
      "features/x/Example.tsx:5",
      "features/x/Example.tsx:6",
      "features/x/Example.tsx:7",
      "features/x/Example.tsx:8",
    ]);
  });
});
