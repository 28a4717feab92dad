/**
 * Text for an X12 file. Clearinghouses take printable ASCII (the X12 basic and extended character sets), while a
 * practice's records hold names such as "José Muñoz" or "Łukasz". In names and addresses, letters with diacritics
 * are written as their base letter, as payers' own systems hold them; what has no Latin spelling (王, a Cyrillic
 * name) is left for the claim scrubber to report, never dropped or guessed. Identifiers are never respelled: a
 * member id is sent exactly as typed, or not at all.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** The element, component, repetition and segment separators billcycle writes with (`* : ^ ~`). */
const DELIMITERS = /[*:^~]/;
/** Combining marks left by decomposition (é → e + U+0301). */
const MARKS = /\p{M}+/gu;
/** Invisible format characters pasted from web pages: soft hyphen, zero-width space and joiners, BOM, bidi marks. */
const FORMAT = /\p{Cf}+/gu;
/** Line breaks and tabs in free text (an address typed on two lines), with the spaces around them. */
const BREAKS = / *[\t\n\v\f\r\u0085\u2028\u2029]+[\t\n\v\f\r\u0085\u2028\u2029 ]*/g;
/** Full-width and other compatibility forms of the delimiters, which decomposition would make real ones. */
const DELIMITER_LOOKALIKES = /[\uff0a\uff1a\uff3e\uff5e\ufe61\ufe55\u2217]/;

/** Letters and punctuation that compatibility decomposition leaves outside ASCII (or spells badly). */
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
  "·": ".",
  "´": "'",
  "¨": "",
  "\u02bb": "'", // ʻokina (Kalanianaʻole)
  "\u02bc": "'", // modifier apostrophe, also what ŉ decomposes into
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2044": "/", // fraction slash: ½ decomposes to 1⁄2
  "\u00a0": " ",
};
const SPELLED_CHARS = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "gu");
const spell = (text: string) => text.replace(SPELLED_CHARS, (c) => SPELLED[c] ?? c);

/** Whether `value` is printable ASCII, which every clearinghouse accepts in an X12 element. */
export const isX12Text = (value: string): boolean => PRINTABLE_ASCII.test(value);

/**
 * A name or address spelled in printable ASCII where it can be: diacritics removed (Muñoz → Munoz), ligatures and
 * special letters spelled out (Æ → AE, ß → ss, Ł → L), typographic quotes and dashes made plain, invisible
 * characters removed, line breaks and tabs made one space. Characters with no ASCII spelling are kept, so
 * {@link isX12Text} still tells they cannot be written. Not for identifiers: see the module comment.
 */
export const toX12Text = (value: string): string => {
  if (PRINTABLE_ASCII.test(value)) return value;
  return spell(spell(value.replace(BREAKS, " ").replace(FORMAT, "")).normalize("NFKD").replace(MARKS, ""));
};

/** A character for a message: itself, with its code point when it is not plainly visible. */
export const describeCharacter = (c: string): string => {
  const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? `${c} (${code})` : code;
};

/**
 * The characters of `value`, as typed, that an X12 element cannot carry, each once, in order: for a name or
 * address (`spelled`), those {@link toX12Text} cannot spell in printable ASCII; for an identifier, every character
 * outside printable ASCII. Either way the separators `* : ^ ~`, and look-alikes that spelling would turn into them.
 */
export const unwritableCharacters = (value: string, spelled = true): string[] => {
  // Nearly every value: printable ASCII without a separator (look-alikes are not ASCII).
  if (PRINTABLE_ASCII.test(value) && !DELIMITERS.test(value)) return [];
  const bad = new Set<string>();
  for (const c of value.normalize("NFC")) {
    const written = spelled ? toX12Text(c) : c;
    if (!PRINTABLE_ASCII.test(written) || DELIMITERS.test(written) || DELIMITER_LOOKALIKES.test(c))
      bad.add(c);
  }
  return [...bad];
};

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/** Windows-1252 in browsers, ISO-8859-1 in Node: 0x80–0x9F are mapped by hand below so both agree. */
const LATIN1 = new TextDecoder("latin1");
/** Windows-1252 at 0x80–0x9F, where Latin-1 has control characters (the five bytes it leaves unused stay as they are). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const C1 = /[\u0080-\u009f]/g;

/**
 * The text of a file received from a clearinghouse or a payer, from its bytes. X12 files are ASCII; where one is
 * not, it is UTF-8 (what the guides allow by agreement) or, from older systems, Windows-1252 (Latin-1 with ’ “ ” € …
 * at 0x80–0x9F). Bytes that are valid UTF-8 are read as UTF-8, without a leading byte-order mark; anything else as
 * Windows-1252, where every byte is a character. The same rule serves a file picked up and a file uploaded in the
 * browser, so the same file is the same text, whichever way it came.
 */
export const decodeX12Bytes = (bytes: Uint8Array): string => {
  try {
    return UTF8.decode(bytes);
  } catch {
    return LATIN1.decode(bytes).replace(C1, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
  }
};
