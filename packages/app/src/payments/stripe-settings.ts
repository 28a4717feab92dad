import { DomainError } from "@billcycle/core";
import { type Database, type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { decryptSecret, encryptSecret, loadSecretKey } from "../clearinghouse/secrets";
import type { TenantActor } from "../resources/crud";

/** Stripe's own API host: the only base URL a production server accepts. */
export const STRIPE_API_BASE_URL = "https://api.stripe.com";

type StripeSecretName = "publishable_key" | "secret_key" | "webhook_secret";

/** Authenticated data binding each Stripe secret to its practice and its role (a copied ciphertext does not decrypt). */
export const stripeSecretContext = (practiceId: string, name: StripeSecretName): string =>
  `stripe_settings:${practiceId}:${name}`;

const key = (pattern: RegExp, what: string) =>
  z
    .string()
    .trim()
    .max(512)
    .regex(pattern, `must be ${what}`)
    .describe(`write-only: ${what}; stored encrypted and never returned`);

export const stripeSettingsInputSchema = z.strictObject({
  publishableKey: z
    .string()
    .trim()
    .max(512)
    .regex(/^pk_(test|live)_[A-Za-z0-9]+$/, "must be a Stripe publishable key (pk_test_… or pk_live_…)")
    .describe("the publishable key Stripe's card element is loaded with (stored encrypted)"),
  secretKey: key(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "a Stripe secret or restricted key (sk_… or rk_…)")
    .optional()
    .describe("required on the first save; omit to keep the stored one"),
  webhookSecret: key(/^whsec_[A-Za-z0-9]+$/, "a webhook endpoint signing secret (whsec_…)")
    .optional()
    .describe("required on the first save; omit to keep the stored one"),
  apiBaseUrl: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .describe(
      "only to point at a local Stripe fake (demo, tests): scheme, host and port, e.g. http://127.0.0.1:12111. " +
        "Refused in production unless it is https://api.stripe.com",
    ),
  version: z.int().min(0).describe("the version read (0 before the first save)"),
});
export type StripeSettingsInput = z.infer<typeof stripeSettingsInputSchema>;

export const stripeSettingsViewSchema = z
  .strictObject({
    configured: z.boolean(),
    publishableKey: z.string().nullable(),
    livemode: z.boolean().nullable().describe("true when the keys are live keys (real money)"),
    hasSecretKey: z.boolean(),
    hasWebhookSecret: z.boolean(),
    apiBaseUrl: z.string().nullable(),
    webhookPath: z.string().describe("where to point the Stripe webhook endpoint, on this server"),
    version: z.int(),
  })
  .meta({ id: "StripeSettings" });
export type StripeSettingsView = z.infer<typeof stripeSettingsViewSchema>;

const issue = (path: string, message: string): DomainError =>
  new DomainError("VALIDATION_FAILED", `${path} ${message}`, {
    issues: [{ path, code: "VALIDATION_FAILED", message }],
  });

export type StripeEndpoint = { host: string; port: number; protocol: "http" | "https" };

/** The host, port and protocol the SDK takes, from a base URL (scheme, host, optional port, nothing else). */
export const parseStripeBaseUrl = (text: string): StripeEndpoint => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw issue("apiBaseUrl", "is not a URL (scheme, host and port: http://127.0.0.1:12111)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw issue("apiBaseUrl", "must be http or https");
  if (
    (url.pathname !== "/" && url.pathname !== "") ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw issue("apiBaseUrl", "must be only a scheme, a host and a port (no path, query or credentials)");
  }
  const protocol = url.protocol === "https:" ? "https" : "http";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  };
};

const normalizedBaseUrl = (text: string | null | undefined, production: boolean): string | null => {
  if (text === null || text === undefined || text === "") return null;
  const e = parseStripeBaseUrl(text);
  const normalized = `${e.protocol}://${e.host.includes(":") ? `[${e.host}]` : e.host}${
    (e.protocol === "https" && e.port === 443) || (e.protocol === "http" && e.port === 80) ? "" : `:${e.port}`
  }`;
  if (production && normalized !== STRIPE_API_BASE_URL) {
    throw issue(
      "apiBaseUrl",
      `is only for a local Stripe fake and is refused in production (only ${STRIPE_API_BASE_URL} is accepted)`,
    );
  }
  return normalized === STRIPE_API_BASE_URL ? null : normalized;
};

const modeOf = (k: string): "live" | "test" => (/_live_/.test(k) ? "live" : "test");

export const stripeWebhookPath = (practiceId: string): string => `/api/v1/webhooks/stripe/${practiceId}`;

/** What the practice's Stripe settings say, secrets left out (only whether they are set). */
export const describeStripeSettings = async (
  tx: Executor,
  practiceId: string,
): Promise<StripeSettingsView> => {
  const [row] = await tx
    .select()
    .from(tables.stripeSettings)
    .where(eq(tables.stripeSettings.practiceId, practiceId));
  if (!row) {
    return {
      configured: false,
      publishableKey: null,
      livemode: null,
      hasSecretKey: false,
      hasWebhookSecret: false,
      apiBaseUrl: null,
      webhookPath: stripeWebhookPath(practiceId),
      version: 0,
    };
  }
  return {
    configured: true,
    publishableKey: decryptSecret(
      row.publishableKeyCiphertext,
      loadSecretKey(),
      stripeSecretContext(practiceId, "publishable_key"),
    ),
    livemode: row.livemode,
    hasSecretKey: true,
    hasWebhookSecret: true,
    apiBaseUrl: row.apiBaseUrl,
    webhookPath: stripeWebhookPath(practiceId),
    version: row.version,
  };
};

/**
 * Saves a practice's Stripe keys, each encrypted like the clearinghouse secrets, under optimistic concurrency,
 * audited with field names only. `production` refuses any API base URL but Stripe's.
 */
export const saveStripeSettings = async (
  database: Database,
  {
    actor,
    input,
    production,
    now,
  }: { actor: TenantActor; input: StripeSettingsInput; production: boolean; now: Date },
): Promise<StripeSettingsView> => {
  const apiBaseUrl = normalizedBaseUrl(input.apiBaseUrl, production);
  const secret = loadSecretKey();
  const practiceId = actor.practiceId;
  return database.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tables.stripeSettings)
      .where(eq(tables.stripeSettings.practiceId, practiceId))
      .for("update");
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) {
      throw new DomainError(
        "VERSION_CONFLICT",
        "Stripe settings were changed by someone else; reload and retry",
        {
          currentVersion,
        },
      );
    }
    if (!current && (!input.secretKey || !input.webhookSecret)) {
      throw issue(
        input.secretKey ? "webhookSecret" : "secretKey",
        "is required the first time Stripe is set up",
      );
    }
    const secretKey =
      input.secretKey ??
      decryptSecret(
        current?.secretKeyCiphertext ?? "",
        secret,
        stripeSecretContext(practiceId, "secret_key"),
      );
    if (modeOf(secretKey) !== modeOf(input.publishableKey)) {
      throw issue("publishableKey", "and the secret key must both be test keys or both be live keys");
    }
    const encrypt = (value: string, name: StripeSecretName) =>
      encryptSecret(value, secret, stripeSecretContext(practiceId, name));
    const values = {
      publishableKeyCiphertext: encrypt(input.publishableKey, "publishable_key"),
      secretKeyCiphertext: input.secretKey
        ? encrypt(input.secretKey, "secret_key")
        : (current?.secretKeyCiphertext ?? ""),
      webhookSecretCiphertext: input.webhookSecret
        ? encrypt(input.webhookSecret, "webhook_secret")
        : (current?.webhookSecretCiphertext ?? ""),
      livemode: modeOf(secretKey) === "live",
      apiBaseUrl,
      version: currentVersion + 1,
      updatedAt: now,
    };
    if (current) {
      await tx
        .update(tables.stripeSettings)
        .set(values)
        .where(eq(tables.stripeSettings.practiceId, practiceId));
    } else await tx.insert(tables.stripeSettings).values({ practiceId, ...values });
    const fields = [
      "publishableKey",
      ...(input.secretKey ? ["secretKey"] : []),
      ...(input.webhookSecret ? ["webhookSecret"] : []),
      ...(input.apiBaseUrl !== undefined ? ["apiBaseUrl"] : []),
    ];
    await recordAudit(tx, actor, current ? "update" : "create", "stripe_settings", practiceId, now, {
      fields,
    });
    return describeStripeSettings(tx, practiceId);
  });
};

export type StripeCredentials = {
  secretKey: string;
  webhookSecret: string;
  publishableKey: string;
  endpoint: StripeEndpoint | null;
};

/** The decrypted keys of a practice (server side only), or a coded refusal when Stripe is not set up. */
export const loadStripeCredentials = async (tx: Executor, practiceId: string): Promise<StripeCredentials> => {
  const [row] = await tx
    .select()
    .from(tables.stripeSettings)
    .where(eq(tables.stripeSettings.practiceId, practiceId));
  if (!row) {
    throw new DomainError("CONFLICT", "Stripe is not set up for this practice: save its Stripe keys first", {
      reason: "STRIPE_NOT_CONFIGURED",
    });
  }
  const secret = loadSecretKey();
  return {
    secretKey: decryptSecret(row.secretKeyCiphertext, secret, stripeSecretContext(practiceId, "secret_key")),
    webhookSecret: decryptSecret(
      row.webhookSecretCiphertext,
      secret,
      stripeSecretContext(practiceId, "webhook_secret"),
    ),
    publishableKey: decryptSecret(
      row.publishableKeyCiphertext,
      secret,
      stripeSecretContext(practiceId, "publishable_key"),
    ),
    endpoint: row.apiBaseUrl ? parseStripeBaseUrl(row.apiBaseUrl) : null,
  };
};
