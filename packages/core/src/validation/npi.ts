/**
 * NPI check digit: Luhn over the 9 leading digits prefixed with the card issuer
 * prefix 80840 (which contributes a constant 24 to the sum).
 */
export const isValidNpi = (npi: string): boolean => {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
};

/** Computes the check digit for a 9-digit NPI stem (used by demo data and tests). */
export const npiWithCheckDigit = (stem9: string): string => {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${stem9}${d}`;
    if (isValidNpi(candidate)) return candidate;
  }
  throw new Error(`no check digit for ${stem9}`);
};
