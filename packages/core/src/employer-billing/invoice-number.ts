import { DomainError } from "../errors/domain-error";

/** The number a re-batch carries: the original's with a dash and how many times it has been batched (INV-1042-2). */
export const rebatchNumber = (originalNumber: string, timesBatched: number): string =>
  `${originalNumber}-${timesBatched}`;

const TOKEN = /\{([^{}]*)\}/g;
const LITERAL = /^[A-Z0-9._/-]*$/;

type Part = { literal: string } | { seq: number } | { year: 2 | 4 };

/**
 * The parts of an invoice number format: literal text (capitals, digits, . _ / -) and the tokens {seq} (the
 * practice's next invoice number), {seq:N} (zero-padded to N digits), {yyyy} and {yy} (the year of issue). A
 * format without braces is a prefix: "INV-" numbers INV-1042. Anything else is INVALID_NUMBER_FORMAT.
 */
export const parseInvoiceNumberFormat = (format: string): Part[] => {
  const invalid = (message: string, token?: string) =>
    new DomainError("INVALID_NUMBER_FORMAT", message, {
      field: "numberPrefix",
      ...(token === undefined ? {} : { token }),
    });
  const source = format.includes("{") || format.includes("}") ? format : `${format}{seq}`;
  const parts: Part[] = [];
  let at = 0;
  const literal = (text: string) => {
    if (!LITERAL.test(text)) {
      throw invalid(`"${text}" in the number format: only capitals, digits, . _ / - and {tokens}`);
    }
    if (text) parts.push({ literal: text });
  };
  for (const m of source.matchAll(TOKEN)) {
    literal(source.slice(at, m.index));
    at = m.index + m[0].length;
    const token = m[1]!;
    const padded = /^seq:(\d{1,2})$/.exec(token);
    if (token === "seq") parts.push({ seq: 0 });
    else if (padded && Number(padded[1]) >= 1 && Number(padded[1]) <= 12)
      parts.push({ seq: Number(padded[1]) });
    else if (token === "yyyy") parts.push({ year: 4 });
    else if (token === "yy") parts.push({ year: 2 });
    else
      throw invalid(`Unknown token {${token}}: use {seq}, {seq:N} (N from 1 to 12), {yyyy} or {yy}`, token);
  }
  literal(source.slice(at));
  if (parts.filter((p) => "seq" in p).length !== 1) {
    throw invalid("The number format needs exactly one {seq} (or {seq:N})");
  }
  return parts;
};

/**
 * An invoice number from its profile's format, the practice counter's number and the issue date (a local
 * YYYY-MM-DD): "INV-{yyyy}-{seq:5}" numbers INV-2026-01042; a plain prefix "INV-" numbers INV-1042. Padding only
 * widens: a number longer than N digits is printed whole, so numbers stay unique.
 */
export const formatEmployerInvoiceNumber = (format: string, n: number, issuedOn: string): string =>
  parseInvoiceNumberFormat(format)
    .map((p) =>
      "literal" in p
        ? p.literal
        : "seq" in p
          ? String(n).padStart(p.seq, "0")
          : p.year === 4
            ? issuedOn.slice(0, 4)
            : issuedOn.slice(2, 4),
    )
    .join("");

/** A LIKE pattern matching `text` anywhere, with %, _ and the escape character matched literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
