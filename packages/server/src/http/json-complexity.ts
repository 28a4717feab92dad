/**
 * Which limit JSON text exceeds, if any: nesting depth (objects and arrays) or the number of object keys in
 * all. Counted in one pass over the text without parsing it, stopping at the first excess; text that is not
 * JSON is left to the parser to refuse.
 */
export const jsonTooComplex = (
  text: string,
  limits: { maxDepth: number; maxKeys: number },
): "depth" | "keys" | null => {
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      // Skip the string (its brackets and colons are text) to the quote that closes it: the first one after
      // an even number of backslashes. indexOf keeps a 50 MiB file in one string fast to skip.
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return null;
        let slashes = 0;
        while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
        i = close;
        if (slashes % 2 === 0) break;
      }
    } else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limits.maxDepth) return "depth";
    } else if (ch === 0x7d || ch === 0x5d) {
      depth--;
    } else if (ch === 0x3a) {
      // Outside strings a colon only ever separates a key from its value.
      if (++keys > limits.maxKeys) return "keys";
    }
  }
  return null;
};
