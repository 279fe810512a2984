/**
 * Layout primitives for report PDFs on top of pdfkit: headings that feed a
 * table of contents, paragraphs, simple tables that break across pages with
 * their header repeated, charts (the same SVG as the HTML page, drawn by
 * svg-to-pdfkit), and running headers and page numbers added at the end.
 *
 * The font is DejaVu Sans, embedded: it has every character reports and
 * charts use (the minus sign U+2212, the euro sign, Dutch diacritics), which
 * the built-in PDF fonts lack.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regular = 'DejaVu';
const bold = 'DejaVu-Bold';
const margin = 56;
const ink = '#1d2327';
const muted = '#5b6770';

export interface TocEntry {
  level: number;
  title: string;
  page: number;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly toc: TocEntry[] = [];

  constructor(info: { title: string; subject: string }) {
    this.doc = new PDFDocument({ size: 'A4', bufferPages: true, margins: { top: margin + 14, bottom: margin, left: margin, right: margin }, info: { Title: info.title, Subject: info.subject, Creator: 'Buurtladder' }, lang: 'nl-NL', displayTitle: true });
    this.doc.registerFont(regular, path.join(fontDir, 'DejaVuSans.ttf'));
    this.doc.registerFont(bold, path.join(fontDir, 'DejaVuSans-Bold.ttf'));
    this.doc.font(regular).fontSize(10).fillColor(ink);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  heading(level: 1 | 2 | 3, title: string, options: { toc?: boolean; newPage?: boolean } = {}): void {
    if (options.newPage) this.doc.addPage();
    else this.ensureSpace(level === 1 ? 80 : 50);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 3 ? 0.4 : 0.8);
    if (options.toc ?? level <= 2) this.toc.push({ level, title, page: this.currentPage() });
    this.doc.font(bold).fontSize(level === 1 ? 18 : level === 2 ? 14 : 11.5).fillColor(ink).text(title, { width: this.width });
    this.doc.moveDown(0.3).font(regular).fontSize(10);
  }

  paragraph(text: string, options: { color?: string; boldLead?: string; size?: number } = {}): void {
    this.doc.fontSize(options.size ?? 10).fillColor(options.color ?? ink);
    if (options.boldLead) {
      this.doc.font(bold).text(`${options.boldLead} `, { continued: true, width: this.width });
    }
    this.doc.font(regular).text(text, { width: this.width });
    this.doc.moveDown(0.4).fillColor(ink);
  }

  note(text: string): void {
    this.paragraph(text, { color: muted, size: 9 });
  }

  /** A table with a header row; column widths as fractions of the text width. */
  table(header: readonly string[], rows: readonly (readonly string[])[], fractions: readonly number[], caption?: string): void {
    const widths = this.columnWidths([header, ...rows], fractions);
    const left = this.doc.page.margins.left;
    const rowHeight = (cells: readonly string[], font: string) => {
      this.doc.font(font).fontSize(8.5);
      return Math.max(...cells.map((cell, index) => this.doc.heightOfString(cell, { width: widths[index]! - 6 }))) + 6;
    };
    const drawRow = (cells: readonly string[], font: string, shade: boolean) => {
      const height = rowHeight(cells, font);
      const top = this.doc.y;
      if (shade) this.doc.rect(left, top, this.width, height).fill('#eef1f3').fillColor(ink);
      let x = left;
      cells.forEach((cell, index) => {
        this.doc.font(font).fontSize(8.5).fillColor(ink).text(cell, x + 3, top + 3, { width: widths[index]! - 6 });
        x += widths[index]!;
      });
      this.doc.moveTo(left, top + height).lineTo(left + this.width, top + height).lineWidth(0.4).strokeColor('#c9d0d5').stroke();
      this.doc.x = left;
      this.doc.y = top + height;
    };
    this.ensureSpace(rowHeight(header, bold) + (rows[0] ? rowHeight(rows[0], regular) : 0) + (caption ? 16 : 0));
    if (caption) this.doc.font(bold).fontSize(9).text(caption, left, this.doc.y, { width: this.width }).moveDown(0.2);
    drawRow(header, bold, true);
    for (const row of rows) {
      if (this.doc.y + rowHeight(row, regular) > this.bottom) {
        this.doc.addPage();
        drawRow(header, bold, true);
      }
      drawRow(row, regular, false);
    }
    this.doc.font(regular).fontSize(10).moveDown(0.6);
  }

  /**
   * Column widths from the caller's fractions of the text width, widened where
   * a column is narrower than its longest word (a heading such as "Gewenst"
   * must not break inside the word); the width comes from the columns with
   * room to spare. When the words cannot all fit, the fractions stand.
   */
  private columnWidths(cells: readonly (readonly string[])[], fractions: readonly number[]): number[] {
    const widths = fractions.map((fraction) => fraction * this.width);
    // Measured in the heading's bold, the wider of the table's two fonts.
    this.doc.font(bold).fontSize(8.5);
    const needed = widths.map((_, column) => Math.max(0, ...cells.flatMap((row) => (row[column] ?? '').split(/[\s-]+/))
      .map((word) => this.doc.widthOfString(word) + 7)));
    const shortBy = widths.reduce((total, width, column) => total + Math.max(0, needed[column]! - width), 0);
    const spare = widths.reduce((total, width, column) => total + Math.max(0, width - needed[column]!), 0);
    if (shortBy === 0 || shortBy > spare) return widths;
    return widths.map((width, column) => (width < needed[column]! ? needed[column]! : width - (width - needed[column]!) * (shortBy / spare)));
  }

  /** Draws an SVG chart scaled to the text width (or smaller), with its caption under it. */
  chart(svg: string, caption: string): void {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const svgWidth = Number(size?.[1] ?? 600);
    const svgHeight = Number(size?.[2] ?? 300);
    const width = Math.min(this.width, svgWidth * 0.75);
    const height = svgHeight * (width / svgWidth);
    this.ensureSpace(height + 24);
    const left = this.doc.page.margins.left;
    // svg-to-pdfkit draws the SVG at its own width and height, read as CSS pixels (0.75 pt):
    // those are set to the box in points, so the viewBox is scaled into the box and a chart
    // wider than the text never runs into the margin or over its caption.
    const sized = svg.replace(/width="([\d.]+)" height="([\d.]+)"/, `width="${width}pt" height="${height}pt"`);
    SVGtoPDF(this.doc as unknown as Parameters<typeof SVGtoPDF>[0], sized, left, this.doc.y, {
      width, height, fontCallback: (_family, isBold) => (isBold ? bold : regular),
    });
    this.doc.x = left;
    this.doc.y += height + 4;
    this.note(caption);
  }

  /** Writes the table of contents on the reserved pages (numbers are final page numbers). */
  writeToc(firstPage: number, entries: readonly TocEntry[], title: string): void {
    this.doc.switchToPage(firstPage - 1);
    this.doc.x = this.doc.page.margins.left;
    this.doc.y = this.doc.page.margins.top;
    this.doc.font(bold).fontSize(14).text(title).moveDown(0.5);
    let page = firstPage;
    for (const entry of entries) {
      if (this.doc.y > this.bottom - 14) {
        page += 1;
        this.doc.switchToPage(page - 1);
        this.doc.y = this.doc.page.margins.top;
      }
      const indent = entry.level === 1 ? 0 : (entry.level - 1) * 14;
      const y = this.doc.y;
      this.doc.font(entry.level <= 1 ? bold : regular).fontSize(entry.level <= 1 ? 10 : 9)
        .text(entry.title, this.doc.page.margins.left + indent, y, { width: this.width - indent - 40, lineBreak: false, ellipsis: true });
      this.doc.text(String(entry.page), this.doc.page.margins.left, y, { width: this.width, align: 'right' });
      this.doc.y = y + (entry.level <= 1 ? 15 : 13);
    }
  }

  /** Adds the running header and the page number ("pagina x van y", from `pageOf`) to every page, then ends the document. */
  finish(header: string, pageOf: (page: number, pages: number) => string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const { left, right } = this.doc.page.margins;
      const width = this.doc.page.width - left - right;
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font(regular).fontSize(8).fillColor(muted);
      this.doc.text(header, left, margin - 24, { width, lineBreak: false, ellipsis: true });
      this.doc.text(pageOf(index + 1, range.count), left, this.doc.page.height - margin + 18, { width, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
