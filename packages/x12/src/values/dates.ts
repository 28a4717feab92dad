/** X12 dates (CCYYMMDD, YYMMDD, CCYYMMDD-CCYYMMDD) to and from ISO local dates ("YYYY-MM-DD"). */

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Recently converted dates: remittances repeat the same few service dates thousands of times. */
const ISO_CACHE = new Map<string, string>();

/** `"20240131"` → `"2024-01-31"`; `undefined` when not a real calendar date. */
export function x12DateToIso(text: string): string | undefined {
  const cached = ISO_CACHE.get(text);
  if (cached !== undefined) return cached;
  const iso = convert(text);
  if (iso !== undefined) {
    if (ISO_CACHE.size >= 4096) ISO_CACHE.clear();
    ISO_CACHE.set(text, iso);
  }
  return iso;
}

function convert(text: string): string | undefined {
  if (text.length !== 8 || !allDigits(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/**
 * ISA09 `YYMMDD` → ISO. The century is not in the data: years 00-69 are read as 20xx and
 * 70-99 as 19xx (writing back only keeps the last two digits, so this never changes output).
 */
export function x12ShortDateToIso(text: string): string | undefined {
  if (text.length !== 6 || !allDigits(text)) return undefined;
  const yy = Number(text.slice(0, 2));
  return x12DateToIso(`${yy < 70 ? "20" : "19"}${text}`);
}

/** `"2024-01-31"` → `"20240131"`; `undefined` when not a valid ISO date. */
export function isoToX12Date(iso: string): string | undefined {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return undefined;
  const compact = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  return x12DateToIso(compact) === undefined ? undefined : compact;
}

/** A date or date range (`RD8`) as ISO dates. `to` is absent for a single date. */
export type DateRange = { from: string; to?: string };

/** Reads `D8` (`CCYYMMDD`) or `RD8` (`CCYYMMDD-CCYYMMDD`) values; `undefined` when invalid. */
export function parseX12DateOrRange(format: string, value: string): DateRange | undefined {
  if (format === "D8") {
    const from = x12DateToIso(value);
    return from === undefined ? undefined : { from };
  }
  if (format === "RD8") {
    const dash = value.indexOf("-");
    if (dash !== 8 || value.length !== 17) return undefined;
    const from = x12DateToIso(value.slice(0, 8));
    const to = x12DateToIso(value.slice(9));
    if (from === undefined || to === undefined || to < from) return undefined;
    return { from, to };
  }
  return undefined;
}

/** X12 times: HHMM, HHMMSS, HHMMSSD or HHMMSSDD with valid hours/minutes/seconds. */
export function isX12Time(text: string): boolean {
  const n = text.length;
  if ((n !== 4 && n !== 6 && n !== 7 && n !== 8) || !allDigits(text)) return false;
  const hh = Number(text.slice(0, 2));
  const mm = Number(text.slice(2, 4));
  if (hh > 23 || mm > 59) return false;
  return n === 4 || Number(text.slice(4, 6)) <= 59;
}
