import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@billcycle/db";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("billcycle user commands", () => {
  const parent = mkdtempSync(join(tmpdir(), "billcycle-users-"));
  const dataDir = join(parent, "data");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const billcycle = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "", BILLCYCLE_PASSWORD: "" },
      encoding: "utf8",
    });

  it("refuse a weak password, make an operator, revoke the role; every grant and revoke audited", async () => {
    const weak = billcycle(
      "user",
      "create",
      "--email",
      "op@example.com",
      "--name",
      "Op",
      "--password",
      "short-pass",
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("WEAK_PASSWORD: a password has at least 12 characters");

    const made = billcycle(
      "user",
      "create",
      "--email",
      "op@example.com",
      "--name",
      "Op",
      "--password",
      "a long unusual passphrase",
      "--operator",
    );
    expect(made.stderr).toBe("");
    expect(made.stdout).toMatch(/user op@example.com created \(.+\), platform operator/);
    expect(billcycle("user", "operator", "op@example.com", "--revoke").stdout).toContain(
      "op@example.com is no longer a platform operator",
    );
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const rows = await database.withSession((exec) =>
        exec(
          `SELECT u.platform_role, a.action, a.actor FROM users u
             JOIN audit_log a ON a.entity = 'user' AND a.entity_id = u.id::text ORDER BY a.id`,
        ),
      );
      expect(rows.map((r) => [r.platform_role, r.action, String(r.actor).startsWith("cli:")])).toEqual([
        [null, "grant_operator", true],
        [null, "revoke_operator", true],
      ]);
    } finally {
      await database.close();
    }
  });
});
