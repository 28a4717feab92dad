import {
  canonicalLocale,
  isCalendarDate,
  isSupportedDate,
  isSupportedInstant,
  isValidIcd10,
  isValidModifier,
  isValidNpi,
  isValidPlaceOfService,
  isValidProcedureCode,
  isValidTaxId,
  isValidTaxonomy,
  isValidTimeZone,
  isValidZip,
  supportedDates,
  supportedInstants,
} from "@billcycle/core";
import { z } from "zod";
import { phoneToE164 } from "../outreach/phone-number";

/** A refinement whose failure carries a machine-readable code through to the API's error body. */
const coded = (code: string, message: string) => ({ message, params: { code } });

export const npi = z
  .string()
  .refine(isValidNpi, coded("INVALID_NPI", "NPI must be 10 digits with a valid check digit"));
export const icd10 = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidIcd10, coded("INVALID_ICD10", "diagnosis must be an ICD-10-CM code such as F41.1"));
export const procedureCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(
    isValidProcedureCode,
    coded("INVALID_CPT", "service code must be a CPT (90837) or HCPCS (H0031) code"),
  );
export const modifier = z
  .string()
  .refine(
    isValidModifier,
    coded("INVALID_MODIFIER", "a modifier is two letters or digits, such as 95 or HO"),
  );
export const modifiers = z.array(modifier).max(4);
/**
 * A phone number as typed (a US number when it has no country code), saved in E.164 (+15125550123) so outreach,
 * search and callbacks compare one form. Empty stays empty (no phone). INVALID_PHONE when it does not parse as a
 * valid number: refused before anything is written.
 */
export const phone = z
  .string()
  .trim()
  .max(30)
  .refine(
    (v) => v === "" || phoneToE164(v) !== null,
    coded("INVALID_PHONE", "is not a valid phone number (such as 512-555-0123, or +44 20 7946 0958 abroad)"),
  )
  .overwrite((v) => phoneToE164(v) ?? v);
export const timeZone = z
  .string()
  .refine(
    isValidTimeZone,
    coded("INVALID_TIME_ZONE", "time zone must be an IANA name such as America/Chicago"),
  );
/** A BCP 47 locale the date formatter knows ("en-US", "fr-CA"), stored in its canonical spelling. */
export const locale = z
  .string()
  .refine(
    (tag) => canonicalLocale(tag) !== null,
    coded("VALIDATION_FAILED", "locale must be a BCP 47 language tag such as en-US or fr-CA"),
  )
  .transform((tag) => canonicalLocale(tag) ?? tag);
/** Runs a check only on a value that passed the ones before it (one issue per field, the first problem). */
const onlyIfValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/**
 * Every calendar date the API accepts: a real YYYY-MM-DD within core's `supportedDates` (1900-01-01 to
 * 2999-12-31), so it can be stored in a PostgreSQL `date` and compared with dates of service. INVALID_DATE.
 */
export const localDate = z
  .string()
  .refine(isCalendarDate, coded("INVALID_DATE", "date must be a calendar date YYYY-MM-DD"))
  .refine(isSupportedDate, {
    ...coded("INVALID_DATE", `date must be from ${supportedDates.from} to ${supportedDates.to}`),
    ...onlyIfValid,
  });
/**
 * Every instant the API accepts: ISO 8601 with an offset (VALIDATION_FAILED otherwise) within core's
 * `supportedInstants` (INVALID_DATE otherwise), so its local date in any practice's zone is a supported date.
 */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => isSupportedInstant(new Date(value)), {
    ...coded(
      "INVALID_DATE",
      `time must be from ${supportedInstants.from.toISOString()} to ${supportedInstants.to.toISOString()}, ` +
        `so that its date is within ${supportedDates.from} to ${supportedDates.to} in every time zone`,
    ),
    ...onlyIfValid,
  });
export const zip = z.string().refine(isValidZip, coded("INVALID_ZIP", "ZIP must be 5 digits or ZIP+4"));
export const taxonomy = z
  .string()
  .refine(
    isValidTaxonomy,
    coded("VALIDATION_FAILED", "taxonomy must be a 10-character code such as 101YM0800X"),
  );
export const taxId = z
  .string()
  .refine(isValidTaxId, coded("VALIDATION_FAILED", "tax id must be 9 digits (EIN)"));
export const placeOfService = z
  .string()
  .refine(isValidPlaceOfService, coded("VALIDATION_FAILED", "place of service is a two-digit CMS code"));

/** Money fields are named *Cents: integer cents, never negative or fractional (the name maps errors to INVALID_MONEY). */
export const cents = z.int().min(0).max(100_000_000_00);

export const uuid = z.uuid();
export const name = z.string().trim().min(1).max(200);
export const optionalText = z.string().trim().max(500).nullable().optional();

export const address = z.strictObject({
  line1: z.string().trim().min(1).max(55),
  line2: z.string().trim().max(55).optional(),
  city: z.string().trim().min(1).max(30),
  state: z.string().regex(/^[A-Z]{2}$/, "state is a two-letter code"),
  zip,
});

export const sex = z.enum(["F", "M", "U"]);
