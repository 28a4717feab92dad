import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export type PdfText = {
  pageCount: number;
  /** Each page's text rows, top to bottom; a row's pieces left to right, joined by " | ". */
  pages: string[][];
  /** Every row of every page. */
  lines: string[];
  /** The rows joined by newlines. */
  text: string;
  /** The PDF's information dictionary (Title, Creator, CreationDate, …). */
  info: Record<string, unknown>;
};

/**
 * Reads a PDF back the way a person would: the text of each page in rows (pieces on the same baseline, left to
 * right), with pdf.js, an independent reader, so tests check what the document says rather than what we meant.
 */
export const readPdfText = async (bytes: Uint8Array): Promise<PdfText> => {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const rows = new Map<number, Array<{ x: number; s: string }>>();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const y = Math.round(item.transform[5] as number);
        const x = item.transform[4] as number;
        const row = rows.get(y) ?? [];
        row.push({ x, s: item.str.trim() });
        rows.set(y, row);
      }
      pages.push(
        [...rows.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([, row]) =>
            row
              .sort((a, b) => a.x - b.x)
              .map((r) => r.s)
              .join(" | "),
          ),
      );
    }
    const meta = await doc.getMetadata();
    const lines = pages.flat();
    return {
      pageCount: doc.numPages,
      pages,
      lines,
      text: lines.join("\n"),
      info: (meta.info ?? {}) as Record<string, unknown>,
    };
  } finally {
    await doc.destroy();
  }
};
