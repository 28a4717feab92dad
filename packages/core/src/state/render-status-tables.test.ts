import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  renderStatusTables,
  STATUS_TABLES_END,
  STATUS_TABLES_START,
  withStatusTables,
} from "./render-status-tables";
import type { StatusColumn } from "./status-columns";

const light: StatusColumn = {
  name: "Light",
  table: "lights",
  column: "status",
  transitions: { green: ["yellow"], yellow: ["red"], red: ["green"], off: [] },
  initial: ["off"],
  writer: "packages/app/src/lights/switch-light.ts",
};

describe("status tables in the docs", () => {
  it("renders each column's states, moves, first states and writer", () => {
    expect(renderStatusTables([light])).toBe(
      [
        "#### Light: `lights.status`",
        "",
        "Created as `off`; written by `packages/app/src/lights/switch-light.ts`.",
        "",
        "| from     | may go to |",
        "| -------- | --------- |",
        "| `green`  | `yellow`  |",
        "| `yellow` | `red`     |",
        "| `red`    | `green`   |",
        "| `off`    | final     |",
        "",
      ].join("\n"),
    );
  });

  it("replaces only what is between the markers", () => {
    const doc = `before\n${STATUS_TABLES_START}\nold\n${STATUS_TABLES_END}\nafter\n`;
    expect(withStatusTables(doc, [light])).toBe(
      `before\n${STATUS_TABLES_START}\n\n${renderStatusTables([light])}\n${STATUS_TABLES_END}\nafter\n`,
    );
  });

  it("docs/ARCHITECTURE.md shows today's core tables (npm run docs:status)", () => {
    const doc = readFileSync(new URL("../../../../docs/ARCHITECTURE.md", import.meta.url), "utf8");
    expect(doc, "docs/ARCHITECTURE.md is out of date: run npm run docs:status").toBe(withStatusTables(doc));
  });
});
