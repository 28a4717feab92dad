import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, submitClaims } from "@billcycle/app";
import { localDateAt } from "@billcycle/core";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClaimsData } from "../bench/claims-generate";
import { query, scalar } from "../bench/common";
import { BENCH_ZONE } from "../bench/generate";

/**
 * More pending claims than the PostgreSQL protocol has parameters per statement (65,535): every query of Claims
 * Submission must carry ids as one array (or page). PostgreSQL only: the limit is node-postgres's bind message,
 * which PGlite does not have, and 100,000 claims on PGlite (WASM) would take minutes for nothing more.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("Claims Submission past 65,535 claims (postgres)", () => {
  const CLAIMS = 100_000;
  let database: TestDatabase;
  const dropRoot = mkdtempSync(join(tmpdir(), "billcycle-limits-"));
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(dropRoot, { recursive: true, force: true });
  });

  it("submits 100,000 pending claims of one practice in one run", { timeout: 240_000 }, async () => {
    const now = new Date();
    const today = localDateAt(now, BENCH_ZONE);
    // Bulk SQL (INSERT … SELECT generate_series), as the claims bench makes them: through the use cases this
    // would take minutes.
    const [practice] = await generateClaimsData(
      database,
      { practices: 1, perPractice: CLAIMS, today, now },
      () => {},
    );
    expect(practice!.claims).toBe(CLAIMS);

    const result = await submitClaims(
      database,
      { practiceId: practice!.practiceId, runId: null, trigger: "manual", today },
      now,
      { transportFor: defaultTransportResolver({ dropRoot }) },
    );
    const passing = CLAIMS - practice!.blocked;
    expect(result).toMatchObject({
      considered: CLAIMS,
      scrubberRejected: practice!.blocked,
      submitted: passing,
      files: 1,
      delivery: "sent",
    });
    const statuses = await query<{ status: string; n: string }>(
      database,
      "SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status",
    );
    expect(statuses.map((r) => [r.status, Number(r.n)])).toEqual([
      ["scrubber_rejected", practice!.blocked],
      ["submitted", passing],
    ]);
    expect(await scalar(database, "SELECT count(*) AS n FROM claim_scrubs")).toBe(CLAIMS);
    expect(await scalar(database, "SELECT count(*) AS n FROM claim_submissions")).toBe(passing);
    const outbox = join(dropRoot, practice!.practiceId, "outbox");
    const [file] = readdirSync(outbox);
    expect(readFileSync(join(outbox, file!), "latin1").match(/~CLM\*/g)).toHaveLength(passing);
  });
});
