// Writes core's status tables (core/src/state/status-columns.ts) into docs/ARCHITECTURE.md between its markers;
// render-status-tables.test.ts fails while the document differs from what this writes.
import { readFileSync, writeFileSync } from "node:fs";
import { withStatusTables } from "../packages/core/src/state/render-status-tables";

const path = new URL("../docs/ARCHITECTURE.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = withStatusTables(before);
if (after !== before) writeFileSync(path, after);
console.log(
  after === before
    ? "docs/ARCHITECTURE.md: status tables already current"
    : "docs/ARCHITECTURE.md: status tables written",
);
