/**
 * ICD-10-CM: letter, digit, alphanumeric, optional dot and up to 4 more characters (e.g. F41.1, Z00.00, S72.001A).
 * U is a real first letter in ICD-10-CM (U07.1 COVID-19, U09.9 post-COVID condition).
 */
export const isValidIcd10 = (code: string): boolean => /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/.test(code);

/** ICD-9-CM diagnosis codes (3 digits, optional decimals; V and E codes); used to reject ICD-9 after 2015-10-01. */
export const looksLikeIcd9 = (code: string): boolean =>
  /^(\d{3}(\.?\d{1,2})?|V\d{2}(\.?\d{1,2})?|E\d{3}(\.?\d)?)$/.test(code);

/** CPT (5 digits, or 4 digits + F/T/U category II/III/PLA) and HCPCS Level II (letter + 4 digits). */
export const isValidProcedureCode = (code: string): boolean => /^(\d{4}[0-9FTU]|[A-V]\d{4})$/.test(code);

/** Procedure modifiers are two alphanumeric characters (e.g. 95, GT, HO, 59). */
export const isValidModifier = (modifier: string): boolean => /^[0-9A-Z]{2}$/.test(modifier);

/** CMS place-of-service codes are two digits (11 office, 02/10 telehealth, 22 outpatient hospital …). */
export const isValidPlaceOfService = (code: string): boolean => /^\d{2}$/.test(code);

/** US ZIP: 5 digits or ZIP+4 (with or without hyphen). */
export const isValidZip = (zip: string): boolean => /^\d{5}(-?\d{4})?$/.test(zip);

export const isNineDigitZip = (zip: string): boolean => /^\d{5}-?\d{4}$/.test(zip);

/** Provider taxonomy codes are 10 characters: 3 digits + letters/digits ending in X (e.g. 101YM0800X). */
export const isValidTaxonomy = (code: string): boolean => /^[0-9]{3}[0-9A-Z]{6}X$/.test(code);

/** US tax id (EIN) as 9 digits, optionally with a hyphen after two. */
export const isValidTaxId = (taxId: string): boolean => /^\d{2}-?\d{7}$/.test(taxId);
