/** The number a re-batch carries: the original's with a dash and how many times it has been batched (INV-1042-2). */
export const rebatchNumber = (originalNumber: string, timesBatched: number): string =>
  `${originalNumber}-${timesBatched}`;

/** An invoice number from its profile's prefix and the practice counter. */
export const formatEmployerInvoiceNumber = (prefix: string, n: number): string => `${prefix}${n}`;

/** A LIKE pattern matching `text` anywhere, with %, _ and the escape character matched literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
