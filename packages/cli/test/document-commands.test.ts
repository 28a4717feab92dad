import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase } from "@billcycle/db";
import { createAppointment, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("billcycle superbill and document commands", () => {
  const parent = mkdtempSync(join(tmpdir(), "billcycle-docs-"));
  const dataDir = join(parent, "data");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const billcycle = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
    });

  it("create a superbill, list it, download the PDF as issued, void it once", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir });
    await migrate(database);
    const now = new Date("2026-03-10T15:00:00Z");
    const p = await createBillingPractice(database, "America/Chicago", now);
    const clientId = await createClient(database, p, now);
    await createAppointment(database, p, clientId, now, { localStart: "2026-02-03T10:00", status: "kept" });
    await database.close();

    const made = billcycle(
      "superbill",
      "create",
      "--practice",
      p.practiceId,
      "--client",
      clientId,
      "--from",
      "2026-02-01",
      "--to",
      "2026-02-28",
    );
    expect(made.stderr).toBe("");
    expect(made.stdout).toMatch(
      /^SB-1000 \([0-9a-f-]{36}\): services 2026-02-03\.\.2026-02-03, \$175\.00\n$/,
    );
    const id = made.stdout.match(/\(([0-9a-f-]{36})\)/)![1]!;
    const again = billcycle(
      "superbill",
      "create",
      "--practice",
      p.practiceId,
      "--client",
      clientId,
      "--from",
      "2026-02-01",
      "--to",
      "2026-02-28",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      "CONFLICT: Every insurance-eligible service of a kept session from 2026-02-01 to 2026-02-28 is already on superbill SB-1000",
    );
    const badDate = billcycle(
      "superbill",
      "create",
      "--practice",
      p.practiceId,
      "--client",
      clientId,
      "--from",
      "2026-02-30",
      "--to",
      "2026-03-01",
    );
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain("INVALID_DATE");

    const list = billcycle("document", "list", "--practice", p.practiceId, "--client", clientId);
    expect(list.stdout).toContain(`${id}  superbill SB-1000 v1  issued $175.00 2026-02-03..2026-02-03`);

    const file = join(parent, "sb.pdf");
    const down = billcycle("document", "download", id, "--practice", p.practiceId, "--out", file);
    expect(down.stderr).toBe("");
    const bytes = readFileSync(file);
    expect(down.stdout).toBe(
      `${file}: ${bytes.byteLength} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex")}\n`,
    );
    expect((await readPdfText(new Uint8Array(bytes))).lines).toContain("Number: SB-1000");

    expect(
      billcycle("document", "void", id, "--practice", p.practiceId, "--reason", "wrong payer").stdout,
    ).toBe("SB-1000 v1 voided\n");
    const twice = billcycle("document", "void", id, "--practice", p.practiceId, "--reason", "again");
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain("ILLEGAL_TRANSITION");
    expect(billcycle("document", "list", "--practice", p.practiceId, "--client", clientId).stdout).toContain(
      "SB-1000 v1  void",
    );
    expect(
      billcycle("document", "void", "not-an-id", "--practice", p.practiceId, "--reason", "x").stderr,
    ).toContain("NOT_FOUND: Document not found");
    // Each command is a process that opens the embedded database: a minute or more on a loaded machine.
  }, 600_000);
});
