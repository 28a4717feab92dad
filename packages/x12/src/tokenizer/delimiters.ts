import { X12Error } from "../errors.js";

/** The four X12 delimiters. Each is a single character. */
export type Delimiters = {
  /** Element separator (ISA byte 4), usually `*`. */
  element: string;
  /** Component (sub-element) separator (ISA16), usually `:`. */
  component: string;
  /** Repetition separator (ISA11 in 5010), usually `^`; absent when ISA11 is a letter (4010 style `U`). */
  repetition?: string;
  /** Segment terminator (the byte after ISA16), usually `~`; may be a newline. */
  segment: string;
};

/** The delimiters most 5010 files use: `*`, `:`, `^`, `~`. */
export const DEFAULT_DELIMITERS: Delimiters = { element: "*", component: ":", repetition: "^", segment: "~" };

/** Letters and digits can never be delimiters: they occur in data. */
export function isAlphanumericByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Checks that the delimiters are single characters, distinct, and not letters, digits or space.
 * Throws `BAD_DELIMITERS` naming the offending one.
 */
export function validateDelimiters(
  d: Delimiters,
  context = "delimiters",
  where: { segmentNumber?: number; segmentId?: string; byteOffset?: number } = {},
  positions: Partial<Record<keyof Delimiters, number>> = {},
): Delimiters {
  const entries: Array<[keyof Delimiters, string | undefined]> = [
    ["element", d.element],
    ["component", d.component],
    ["repetition", d.repetition],
    ["segment", d.segment],
  ];
  const seen = new Map<string, keyof Delimiters>();
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (value.length !== 1) {
      throw new X12Error("BAD_DELIMITERS", `${context}: the ${name} delimiter must be one character`, {
        ...where,
        elementPosition: positions[name],
        expected: "a single character",
        found: value,
      });
    }
    const code = value.charCodeAt(0);
    if (isAlphanumericByte(code) || value === " ") {
      throw new X12Error(
        "BAD_DELIMITERS",
        `${context}: the ${name} delimiter cannot be a letter, digit or space`,
        {
          ...where,
          elementPosition: positions[name],
          expected: "a punctuation or control character",
          found: value,
        },
      );
    }
    const other = seen.get(value);
    if (other !== undefined) {
      throw new X12Error(
        "BAD_DELIMITERS",
        `${context}: the ${name} and ${other} delimiters are the same character`,
        {
          ...where,
          elementPosition: positions[name] ?? positions[other],
          expected: "four distinct characters",
          found: value,
        },
      );
    }
    seen.set(value, name);
  }
  return d;
}
