import {
  decryptSecret,
  describeStripeSettings,
  generateSecretKey,
  loadStripeCredentials,
  rotateSecretKey,
  saveStripeSettings,
  stripeSecretContext,
} from "@billcycle/app";
import { isDomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice } from "@billcycle/testing/billing-fixture";
import { TEST_KEYS, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const secretKey = useTestSecretKey();

/** Per-practice Stripe keys: encrypted at rest like clearinghouse secrets, never returned, fake URLs refused in production. */
describe.each(testBackends())("Stripe settings (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const refusal = (e: unknown) =>
    isDomainError(e) ? { code: e.code, message: e.message } : { code: String(e) };
  const practice = (name: string) => createBillingPractice(database, "America/New_York", new Date(), name);

  it("the keys are encrypted at rest, bound to the practice, and the view never shows the secrets", async () => {
    const p = await practice(`Keys ${backend}`);
    const view = await saveStripeSettings(database, {
      actor: p.actor,
      input: { ...TEST_KEYS, apiBaseUrl: "http://127.0.0.1:12111", version: 0 },
      production: false,
      now: new Date(),
    });
    expect(view).toEqual({
      configured: true,
      publishableKey: TEST_KEYS.publishableKey,
      livemode: false,
      hasSecretKey: true,
      hasWebhookSecret: true,
      apiBaseUrl: "http://127.0.0.1:12111",
      webhookPath: `/api/v1/webhooks/stripe/${p.practiceId}`,
      version: 1,
    });
    expect(JSON.stringify(view)).not.toContain(TEST_KEYS.secretKey);
    expect(JSON.stringify(view)).not.toContain(TEST_KEYS.webhookSecret);
    const [row] = await database.db
      .select()
      .from(tables.stripeSettings)
      .where(eq(tables.stripeSettings.practiceId, p.practiceId));
    const stored = JSON.stringify(row);
    for (const plain of Object.values(TEST_KEYS)) expect(stored).not.toContain(plain);
    expect(row?.secretKeyCiphertext).toMatch(/^v1:/);
    expect(
      decryptSecret(
        row?.secretKeyCiphertext ?? "",
        secretKey,
        stripeSecretContext(p.practiceId, "secret_key"),
      ),
    ).toBe(TEST_KEYS.secretKey);
    // Copied to another practice, or read as another of the keys, the ciphertext does not decrypt.
    const other = await practice(`Keys other ${backend}`);
    expect(() =>
      decryptSecret(
        row?.secretKeyCiphertext ?? "",
        secretKey,
        stripeSecretContext(other.practiceId, "secret_key"),
      ),
    ).toThrow();
    expect(() =>
      decryptSecret(
        row?.secretKeyCiphertext ?? "",
        secretKey,
        stripeSecretContext(p.practiceId, "webhook_secret"),
      ),
    ).toThrow();
    expect(await loadStripeCredentials(database.db, p.practiceId)).toMatchObject({
      secretKey: TEST_KEYS.secretKey,
      webhookSecret: TEST_KEYS.webhookSecret,
      endpoint: { host: "127.0.0.1", port: 12111, protocol: "http" },
    });
  });

  it("rotating the secret key re-encrypts the Stripe keys too; a second rotation finds them rotated", async () => {
    const p = await practice(`Rotation ${backend}`);
    await saveStripeSettings(database, {
      actor: p.actor,
      input: { ...TEST_KEYS, version: 0 },
      production: false,
      now: new Date(),
    });
    const next = Buffer.from(generateSecretKey(), "base64");
    await rotateSecretKey(database, { from: secretKey, to: next }, new Date(), "test");
    const [row] = await database.db
      .select()
      .from(tables.stripeSettings)
      .where(eq(tables.stripeSettings.practiceId, p.practiceId));
    for (const [name, plain] of [
      ["secret_key", TEST_KEYS.secretKey],
      ["webhook_secret", TEST_KEYS.webhookSecret],
      ["publishable_key", TEST_KEYS.publishableKey],
    ] as const) {
      const ciphertext =
        name === "secret_key"
          ? row?.secretKeyCiphertext
          : name === "webhook_secret"
            ? row?.webhookSecretCiphertext
            : row?.publishableKeyCiphertext;
      expect(decryptSecret(ciphertext ?? "", next, stripeSecretContext(p.practiceId, name))).toBe(plain);
    }
    const again = await rotateSecretKey(database, { from: secretKey, to: next }, new Date(), "test");
    expect(again.reencrypted).toBe(0);
    // Back to the test's key, so the other tests of this file read their settings.
    await rotateSecretKey(database, { from: next, to: secretKey }, new Date(), "test");
  });

  it("a later save may omit the secrets (kept), is versioned, and audited with field names only", async () => {
    const p = await practice(`Versions ${backend}`);
    await saveStripeSettings(database, {
      actor: p.actor,
      input: { ...TEST_KEYS, version: 0 },
      production: false,
      now: new Date(),
    });
    const stale = await saveStripeSettings(database, {
      actor: p.actor,
      input: { publishableKey: "pk_test_other", version: 0 },
      production: false,
      now: new Date(),
    }).catch(refusal);
    expect(stale).toMatchObject({ code: "VERSION_CONFLICT" });
    const saved = await saveStripeSettings(database, {
      actor: p.actor,
      input: { publishableKey: "pk_test_other", version: 1 },
      production: false,
      now: new Date(),
    });
    expect(saved).toMatchObject({ publishableKey: "pk_test_other", version: 2, apiBaseUrl: null });
    expect((await loadStripeCredentials(database.db, p.practiceId)).secretKey).toBe(TEST_KEYS.secretKey);
    const audit = await database.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.entity, "stripe_settings"));
    expect(JSON.stringify(audit)).not.toContain(TEST_KEYS.secretKey);
  });

  it("refuses: secrets missing on first save, test and live keys mixed, a fake's URL in production", async () => {
    const p = await practice(`Refusals ${backend}`);
    const save = (input: Parameters<typeof saveStripeSettings>[1]["input"], production = false) =>
      saveStripeSettings(database, { actor: p.actor, input, production, now: new Date() }).catch(refusal);
    expect(await save({ publishableKey: TEST_KEYS.publishableKey, version: 0 })).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await save({ ...TEST_KEYS, publishableKey: "pk_live_abc", version: 0 })).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("both be test keys or both be live keys"),
    });
    expect(
      await save({ ...TEST_KEYS, apiBaseUrl: "http://127.0.0.1:12111", version: 0 }, true),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("refused in production"),
    });
    expect(await save({ ...TEST_KEYS, apiBaseUrl: "http://127.0.0.1:12111/v1", version: 0 })).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await describeStripeSettings(database.db, p.practiceId)).toMatchObject({
      configured: false,
      version: 0,
    });
    // Stripe's own host is accepted in production (and stored as "no override").
    expect(
      await save({ ...TEST_KEYS, apiBaseUrl: "https://api.stripe.com", version: 0 }, true),
    ).toMatchObject({
      configured: true,
      apiBaseUrl: null,
    });
  });
});
