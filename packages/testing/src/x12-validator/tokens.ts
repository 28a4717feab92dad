/**
 * Minimal, independent X12 splitter for the test validator. It deliberately shares no code with the
 * package: delimiters come from the fixed ISA positions (X12.5 / TR3 appendix B).
 */
export type Seg = { n: number; id: string; el: string[]; raw: string };

export type Tokens = {
  element: string;
  component: string;
  repetition: string;
  terminator: string;
  segments: Seg[];
};

export function tokenize(text: string): Tokens {
  if (!text.startsWith("ISA")) throw new Error("837P must start with ISA");
  const element = text.charAt(3);
  const component = text.charAt(104);
  const terminator = text.charAt(105);
  const repetition = text.charAt(82);
  const segments: Seg[] = [];
  let n = 0;
  for (const piece of text.split(terminator)) {
    const raw = piece.replace(/^[\r\n]+/, "");
    if (raw === "") continue;
    const el = raw.split(element);
    segments.push({ n: ++n, id: el[0] ?? "", el, raw });
  }
  return { element, component, repetition, terminator, segments };
}

/** Element `i` (1-based) or "". */
export function e(s: Seg, i: number): string {
  return s.el[i] ?? "";
}
