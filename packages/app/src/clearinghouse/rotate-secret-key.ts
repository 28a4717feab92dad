import { DomainError, isDomainError } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { stripeSecretContext } from "../payments/stripe-settings";
import { connectionSecretContext, decryptSecret, encryptSecret } from "./secrets";

export type SecretKeyRotation = { reencrypted: number; alreadyRotated: number };

const connections = tables.clearinghouseConnections;

const decrypts = (ciphertext: string, key: Buffer, context: string): string | null => {
  try {
    return decryptSecret(ciphertext, key, context);
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
};

/**
 * Re-encrypts every stored clearinghouse secret from the old key to the new one, in one transaction: a secret
 * that decrypts with neither key stops it and nothing changes. A secret already under the new key is left as
 * it is, so running it again after a success is harmless. Each re-encrypted connection gets a new version (a
 * concurrent edit made before it is refused, not lost) and an audit row.
 */
export const rotateSecretKey = async (
  database: Database,
  keys: { from: Buffer; to: Buffer },
  now: Date,
  actorLabel: string,
): Promise<SecretKeyRotation> => {
  if (keys.from.equals(keys.to)) {
    throw new DomainError("VALIDATION_FAILED", "The old key and the new key are the same key");
  }
  return database.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: connections.id,
        practiceId: connections.practiceId,
        secret: connections.secretCiphertext,
      })
      .from(connections)
      .where(isNotNull(connections.secretCiphertext))
      .orderBy(asc(connections.id))
      .for("update");
    const result: SecretKeyRotation = { reencrypted: 0, alreadyRotated: 0 };
    for (const row of rows) {
      const ciphertext = row.secret ?? "";
      const context = connectionSecretContext(row.practiceId);
      const plaintext = decrypts(ciphertext, keys.from, context);
      if (plaintext === null) {
        if (decrypts(ciphertext, keys.to, context) === null) {
          throw new DomainError(
            "CONFLICT",
            `The secret of clearinghouse connection ${row.id} decrypts with neither the old nor the new key; ` +
              "nothing was re-encrypted. Find the key it was stored with, or enter its password or private key again",
            { connectionId: row.id },
          );
        }
        result.alreadyRotated++;
        continue;
      }
      await tx
        .update(connections)
        .set({
          secretCiphertext: encryptSecret(plaintext, keys.to, context),
          version: sql`${connections.version} + 1`,
          updatedAt: now,
        })
        .where(eq(connections.id, row.id));
      await recordAudit(
        tx,
        { userId: null, practiceId: row.practiceId, role: null, label: actorLabel },
        "update",
        "clearinghouse_connection",
        row.id,
        now,
        { fields: ["secret"], reason: "secret key rotation" },
      );
      result.reencrypted++;
    }
    // Stripe keys are encrypted the same way (payments/stripe-settings.ts): rotated in the same transaction.
    const stripeRows = await tx
      .select()
      .from(tables.stripeSettings)
      .orderBy(asc(tables.stripeSettings.practiceId))
      .for("update");
    for (const row of stripeRows) {
      const names = ["publishable_key", "secret_key", "webhook_secret"] as const;
      const ciphertexts = [
        row.publishableKeyCiphertext,
        row.secretKeyCiphertext,
        row.webhookSecretCiphertext,
      ];
      const next: string[] = [];
      let rotated = 0;
      for (const [i, name] of names.entries()) {
        const context = stripeSecretContext(row.practiceId, name);
        const ciphertext = ciphertexts[i] ?? "";
        const plaintext = decrypts(ciphertext, keys.from, context);
        if (plaintext !== null) {
          next.push(encryptSecret(plaintext, keys.to, context));
          rotated++;
        } else if (decrypts(ciphertext, keys.to, context) !== null) next.push(ciphertext);
        else {
          throw new DomainError(
            "CONFLICT",
            `The Stripe ${name.replace("_", " ")} of practice ${row.practiceId} decrypts with neither the old nor ` +
              "the new key; nothing was re-encrypted. Find the key it was stored with, or save the Stripe keys again",
            { practiceId: row.practiceId },
          );
        }
      }
      if (rotated === 0) {
        result.alreadyRotated++;
        continue;
      }
      await tx
        .update(tables.stripeSettings)
        .set({
          publishableKeyCiphertext: next[0] ?? row.publishableKeyCiphertext,
          secretKeyCiphertext: next[1] ?? row.secretKeyCiphertext,
          webhookSecretCiphertext: next[2] ?? row.webhookSecretCiphertext,
          version: sql`${tables.stripeSettings.version} + 1`,
          updatedAt: now,
        })
        .where(eq(tables.stripeSettings.practiceId, row.practiceId));
      await recordAudit(
        tx,
        { userId: null, practiceId: row.practiceId, role: null, label: actorLabel },
        "update",
        "stripe_settings",
        row.practiceId,
        now,
        { fields: ["publishableKey", "secretKey", "webhookSecret"], reason: "secret key rotation" },
      );
      result.reencrypted++;
    }
    return result;
  });
};
