import { describe, expect, it } from "vitest";
import {
  isNineDigitZip,
  isValidIcd10,
  isValidModifier,
  isValidPlaceOfService,
  isValidProcedureCode,
  isValidTaxId,
  isValidTaxonomy,
  isValidZip,
  looksLikeIcd9,
} from "./codes";

describe("isValidIcd10", () => {
  it.each([
    "F41.1",
    "F411",
    "Z00.00",
    "F32.A",
    "S72.001A",
    "T74.11XA",
    "F43.10",
    "F90.2",
    "Z71.89",
    // U codes are real ICD-10-CM codes billed today (COVID-19, post-COVID condition).
    "U07.1",
    "U09.9",
  ])("accepts %s", (code) => {
    expect(isValidIcd10(code)).toBe(true);
  });

  it.each(["", "250.00", "296.3", "F4", "41.1", "F41.12345", "F41..1", "f41.1", "F41.1 ", "FF1.1", "F41-1"])(
    "refuses %s",
    (code) => {
      expect(isValidIcd10(code)).toBe(false);
    },
  );
});

describe("looksLikeIcd9", () => {
  it("recognises ICD-9 diagnosis shapes and not ICD-10 ones", () => {
    for (const code of ["250.00", "296.3", "311", "V70.0", "E849.0"]) expect(looksLikeIcd9(code)).toBe(true);
    for (const code of ["F41.1", "Z00.00", "U07.1", "311.123"]) expect(looksLikeIcd9(code)).toBe(false);
  });
});

describe("isValidProcedureCode", () => {
  it.each(["90837", "90791", "99213", "0001F", "0042T", "0001U", "H0031", "G0444", "A0021", "V2020"])(
    "accepts %s",
    (code) => {
      expect(isValidProcedureCode(code)).toBe(true);
    },
  );
  it.each(["", "9083", "908377", "ABCDE", "W1234", "0001X", "9083 7", "h0031"])("refuses %s", (code) => {
    expect(isValidProcedureCode(code)).toBe(false);
  });
});

describe("small code formats", () => {
  it("modifiers are two letters or digits", () => {
    for (const m of ["95", "GT", "HO", "59", "25"]) expect(isValidModifier(m)).toBe(true);
    for (const m of ["", "9", "GTX", "g t", "ho"]) expect(isValidModifier(m)).toBe(false);
  });

  it("place of service is two digits", () => {
    for (const p of ["11", "02", "10", "22"]) expect(isValidPlaceOfService(p)).toBe(true);
    for (const p of ["1", "111", "AB", ""]) expect(isValidPlaceOfService(p)).toBe(false);
  });

  it("ZIP is five digits or ZIP+4", () => {
    for (const z of ["60601", "60601-1234", "606011234"]) expect(isValidZip(z)).toBe(true);
    for (const z of ["6060", "60601-123", "ABCDE", "60601 1234"]) expect(isValidZip(z)).toBe(false);
    expect(isNineDigitZip("60601-1234")).toBe(true);
    expect(isNineDigitZip("606011234")).toBe(true);
    expect(isNineDigitZip("60601")).toBe(false);
  });

  it("taxonomy is 3 digits, 6 letters or digits, then X", () => {
    for (const t of ["101YM0800X", "103T00000X", "1041C0700X"]) expect(isValidTaxonomy(t)).toBe(true);
    for (const t of ["101YM0800", "101YM0800Y", "A01YM0800X", "101ym0800X"])
      expect(isValidTaxonomy(t)).toBe(false);
  });

  it("tax id is nine digits with an optional hyphen after two", () => {
    for (const t of ["12-3456789", "123456789"]) expect(isValidTaxId(t)).toBe(true);
    for (const t of ["123-456789", "12345678", "12-34567890", "AB-3456789"])
      expect(isValidTaxId(t)).toBe(false);
  });
});
