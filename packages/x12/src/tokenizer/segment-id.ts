/**
 * Segment ids (2-3 uppercase letters/digits, starting with a letter) as small integer keys and
 * interned strings. Internal to the tokenizer and the readers; not part of the package API.
 */

function isUpper(b: number): boolean {
  return b >= 0x41 && b <= 0x5a;
}

export function isUpperOrDigit(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39);
}

/** Interned segment ids: a handful of distinct strings instead of one per segment. */
const IDS = new Map<number, string>();

/**
 * Ids as string literals: the readers' `switch (seg.id)` then compares internalized strings by
 * pointer instead of by content.
 */
const LITERAL_IDS = new Map(
  [
    "ISA",
    "IEA",
    "GS",
    "GE",
    "ST",
    "SE",
    "BPR",
    "TRN",
    "CUR",
    "REF",
    "DTM",
    "N1",
    "N3",
    "N4",
    "PER",
    "RDM",
    "LX",
    "TS3",
    "TS2",
    "CLP",
    "CAS",
    "NM1",
    "MIA",
    "MOA",
    "AMT",
    "QTY",
    "SVC",
    "LQ",
    "PLB",
    "BHT",
    "HL",
    "PRV",
    "SBR",
    "PAT",
    "DMG",
    "CLM",
    "DTP",
    "HI",
    "NTE",
    "SV1",
    "AK1",
    "AK2",
    "IK3",
    "IK4",
    "CTX",
    "IK5",
    "AK9",
    "STC",
    "AK3",
    "AK4",
    "AK5",
  ].map((id) => [id, id]),
);

/** Direct-mapped cache in front of {@link IDS}: key → interned id string. */
const ID_SLOTS = 1024;
const idKeys = new Int32Array(ID_SLOTS).fill(-1);
const idValues: string[] = new Array<string>(ID_SLOTS).fill("");

export function idFor(key: number, text: string, start: number): string {
  const slot = Math.imul(key, 0x165667b1) >>> 22;
  if (idKeys[slot] === key) return idValues[slot] as string;
  const id = segmentIdString(key, text, start);
  idKeys[slot] = key;
  idValues[slot] = id;
  return id;
}

/** The interned id string for an id key (see {@link segmentIdKey}) of the id at `text[start…]`. */
function segmentIdString(key: number, text: string, start: number): string {
  let id = IDS.get(key);
  if (id === undefined) {
    const fresh = text.substring(start, start + (key > 0xffff ? 3 : 2));
    id = LITERAL_IDS.get(fresh) ?? fresh;
    IDS.set(key, id);
  }
  return id;
}

/**
 * The key of the segment id of `text.slice(start, end)` (2-3 uppercase letters/digits starting
 * with a letter, followed by the element separator or the end), as `c0 << 8 | c1` or
 * `c0 << 16 | c1 << 8 | c2`; `-1` when there is no valid id.
 */
export function segmentIdKey(text: string, start: number, end: number, sep: number): number {
  const len = end - start;
  const n =
    len === 2 || (len > 2 && text.charCodeAt(start + 2) === sep)
      ? 2
      : len === 3 || (len > 3 && text.charCodeAt(start + 3) === sep)
        ? 3
        : 0;
  if (n === 0) return -1;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  if (!isUpper(c0) || !isUpperOrDigit(c1)) return -1;
  if (n === 2) return (c0 << 8) | c1;
  const c2 = text.charCodeAt(start + 2);
  if (!isUpperOrDigit(c2)) return -1;
  return (c0 << 16) | (c1 << 8) | c2;
}

/** The segment id (2-3 uppercase letters/digits, starting with a letter) or `undefined`. */
export function segmentId(text: string, sep: number): string | undefined {
  const key = segmentIdKey(text, 0, text.length, sep);
  return key < 0 ? undefined : segmentIdString(key, text, 0);
}
