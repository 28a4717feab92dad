import { formatCents, toX12Text } from "@billcycle/core";
import PDFDocument from "pdfkit";
import { shareStandardFonts, useStandardFont } from "./pdf-standard-fonts";

/** What every rendered document prints in its header and carries in its PDF metadata. */
export type DocumentStamp = {
  /** "Bill", "Superbill", "Statement". */
  title: string;
  number: string;
  version: number;
  /** The practice-local date printed as the issue date. */
  issuedOn: string;
  /** The PDF's creation date: the issuing instant, so the same document renders to the same bytes. */
  issuedAt: Date;
};

export type Column = { header: string; width: number; align?: "left" | "right" };

const PAGE = { width: 612, height: 792, margin: 48 } as const;
const BODY = PAGE.width - 2 * PAGE.margin;
const FOOTER_SPACE = 40;

/**
 * The standard PDF fonts (Helvetica) encode WinAnsi only: a character outside it is spelled in Latin letters when it
 * has a spelling (Łukasz → Lukasz) and shown as "?" otherwise, instead of the wrong glyph. Standard fonts are not
 * embedded, so no random subset tag makes two renderings differ.
 */
export const printable = (text: string): string => {
  let out = "";
  for (const c of text.normalize("NFC")) {
    const code = c.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out += c;
    else if (code === 0x2014 || code === 0x2013 || code === 0x2019 || code === 0x2018) out += c;
    else if (c === "\n" || c === "\t") out += " ";
    else {
      const spelled = toX12Text(c);
      out += /^[\x20-\x7e]+$/.test(spelled) ? spelled : "?";
    }
  }
  return out;
};

export const money = (cents: number): string => formatCents(cents);

/** Heights of texts already measured in this thread (`PdfLayout.heightOf`), forgotten all at once when full. */
const knownHeights = new Map<string, number>();
let remembering = true;

/** Forgets every measurement and parsed font, and whether to keep them (tests compare both ways' bytes). */
export const rememberPdfMeasurements = (on: boolean): void => {
  remembering = on;
  knownHeights.clear();
  shareStandardFonts(on);
};
const MEASURED_MAX = 20_000;

/** The largest kerning in Helvetica and Helvetica-Bold (180/1000 em, between "space" and "T" among others). */
const MAX_KERN_EM = 0.18;
const LETTERS_AND_DIGITS = /[A-Za-z0-9]/g;
/** Texts whose edges pdfkit's wrapper treats specially: white space (trimmed) or a soft hyphen at either end. */
const UNSURE_EDGES = /^[\s\u00ad]|[\s\u00ad]$/;

/**
 * A thin writer over pdfkit with the few layouts billcycle's documents use: a header, labelled blocks, tables that
 * continue on a new page with their header repeated, and a totals column. Every call moves `y` down.
 */
export class PdfLayout {
  readonly pdf: PDFKit.PDFDocument;
  y: number = PAGE.margin;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;

  constructor(readonly stamp: DocumentStamp) {
    const options: Omit<PDFKit.PDFDocumentOptions, "font"> & { font: null } = {
      // No default font: pdfkit would parse Helvetica here; the first setFont gives it the same id (F1).
      font: null,
      size: "LETTER",
      margin: PAGE.margin,
      compress: true,
      autoFirstPage: true,
      bufferPages: true,
      info: {
        Title: printable(`${stamp.title} ${stamp.number}`),
        Creator: "billcycle",
        Producer: "billcycle",
        CreationDate: stamp.issuedAt,
        ModDate: stamp.issuedAt,
      },
    };
    this.pdf = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
    this.done = new Promise((resolve, reject) => {
      this.pdf.on("data", (c: Buffer) => this.chunks.push(c));
      this.pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.pdf.on("error", reject);
    });
    this.setFont(false, 9);
  }

  /** The font and size of what is drawn or measured next: every change goes through here (`fontKey`). */
  private fontKey = "";
  private setFont(bold: boolean, size: number): void {
    useStandardFont(this.pdf, bold ? "Helvetica-Bold" : "Helvetica");
    this.pdf.fontSize(size);
    this.fontKey = `${bold ? "B" : "R"}${size}`;
  }

  /** Starts a new page when fewer than `needed` points remain above the footer. */
  ensure(needed: number): boolean {
    if (this.y + needed <= PAGE.height - PAGE.margin - FOOTER_SPACE) return false;
    this.pdf.addPage();
    this.y = PAGE.margin;
    return true;
  }

  text(
    value: string,
    o: { x?: number; width?: number; size?: number; bold?: boolean; align?: "left" | "right" } = {},
  ): void {
    const size = o.size ?? 9;
    this.setFont(o.bold === true, size);
    const width = o.width ?? BODY;
    const x = o.x ?? PAGE.margin;
    const height = this.heightOf(printable(value), width);
    this.ensure(height);
    this.draw(printable(value), x, width, o.align ?? "left", size);
    this.y += height + 1;
  }

  /**
   * pdfkit's height of `t` wrapped to `width` in the current font, remembered: the same cells (dates, codes, fees,
   * descriptions) come back in every document a thread renders, and measuring walks every glyph and kerning pair.
   */
  private heightOf(t: string, width: number): number {
    const key = `${this.fontKey}|${width}|${t}`;
    if (!remembering) return this.pdf.heightOfString(t, { width });
    const known = knownHeights.get(key);
    if (known !== undefined) return known;
    const height = this.pdf.heightOfString(t, { width });
    if (knownHeights.size >= MEASURED_MAX) knownHeights.clear();
    knownHeights.set(key, height);
    return height;
  }

  /**
   * Draws `t` at `x` on this line, wrapped to `width` in the current font of `size`. A text that surely fits on one
   * line is placed here, as pdfkit's wrapper would place it, and drawn without the wrapper, which breaks every text
   * into words and measures them again. "Surely": its width plus the most kerning any line-break opportunity (any
   * character but a letter or digit) could take away is within the line.
   */
  private draw(t: string, x: number, width: number, align: "left" | "right", size: number): void {
    if (remembering && t.length > 0 && !UNSURE_EDGES.test(t)) {
      const textWidth = this.pdf.widthOfString(t);
      const breaks = t.length - (t.match(LETTERS_AND_DIGITS)?.length ?? 0);
      // pdfkit's line width at 100 % horizontal scaling, computed as LineWrapper does.
      const lineWidth = (width * 100) / 100;
      if (textWidth + breaks * MAX_KERN_EM * size <= lineWidth) {
        const left = align === "right" ? x + (lineWidth - textWidth) : x;
        this.pdf.text(t, left, this.y, { lineBreak: false });
        return;
      }
    }
    this.pdf.text(t, x, this.y, { width, align, lineBreak: true });
  }

  gap(points = 8): void {
    this.y += points;
  }

  rule(): void {
    this.ensure(4);
    this.pdf
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.width - PAGE.margin, this.y)
      .lineWidth(0.5)
      .stroke();
    this.y += 4;
  }

  /** The practice on the left, the document's title, number, version and date on the right. */
  header(practice: {
    name: string;
    addressLines: string[];
    phone: string | null;
    taxId: string | null;
    npi: string | null;
  }): void {
    const top = this.y;
    const right = PAGE.margin + BODY / 2;
    this.text(practice.name, { size: 14, bold: true, width: BODY / 2 });
    for (const line of practice.addressLines) this.text(line, { width: BODY / 2 });
    if (practice.phone) this.text(`Phone: ${practice.phone}`, { width: BODY / 2 });
    if (practice.taxId) this.text(`Tax ID: ${practice.taxId}`, { width: BODY / 2 });
    if (practice.npi) this.text(`NPI: ${practice.npi}`, { width: BODY / 2 });
    const leftBottom = this.y;
    this.y = top;
    this.text(this.stamp.title.toUpperCase(), {
      x: right,
      width: BODY / 2,
      size: 16,
      bold: true,
      align: "right",
    });
    this.text(`Number: ${this.stamp.number}`, { x: right, width: BODY / 2, align: "right" });
    if (this.stamp.version > 1)
      this.text(`Version: ${this.stamp.version}`, { x: right, width: BODY / 2, align: "right" });
    this.text(`Issued: ${this.stamp.issuedOn}`, { x: right, width: BODY / 2, align: "right" });
    this.y = Math.max(this.y, leftBottom);
    this.gap(6);
    this.rule();
    this.gap(4);
  }

  /** A label in bold and its lines below it, in a column starting at `x`. Returns the y below it. */
  block(label: string, lines: string[], x: number = PAGE.margin, width: number = BODY / 2 - 8): number {
    const top = this.y;
    this.text(label, { x, width, bold: true });
    for (const line of lines) this.text(line, { x, width });
    const bottom = this.y;
    this.y = top;
    return bottom;
  }

  /** Two blocks side by side; `y` ends below the taller one. */
  blocks(left: { label: string; lines: string[] }, right: { label: string; lines: string[] }): void {
    const top = this.y;
    const leftBottom = this.block(left.label, left.lines);
    this.y = top;
    const rightBottom = this.block(right.label, right.lines, PAGE.margin + BODY / 2 + 8);
    this.y = Math.max(leftBottom, rightBottom) + 6;
  }

  /** A table whose header row repeats on every page it continues on; widths are fractions of the body. */
  table(columns: Column[], rows: string[][]): void {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * BODY);
    const drawRow = (cells: string[], bold: boolean): void => {
      this.setFont(bold, 8);
      const texts = cells.map((c) => printable(c));
      const height = Math.max(...texts.map((t, i) => this.heightOf(t, (widths[i] ?? 0) - 4)));
      if (this.ensure(height + 2) && !bold)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
      let x = PAGE.margin;
      texts.forEach((t, i) => {
        const w = widths[i] ?? 0;
        this.setFont(bold, 8);
        this.draw(t, x + 2, w - 4, columns[i]?.align ?? "left", 8);
        x += w;
      });
      this.y += height + 3;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    this.rule();
    for (const row of rows) drawRow(row, false);
    this.rule();
  }

  /** Label–amount pairs aligned at the right, the last one in bold when `strongLast`. */
  totals(pairs: Array<[string, string]>, strongLast = true): void {
    pairs.forEach(([label, amount], i) => {
      const bold = strongLast && i === pairs.length - 1;
      this.ensure(14);
      const top = this.y;
      this.text(label, { x: PAGE.margin + BODY * 0.45, width: BODY * 0.35, bold, align: "right" });
      const below = this.y;
      this.y = top;
      this.text(amount, { x: PAGE.margin + BODY * 0.8, width: BODY * 0.2, bold, align: "right" });
      this.y = Math.max(below, this.y);
    });
  }

  /** Page numbers in every footer, then the finished bytes. */
  async finish(): Promise<Uint8Array> {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      this.setFont(false, 7);
      const footer = printable(
        `${this.stamp.title} ${this.stamp.number}${this.stamp.version > 1 ? ` v${this.stamp.version}` : ""}` +
          ` - page ${i - range.start + 1} of ${range.count}`,
      );
      this.pdf.text(footer, PAGE.margin, PAGE.height - PAGE.margin - 10, {
        width: BODY,
        align: "center",
        lineBreak: false,
      });
    }
    this.pdf.end();
    return this.done;
  }
}

export const addressLines = (
  address: { line1: string; line2?: string | undefined; city: string; state: string; zip: string } | null,
): string[] => {
  if (!address) return [];
  const zip = address.zip.length === 9 ? `${address.zip.slice(0, 5)}-${address.zip.slice(5)}` : address.zip;
  return [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.city}, ${address.state} ${zip}`,
  ];
};
