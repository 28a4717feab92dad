import { createUser, passwordWeakness } from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const refusal = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe("password rules", () => {
  it("at least 12 characters, counted as characters, not bytes", async () => {
    expect(await passwordWeakness("eleven-char")).toMatch(/at least 12 characters/);
    expect(await passwordWeakness("ünïcödé-pässwörd".slice(0, 11))).toMatch(/at least 12 characters/);
    expect(await passwordWeakness("twelve-chars")).toBeNull();
  });

  it("long but common passwords are refused, whatever their case", async () => {
    for (const common of ["password1234", "qwertyuiop123", "123456789012", "QwertyUiop123"]) {
      expect(await passwordWeakness(common)).toMatch(/commonly used/);
    }
    expect(await passwordWeakness("correct horse battery staple")).toBeNull();
  });
});

describe.each(testBackends())("creating a user on %s", (backend) => {
  let database: TestDatabase;
  const now = new Date("2026-05-01T09:00:00Z");
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("a short or common password is WEAK_PASSWORD with the reason, and no user is created", async () => {
    const short = await refusal(
      createUser(database, {
        input: { email: "short@example.com", name: "Short", password: "tooshort10" },
        memberships: [],
        now: now,
      }),
    );
    expect([short.code, short.details?.reason]).toEqual([
      "WEAK_PASSWORD",
      "a password has at least 12 characters",
    ]);
    const common = await refusal(
      createUser(database, {
        input: { email: "common@example.com", name: "Common", password: "Password1234" },
        memberships: [],
        now: now,
      }),
    );
    expect(common.code).toBe("WEAK_PASSWORD");
    expect(common.message).toMatch(/commonly used/);
    const rows = await database.db.query.users.findMany();
    expect(rows.map((r) => r.email)).toEqual([]);
    const ok = await createUser(database, {
      input: { email: "strong@example.com", name: "Strong", password: "a long unusual passphrase" },
      memberships: [],
      now: now,
    });
    expect(ok.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
