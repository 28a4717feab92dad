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

/** How the bytes of a received file were read. */
export type InboundEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/** A received file's text, or why it is not text X12 can be read from (`FILE_NOT_TEXT`, said without its content). */
export type InboundText =
  | { ok: true; text: string; encoding: InboundEncoding }
  | { ok: false; code: "FILE_NOT_TEXT"; reason: string };

/** How many leading bytes decide whether a file without a byte-order mark is UTF-16 or UTF-32. */
const SNIFF = 64;

/**
 * UTF-16 or UTF-32 from a byte-order mark, or, without one, from the NUL pattern of ASCII text in the first bytes
 * ("I\0S\0A\0" is UTF-16LE): an X12 file starts with ASCII, so its wide encodings show at once.
 */
const wideEncoding = (b: Uint8Array): { encoding: InboundEncoding; skip: number } | null => {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: "utf-32le", skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: "utf-32be", skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  const n = Math.min(b.length, SNIFF) & ~3;
  if (n < 4) return null;
  const every = (unit: number, test: (at: number) => boolean) => {
    for (let at = 0; at + unit <= n; at += unit) if (!test(at)) return false;
    return true;
  };
  const zero = (at: number) => b[at] === 0;
  if (every(4, (at) => !zero(at) && zero(at + 1) && zero(at + 2) && zero(at + 3)))
    return { encoding: "utf-32le", skip: 0 };
  if (every(4, (at) => zero(at) && zero(at + 1) && zero(at + 2) && !zero(at + 3)))
    return { encoding: "utf-32be", skip: 0 };
  if (every(2, (at) => !zero(at) && zero(at + 1))) return { encoding: "utf-16le", skip: 0 };
  if (every(2, (at) => zero(at) && !zero(at + 1))) return { encoding: "utf-16be", skip: 0 };
  return null;
};

/** UTF-32 by hand (TextDecoder has no UTF-32); null when a code point is not one. */
const decodeUtf32 = (b: Uint8Array, littleEndian: boolean): string | null => {
  if (b.length % 4 !== 0) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  const points: number[] = [];
  for (let at = 0; at < b.length; at += 4) {
    const cp = view.getUint32(at, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    points.push(cp);
    if (points.length === 8192) parts.push(String.fromCodePoint(...points.splice(0)));
  }
  parts.push(String.fromCodePoint(...points));
  return parts.join("");
};

const decodeWide = (b: Uint8Array, encoding: InboundEncoding): string | null => {
  if (encoding === "utf-32le" || encoding === "utf-32be") return decodeUtf32(b, encoding === "utf-32le");
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b);
  } catch {
    return null;
  }
};

/**
 * The text of a file received from a clearinghouse or a payer, from its bytes. X12 files are ASCII; where one is
 * not, it is UTF-8 (what the guides allow by agreement) or, from older systems, Windows-1252 (Latin-1 with ’ “ ” € …
 * at 0x80–0x9F). A file saved as UTF-16 or UTF-32 (Windows editors do), with or without a byte-order mark, is
 * decoded from that. Bytes that are valid UTF-8 are read as UTF-8, without a leading byte-order mark; anything else
 * as Windows-1252, where every byte is a character. What still holds a NUL character is not text (a binary file, a
 * damaged transfer): it is refused, and the reason names the position, never the content.
 */
export const readInboundText = (bytes: Uint8Array): InboundText => {
  const wide = wideEncoding(bytes);
  let text: string;
  let encoding: InboundEncoding;
  if (wide) {
    const decoded = decodeWide(bytes.subarray(wide.skip), wide.encoding);
    if (decoded === null) {
      return {
        ok: false,
        code: "FILE_NOT_TEXT",
        reason: `the file looks like ${wide.encoding.toUpperCase()} text but is not valid ${wide.encoding.toUpperCase()}`,
      };
    }
    text = decoded;
    encoding = wide.encoding;
  } else {
    try {
      text = UTF8.decode(bytes);
      encoding = "utf-8";
    } catch {
      text = LATIN1.decode(bytes).replace(C1, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
      encoding = "windows-1252";
    }
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    return {
      ok: false,
      code: "FILE_NOT_TEXT",
      reason: `the file holds a NUL character (at character ${nul + 1}${encoding === "utf-8" || encoding === "windows-1252" ? "" : ` of its ${encoding.toUpperCase()} text`}): it is not a text X12 file`,
    };
  }
  return { ok: true, text, encoding };
};

/**
 * The text of received bytes by the rule of {@link readInboundText}; bytes that are not text are still decoded
 * (NULs and all) so that the one who reads the result (the server, for an upload) refuses them with the same reason.
 */
export const decodeX12Bytes = (bytes: Uint8Array): string => {
  const read = readInboundText(bytes);
  if (read.ok) return read.text;
  try {
    return UTF8.decode(bytes);
  } catch {
    return LATIN1.decode(bytes).replace(C1, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
  }
};
