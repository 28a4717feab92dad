import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, submitClaims } from "@billcycle/app";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { configure, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { practiceWithSubmittedClaims, ZONE } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(testBackends())("the 837P submitter contact comes from the practice (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const now = local("2026-03-04T12:00", ZONE);
  const awaiting = async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    await database.db
      .update(tables.claims)
      .set({ status: "awaiting_submission" })
      .where(eq(tables.claims.practiceId, p.practiceId));
    return p;
  };
  const dryRun = (p: PracticeFixture) =>
    submitClaims(
      database,
      { practiceId: p.practiceId, runId: null, trigger: "manual", today: "2026-03-04" },
      now,
      { transportFor: defaultTransportResolver({ dropRoot: mkdtempSync(join(tmpdir(), "drop-")) }) },
      { dryRun: true },
    );
  const perOf = (file: string | undefined) =>
    file
      ?.split("~")
      .find((s) => s.trim().startsWith("PER*"))
      ?.trim();
  const setContact = (p: PracticeFixture, contact: Partial<typeof tables.practices.$inferInsert>) =>
    database.db.update(tables.practices).set(contact).where(eq(tables.practices.id, p.practiceId));

  it("PER names the practice with its phone and billing email, never a placeholder", async () => {
    const p = await awaiting();
    const r = await dryRun(p);
    expect(perOf(r.fileContent)).toBe(
      "PER*IC*Fixture Practice*TE*5125550100*EM*billing@fixture-practice.example",
    );
    expect(r.fileContent).not.toContain("example.invalid");

    await setContact(p, { phone: null, billingContactName: "Dana Biller" });
    expect(perOf((await dryRun(p)).fileContent)).toBe(
      "PER*IC*Dana Biller*EM*billing@fixture-practice.example",
    );
  });

  it("a practice nobody can be reached at cannot send claims nor enable Claims Submission", async () => {
    const p = await awaiting();
    await setContact(p, { phone: null, billingContactEmail: null });
    await expect(dryRun(p)).rejects.toMatchObject({ code: "SUBMITTER_CONTACT_MISSING" });
    await expect(
      configure(database, p, now, (c) => {
        c.automations.claims_submission.enabled = true;
      }),
    ).rejects.toMatchObject({ code: "SUBMITTER_CONTACT_MISSING" });

    await setContact(p, { phone: "(512) 555-0199" });
    const saved = await configure(database, p, now, (c) => {
      c.automations.claims_submission.enabled = true;
    });
    expect(saved.automations.claims_submission.enabled).toBe(true);
    expect(perOf((await dryRun(p)).fileContent)).toBe("PER*IC*Fixture Practice*TE*5125550199");
  });
});
