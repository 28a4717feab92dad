/**
 * Text for an X12 file. Clearinghouses take printable ASCII (the X12 basic and extended character sets), while a
 * practice's records hold names such as "José Muñoz" or "Łukasz". Letters with diacritics are written as their base
 * letter, as payers' own systems hold them; what has no Latin spelling (王, a Cyrillic name) is left for the claim
 * scrubber to report, never dropped or guessed.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Combining marks left by canonical decomposition (é → e + U+0301). */
const MARKS = /\p{M}+/gu;
/** Line breaks and tabs in free text (an address typed on two lines). */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** Letters and punctuation that compatibility decomposition leaves outside ASCII. */
const SPELLED: Readonly<Record<string, string>> = {
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  Ø: "O",
  ø: "o",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ð: "D",
  ð: "d",
  Þ: "TH",
  þ: "th",
  ß: "ss",
  ẞ: "SS",
  ı: "i",
  Ħ: "H",
  ħ: "h",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u00a0": " ",
};
const SPELLED_CHARS = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "gu");

/** Whether `value` is printable ASCII, which every clearinghouse accepts in an X12 element. */
export const isX12Text = (value: string): boolean => PRINTABLE_ASCII.test(value);

/**
 * `value` spelled in printable ASCII where it can be: diacritics removed (Muñoz → Munoz), ligatures and special
 * letters spelled out (Æ → AE, ß → ss, Ł → L), typographic quotes and dashes made plain, line breaks and tabs made
 * one space. Characters with no ASCII spelling are kept, so {@link isX12Text} still tells they cannot be written.
 */
export const toX12Text = (value: string): string => {
  if (PRINTABLE_ASCII.test(value)) return value;
  return value
    .replace(BREAKS, " ")
    .replace(SPELLED_CHARS, (c) => SPELLED[c] ?? c)
    .normalize("NFKD")
    .replace(MARKS, "");
};

/** The characters of `value` (as typed) that {@link toX12Text} cannot spell in ASCII, each once, in order. */
export const unwritableCharacters = (value: string): string[] => [
  ...new Set([...value.normalize("NFC")].filter((c) => !PRINTABLE_ASCII.test(toX12Text(c)))),
];
