import { MAX_SHARE_DELAY_MINUTES, shareDocumentKindChoices } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { z } from "zod";
import { address, cents, locale, name, npi, phone, taxId, taxonomy, timeZone } from "../schemas/common";
import { rowSchema } from "../schemas/row-schema";

const billingSettingsFields = {
  defaultAutopay: z.boolean(),
  autoShareEnabled: z.boolean(),
  defaultAutoShareDocuments: z.boolean(),
  defaultShareDocumentKinds: z.enum(shareDocumentKindChoices),
  defaultAutoSuperbills: z.boolean(),
  shareDelayMinutes: z.int().min(0).max(MAX_SHARE_DELAY_MINUTES),
  superbillDayOfMonth: z.int().min(1).max(31),
  requireSignedNote: z.boolean(),
  noShowFeeCents: cents.nullable(),
  lateCancelFeeCents: cents.nullable(),
  autopayMaxAttempts: z.int().min(1).max(10),
  invoicesEnabled: z.boolean(),
};

export const billingSettingsSchema = z.strictObject({
  ...billingSettingsFields,
  // A practice saved before autopay existed reads as 3 attempts (not in a partial update: it would reset them).
  autopayMaxAttempts: billingSettingsFields.autopayMaxAttempts.default(3),
  // A practice saved before employer invoicing existed reads as off.
  invoicesEnabled: billingSettingsFields.invoicesEnabled.default(false),
});

const practiceFields = {
  name,
  timeZone,
  locale: locale.optional(),
  address,
  taxId,
  billingNpi: npi,
  taxonomyCode: taxonomy,
  phone: phone.nullable().optional(),
  billingContactName: z.string().trim().min(1).max(60).nullable().optional(),
  billingContactEmail: z.email().max(80).nullable().optional(),
};

export const createPracticeSchema = z.strictObject({
  ...practiceFields,
  billingSettings: billingSettingsSchema.partial().optional(),
});

export const updatePracticeSchema = z
  .strictObject({ ...practiceFields, version: z.int().min(1) })
  .partial()
  .required({
    version: true,
  });

export const updateBillingSettingsSchema = z
  .strictObject(billingSettingsFields)
  .partial()
  .extend({ version: z.int().min(1) });

export type CreatePracticeInput = z.infer<typeof createPracticeSchema>;

/** The practice as the API returns it. */
export const practiceSchema = rowSchema(tables.practices, {
  json: { address, billingSettings: billingSettingsSchema },
}).meta({ id: "practice" });

const settingsWarning = z.strictObject({
  code: z.enum(["SHARE_DELAY_BEFORE_AUTOPAY"]),
  message: z.string(),
});

/**
 * The practice after a billing-settings change, with what the change means: warnings (a share delay shorter than
 * autopay needs) and, when a default for new clients changed, how many existing clients keep their own settings.
 */
export const billingSettingsChangeSchema = z
  .strictObject({
    ...practiceSchema.shape,
    warnings: z.array(settingsWarning),
    existingClients: z
      .strictObject({
        unaffected: z.int().min(0),
        changedDefaults: z.array(z.string()),
        message: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "billingSettingsChange" });
