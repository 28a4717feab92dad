/**
 * pdfkit's standard fonts, parsed once per thread instead of once per document. pdfkit builds a font's metrics
 * (`AFMFont`: every glyph's width, ~2,700 kerning pairs as "left\0right" keys) each time a document first uses the
 * font, and looks a pair up by concatenating the two names: together a quarter of a superbill's render time.
 * Here a document's font is pdfkit's own `StandardFont` (its prototype, so it embeds and encodes as pdfkit does)
 * over metrics shared by every document, whose kerning is a map of maps. The numbers are pdfkit's: the bytes of
 * every document are the same either way (render-documents.test.ts compares them).
 *
 * It reaches into pdfkit's font registry (`_fontFamilies`, `_fontCount`), which is why pdfkit's version is pinned.
 */

/** pdfkit's AFMFont, as far as this file uses it. */
type AfmMetrics = {
  kernPairs: Record<string, number>;
  glyphWidths: Record<string, number>;
  widthOfGlyph(glyph: string): number;
  glyphsForString(text: string): string[];
  advancesForGlyphs(glyphs: readonly string[]): number[];
};

/** pdfkit's StandardFont's own fields (the rest are set per document when it is embedded). */
type StandardFontFields = {
  widthOfString(text: string, size: number): number;
  name: string;
  font: AfmMetrics;
  ascender: number;
  descender: number;
  bbox: number[];
  lineGap: number;
  xHeight: number;
  capHeight: number;
};

type FontRegistry = {
  _fontFamilies: Record<string, object>;
  _fontCount: number;
  _font: StandardFontFields;
};

type SharedFont = { prototype: object; fields: StandardFontFields };

const shared = new Map<string, SharedFont>();
let sharing = true;

/** Whether fonts are shared from now on; forgets those parsed so far (tests compare both ways' bytes). */
export const shareStandardFonts = (on: boolean): void => {
  sharing = on;
  shared.clear();
};

/** Widths of texts at size 1,000 per font, as pdfkit sums them; forgotten all at once when full. */
const WIDTHS_MAX = 50_000;

/**
 * pdfkit's StandardFont.widthOfString (the sum of the glyphs' advances, scaled by size / 1000), with the sum kept:
 * pdfkit measures every word again to wrap it when it draws, after the layout measured it.
 */
const rememberingWidths = (afm: AfmMetrics) => {
  const sums = new Map<string, number>();
  return (text: string, size: number): number => {
    let width = sums.get(text);
    if (width === undefined) {
      width = 0;
      for (const advance of afm.advancesForGlyphs(afm.glyphsForString(String(text)))) width += advance;
      if (sums.size >= WIDTHS_MAX) sums.clear();
      sums.set(text, width);
    }
    return width * (size / 1000);
  };
};

/** The metrics pdfkit built, with kerning looked up without building a string per glyph pair. */
const withFastKerning = (afm: AfmMetrics): AfmMetrics => {
  const kerning = new Map<string, Map<string, number>>();
  for (const [pair, amount] of Object.entries(afm.kernPairs)) {
    const [left = "", right = ""] = pair.split("\0");
    const rights = kerning.get(left) ?? new Map<string, number>();
    rights.set(right, amount);
    kerning.set(left, rights);
  }
  const widths = new Map(Object.entries(afm.glyphWidths));
  const fast: AfmMetrics = Object.create(afm);
  // As pdfkit: each glyph's width plus its kerning with the next one (none after the last), `|| 0` for unknowns.
  fast.widthOfGlyph = (glyph) => widths.get(glyph) || 0;
  fast.advancesForGlyphs = (glyphs) => {
    const advances: number[] = new Array(glyphs.length);
    for (let i = 0; i < glyphs.length; i++) {
      const left = glyphs[i] ?? "";
      const next = glyphs[i + 1];
      const kern = next === undefined ? 0 : kerning.get(left)?.get(next) || 0;
      advances[i] = (widths.get(left) || 0) + kern;
    }
    return advances;
  };
  return fast;
};

/**
 * `pdf.font(name)` for one of pdfkit's standard fonts: the first document of the thread lets pdfkit build it and
 * keeps its metrics; later documents get a font of their own (their own id, in pdfkit's order) over those metrics.
 */
export const useStandardFont = (pdf: PDFKit.PDFDocument, name: string): void => {
  const registry = pdf as unknown as FontRegistry;
  const known = sharing ? shared.get(name) : undefined;
  if (known && !registry._fontFamilies[name]) {
    const font: object = Object.create(known.prototype);
    Object.assign(font, known.fields, { document: pdf, id: `F${++registry._fontCount}` });
    registry._fontFamilies[name] = font;
  }
  pdf.font(name);
  if (sharing && !known) {
    const built = registry._font;
    const { ascender, descender, bbox, lineGap, xHeight, capHeight } = built;
    const font = withFastKerning(built.font);
    shared.set(name, {
      prototype: Object.getPrototypeOf(built) as object,
      fields: {
        widthOfString: rememberingWidths(font),
        name: built.name,
        font,
        ascender,
        descender,
        bbox,
        lineGap,
        xHeight,
        capHeight,
      },
    });
  }
};
