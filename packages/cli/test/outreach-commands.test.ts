import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { applyOutreachAction, startOutreachSet } from "@billcycle/app";
import { openDatabase } from "@billcycle/db";
import { createBillingPractice, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { patientWithBalance, THREE_STEPS } from "@billcycle/testing/outreach-fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOutreachAction } from "../src/commands/outreach";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));

/** `billcycle outreach …` as a person runs it: rule sets, sets with filters, start, actions, timeline, export. */
describe("billcycle outreach commands", () => {
  const parent = mkdtempSync(join(tmpdir(), "billcycle-outreach-"));
  const dataDir = join(parent, "data");
  let p: PracticeFixture;
  let alice: string;
  let bob: string;
  let bobSet: string;

  const billcycle = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", ...args], {
        cwd: root,
        env: { ...process.env, BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "test" },
        encoding: "utf8",
      });
      return { status: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { status: x.code ?? 1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
    }
  };

  beforeAll(async () => {
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const { migrate } = await import("@billcycle/db");
      await migrate(database);
      const now = new Date();
      p = await createBillingPractice(database, "America/Chicago", now, "CLI Outreach");
      alice = (await patientWithBalance(database, p, now, ["2026-03-02"], { firstName: "Alice" })).clientId;
      bob = (await patientWithBalance(database, p, now, ["2026-03-02", "2026-03-03"], { firstName: "Bob" }))
        .clientId;
      writeFileSync(join(parent, "standard.json"), JSON.stringify(THREE_STEPS));
      writeFileSync(
        join(parent, "twice.json"),
        JSON.stringify({ ...THREE_STEPS, steps: [THREE_STEPS.steps[0], THREE_STEPS.steps[0]] }),
      );
      const { saveRuleSet } = await import("@billcycle/app");
      await saveRuleSet(database, { actor: p.actor, body: { ...THREE_STEPS, name: "Seeded" }, now });
      bobSet = await startOutreachSet(database, { actor: p.actor, clientId: bob, now });
      await applyOutreachAction(database, {
        actor: p.actor,
        setId: bobSet,
        request: { action: "pause" },
        now,
      });
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("saves and lists rule sets, starts a set, filters, applies actions single and bulk, exports collections", async () => {
    const practice = ["--practice", p.practiceId];
    const twice = await billcycle(
      "outreach",
      "save-rule-set",
      ...practice,
      "--file",
      join(parent, "twice.json"),
    );
    expect([twice.status, twice.stderr.trim()]).toEqual([
      1,
      "billcycle: INVALID_RULE_SET: Two steps send sms on day 0",
    ]);
    const saved = await billcycle(
      "outreach",
      "save-rule-set",
      ...practice,
      "--file",
      join(parent, "standard.json"),
    );
    expect(saved.stdout, saved.stderr).toMatch(/^saved [0-9a-f-]{36} {2}Standard {2}3 step\(s\)/);
    const listed = await billcycle("outreach", "rule-sets", ...practice);
    expect(listed.stdout).toContain("Standard  (default)");
    expect(listed.stdout).toMatch(/day {3}3 {2}email 09:00-20:00 {2}Hello \{first_name\}/);

    const started = await billcycle("outreach", "start", ...practice, alice);
    const aliceSet = /^started ([0-9a-f-]{36})/.exec(started.stdout)?.[1] ?? "";
    expect(aliceSet, started.stderr).not.toBe("");
    expect(started.stdout).toMatch(/Active +\$175\.00 {2}Alice/);

    const filtered = await billcycle("outreach", "sets", ...practice, "--status", "paused", "--min", "300");
    expect(filtered.stdout).toMatch(new RegExp(`^${bobSet} {2}Paused +\\$350\\.00 {2}Bob`));
    expect(filtered.stdout).toContain("1 set(s)");
    expect(filtered.stdout).not.toContain(aliceSet);

    // Resume is for Paused sets: refused for Alice's Active set with its code; in bulk, skipped with it.
    const refused = await billcycle("outreach", "action", ...practice, "resume", aliceSet);
    expect([refused.status, refused.stderr]).toEqual([
      1,
      "billcycle: ACTION_NOT_ALLOWED: Resume is not available for a set that is active\n",
    ]);
    const bulk = await billcycle("outreach", "action", ...practice, "pause", aliceSet, bobSet);
    expect(bulk.status).toBe(2);
    expect(bulk.stdout).toContain(`done     ${aliceSet}`);
    expect(bulk.stdout).toContain(`skipped  ${bobSet}  ACTION_NOT_ALLOWED`);
    expect(bulk.stdout).toContain("1 done, 1 skipped");

    const collections = await billcycle(
      "outreach",
      "action",
      ...practice,
      "send-to-collections",
      aliceSet,
      bobSet,
    );
    expect(collections.stdout, collections.stderr).toContain("2 done, 0 skipped");
    const timeline = await billcycle("outreach", "timeline", ...practice, aliceSet);
    expect(timeline.stdout).toMatch(/Collections/);
    expect(timeline.stdout).toMatch(/started +cli:/);
    expect(timeline.stdout).toMatch(/status +cli:\S+ +active -> paused \(pause\)\n/);
    expect(timeline.stdout).toMatch(/status +cli:\S+ +paused -> collections \(send_to_collections\)\n/);

    const file = join(parent, "collections.csv");
    const exported = await billcycle("outreach", "export-collections", ...practice, "--out", file);
    expect(exported.stdout).toContain(`2 set(s) written to ${file}`);
    const lines = readFileSync(file, "utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^set_id,patient_id,first_name/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual([aliceSet, bobSet].sort());
    // Each command starts a process and opens the embedded database: minutes on a loaded machine.
  }, 600_000);

  it("reads an action as typed (labels, dashes) and refuses an unknown one with its code", () => {
    expect(parseOutreachAction("Write Off")).toBe("write_off");
    expect(parseOutreachAction("send-to-collections")).toBe("send_to_collections");
    expect(parseOutreachAction("change_rule_set")).toBe("change_rule_set");
    expect(() => parseOutreachAction("delete")).toThrow(/not an action/);
  });
});
