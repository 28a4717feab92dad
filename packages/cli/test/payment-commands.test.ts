import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { TEST_KEYS, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAmountToCents } from "../src/commands/payments";

useTestSecretKey();
const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));

/** `billcycle stripe configure`, `card setup|list|default|remove` and `charge`, as a person runs them, against the fake. */
describe("billcycle payment commands", () => {
  const parent = mkdtempSync(join(tmpdir(), "billcycle-payments-"));
  const dataDir = join(parent, "data");
  let fake: StripeFake;
  let practiceId: string;
  let clientId: string;

  // Asynchronous: the fake answers from this process while the command runs.
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
    fake = await startStripeFake();
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const { migrate } = await import("@billcycle/db");
      await migrate(database);
      const p = await createBillingPractice(database, "America/Chicago", new Date(), "CLI Cards");
      practiceId = p.practiceId;
      clientId = await createClient(database, p, new Date(), { paysBy: "self_pay" });
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await fake?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it("configures Stripe, saves a card, charges it once per key, and removes it", async () => {
    const configured = await billcycle(
      "stripe",
      "configure",
      "--practice",
      practiceId,
      "--publishable-key",
      TEST_KEYS.publishableKey,
      "--secret-key",
      TEST_KEYS.secretKey,
      "--webhook-secret",
      TEST_KEYS.webhookSecret,
      "--api-base-url",
      fake.url,
    );
    expect(configured.stderr).toBe("");
    expect(configured.stdout).toContain("Stripe test keys saved (version 1)");
    expect(configured.stdout).not.toContain(TEST_KEYS.secretKey);

    const setup = await billcycle("card", "setup", "--practice", practiceId, clientId);
    const setupIntentId = setup.stdout.match(/setup intent:\s+(seti_\w+)/)?.[1] ?? "";
    expect(setupIntentId, setup.stderr).toMatch(/^seti_/);
    await fake.completeSetupIntent(setupIntentId, { brand: "visa", expMonth: 9, expYear: 2030 });
    const listed = await billcycle("card", "list", "--refresh", "--practice", practiceId, clientId);
    expect(listed.stdout).toMatch(/visa\s+•••• 4242 {2}09\/2030 {2}default/);
    const cardId = listed.stdout.trim().split(/\s+/)[0] ?? "";

    const charged = await billcycle(
      "charge",
      "--practice",
      practiceId,
      "--key",
      "cli-key-1",
      clientId,
      "125.00",
    );
    expect(charged.stdout, charged.stderr).toContain("$125.00 succeeded");
    const again = await billcycle(
      "charge",
      "--practice",
      practiceId,
      "--key",
      "cli-key-1",
      clientId,
      "125.00",
    );
    expect(again.stdout).toContain("Already charged with this key: $125.00 succeeded");
    expect(fake.paymentIntents().filter((pi) => pi.amount === 12_500)).toHaveLength(1);

    fake.failNext({ kind: "decline", declineCode: "insufficient_funds" });
    const declined = await billcycle("charge", "--practice", practiceId, clientId, "10");
    expect(declined.status).toBe(2);
    expect(declined.stdout).toContain(
      "$10.00 declined: insufficient_funds (Your card has insufficient funds.)",
    );

    const removed = await billcycle("card", "remove", "--practice", practiceId, clientId, cardId);
    expect(removed.stdout).toContain("Removed. 0 card(s) left.");
    // Each command starts a process and opens the embedded database: minutes on a loaded machine.
  }, 400_000);

  it("reads amounts in dollars without floating point, and refuses what is not one", () => {
    expect(["125.00", "$1,200.5", "0.07", "12"].map(parseAmountToCents)).toEqual([12_500, 120_050, 7, 1_200]);
    for (const bad of ["10.001", "-5", "0", "1e3", "abc"]) expect(() => parseAmountToCents(bad)).toThrow();
  });
});
