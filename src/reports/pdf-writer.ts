/**
 * Layout primitives for report PDFs on top of pdfkit, for a tagged PDF
 * (PDF/UA, WCAG 2.1 AA for Dutch government publications): every heading,
 * paragraph, list, table and chart is a structure element in reading order,
 * with its language set; tables have header cells, and their header row is
 * repeated where a page ends; charts are figures with
 * their text alternative; headings become bookmarks and the entries of a
 * clickable table of contents; running headers and page numbers are
 * artifacts, outside the structure.
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
const muted = '#4f5b63';
const cellPadding = 3;
const tableFontSize = 8.5;
const headingSizes = { 1: 20, 2: 16, 3: 13, 4: 11.5 } as const;

type Struct = ReturnType<PDFKit.PDFDocument['struct']>;

interface ContentsEntry {
  level: number;
  title: string;
  destination: string;
  page: number;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private readonly parents: Struct[] = [];
  private readonly contents: ContentsEntry[] = [];
  private readonly outlines: PDFKit.PDFOutline[] = [];
  private contentsPlace?: { element: Struct; firstPage: number; startY: number; pages: number; title: string };
  private destinations = 0;
  /** The PDF as it is written: a tagged report writes each structure element as it ends, so the bytes are taken as they come. */
  private readonly chunks: Buffer[] = [];

  constructor(info: { title: string; subject: string; lang: string }) {
    this.doc = new PDFDocument({
      size: 'A4', bufferPages: true, margins: { top: margin + 14, bottom: margin, left: margin, right: margin },
      info: { Title: info.title, Subject: info.subject, Creator: 'Buurtladder' }, lang: info.lang, displayTitle: true,
      pdfVersion: '1.7', tagged: true, subset: 'PDF/UA',
    } as unknown as PDFKit.PDFDocumentOptions);
    this.doc.registerFont(regular, path.join(fontDir, 'DejaVuSans.ttf'));
    this.doc.registerFont(bold, path.join(fontDir, 'DejaVuSans-Bold.ttf'));
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.doc.font(regular).fontSize(10).fillColor(ink);
    this.root = this.struct('Document');
    this.doc.addStructure(this.root);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private get parent(): Struct {
    return this.parents.at(-1) ?? this.root;
  }

  /**
   * A structure element; `draw` draws its content once it is added to the tree.
   * (pdfkit's typings lag behind it: they know neither a figure's bounding box
   * nor content drawn by a function.)
   */
  private struct(type: string, options: { alt?: string; bbox?: number[]; placement?: string; scope?: string } = {}, draw?: () => unknown): Struct {
    const make = this.doc.struct.bind(this.doc) as unknown as (tag: string, options: object, children?: () => unknown) => Struct;
    return draw ? make(type, options, draw) : make(type, options);
  }

  /** Adds a structure element that draws `draw` to the current group, in reading order. */
  private tagged(type: string, draw: () => void): void {
    this.parent.add(this.struct(type, {}, draw));
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.continueOnNewPage();
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** Blocks inside `draw` belong to one group (a section of the structure). */
  group(type: 'Sect' | 'Div', draw: () => void): void {
    const element = this.struct(type);
    this.parent.add(element);
    this.parents.push(element);
    draw();
    this.parents.pop();
    element.end();
  }

  /** The report's title, as its one level-1 heading. */
  title(text: string): void {
    this.tagged('H1', () => this.doc.font(bold).fontSize(headingSizes[1]).fillColor(ink).text(text, { width: this.width }));
    this.doc.moveDown(0.3).font(regular).fontSize(10);
  }

  heading(level: 2 | 3 | 4, text: string, options: { newPage?: boolean; inContents?: boolean } = {}): void {
    if (options.newPage && this.doc.y > this.doc.page.margins.top + 1) this.doc.continueOnNewPage();
    else this.ensureSpace(level === 2 ? 80 : 50);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 4 ? 0.4 : 0.8);
    const destination = `section-${++this.destinations}`;
    this.doc.addNamedDestination(destination, 'XYZ', null, this.doc.page.height - this.doc.y, null);
    if (options.inContents ?? level <= 3) {
      this.contents.push({ level, title: text, destination, page: this.currentPage() });
      const parentOutline = level === 2 ? this.doc.outline : (this.outlines[level - 3] ?? this.doc.outline);
      this.outlines[level - 2] = parentOutline.addItem(text);
      this.outlines.length = level - 1;
    }
    this.tagged(`H${level}`, () => this.doc.font(bold).fontSize(headingSizes[level]).fillColor(ink).text(text, { width: this.width }));
    this.doc.moveDown(0.3).font(regular).fontSize(10);
  }

  paragraph(text: string, options: { lead?: string; color?: string; size?: number } = {}): void {
    this.tagged('P', () => {
      this.doc.fontSize(options.size ?? 10).fillColor(options.color ?? ink);
      if (options.lead) this.doc.font(bold).text(`${options.lead} `, { continued: true, width: this.width });
      this.doc.font(regular).text(text, { width: this.width });
    });
    this.doc.moveDown(0.4).fillColor(ink);
  }

  note(text: string): void {
    this.paragraph(text, { color: muted, size: 9 });
  }

  list(items: readonly { lead?: string; text: string }[], ordered: boolean): void {
    const list = this.struct('L');
    this.parent.add(list);
    items.forEach((item, index) => {
      const entry = this.struct('LI');
      list.add(entry);
      // The number or bullet is drawn with the body: a label of its own would split one line over two marked contents.
      entry.add(this.struct('LBody', {}, () => {
        this.doc.font(regular).fontSize(10).fillColor(ink).text(`${ordered ? `${index + 1}.` : '•'} `, { continued: true, width: this.width });
        if (item.lead) this.doc.font(bold).text(`${item.lead} `, { continued: true, width: this.width });
        this.doc.font(regular).text(item.text, { width: this.width });
      }));
      entry.end();
      this.doc.moveDown(0.2);
    });
    list.end();
    this.doc.moveDown(0.3);
  }

  /**
   * A table as structure (Table, TR, TH and TD): the header row on top, and
   * again on every page the table continues on (there as an artifact, so a
   * screen reader reads it once); the first cell of a row is its header.
   * Column widths are the caller's fractions of the text width, widened where
   * a column is narrower than its longest word. (pdfkit's own table opens the
   * font again for every cell, which made a 200-street report take minutes.)
   */
  table(header: readonly string[], rows: readonly (readonly string[])[], fractions: readonly number[], caption?: string): void {
    const widths = this.columnWidths(header.length > 0 ? [header, ...rows] : rows, fractions);
    // Measured in the font each cell is drawn in: bold for the header and the first column.
    const heightOf = (cells: readonly string[], kind: 'header' | 'body') => Math.max(...cells.map((cell, index) => {
      this.doc.font(kind === 'header' || index === 0 ? bold : regular).fontSize(tableFontSize);
      return this.doc.heightOfString(cell, { width: widths[index]! - 2 * cellPadding });
    })) + 2 * cellPadding;
    const headerHeight = header.length > 0 ? heightOf(header, 'header') : 0;
    this.ensureSpace(headerHeight + (rows[0] ? heightOf(rows[0], 'body') : 0) + (caption ? 16 : 0));
    const table = this.struct('Table');
    this.parent.add(table);
    if (caption) {
      table.add(this.struct('Caption', {}, () => this.doc.font(bold).fontSize(9).fillColor(ink).text(caption, this.doc.page.margins.left, this.doc.y, { width: this.width })));
      this.doc.moveDown(0.2);
    }
    if (header.length > 0) this.tableRow(table, header, widths, headerHeight, 'header');
    for (const row of rows) {
      const height = heightOf(row, 'body');
      if (this.doc.y + height > this.bottom) {
        this.doc.continueOnNewPage();
        if (header.length > 0) this.tableRow(undefined, header, widths, headerHeight, 'header');
      }
      this.tableRow(table, row, widths, height, 'body');
    }
    table.end();
    this.doc.x = this.doc.page.margins.left;
    this.doc.font(regular).fontSize(10).moveDown(0.6);
  }

  /** One row; without a table to add it to (a repeated header), it is drawn as an artifact. */
  private tableRow(table: Struct | undefined, cells: readonly string[], widths: readonly number[], height: number, kind: 'header' | 'body'): void {
    const left = this.doc.page.margins.left;
    const top = this.doc.y;
    this.doc.markContent('Artifact', { type: 'Layout' });
    if (kind === 'header') this.doc.rect(left, top, this.width, height).fill('#e9edf0');
    this.doc.moveTo(left, top + height).lineTo(left + this.width, top + height).lineWidth(0.4).strokeColor('#9aa5ad').stroke();
    this.doc.endMarkedContent();
    const drawCell = (text: string, index: number, x: number) => () => {
      const width = widths[index]! - 2 * cellPadding;
      this.doc.font(kind === 'header' || index === 0 ? bold : regular).fontSize(tableFontSize).fillColor(ink);
      // Most cells are a figure that fits on its line: drawn without a line wrapper, which a long report would make thousands of.
      if (this.doc.widthOfString(text) <= width) this.doc.text(text, x + cellPadding, top + cellPadding, { lineBreak: false });
      else this.doc.text(text, x + cellPadding, top + cellPadding, { width });
    };
    let x = left;
    if (table) {
      const row = this.struct('TR');
      table.add(row);
      cells.forEach((text, index) => {
        const scope = kind === 'header' ? 'Column' : 'Row';
        row.add(this.struct(kind === 'header' || index === 0 ? 'TH' : 'TD', kind === 'header' || index === 0 ? { scope } : {}, drawCell(text, index, x)));
        x += widths[index]!;
      });
      row.end();
    } else {
      this.doc.markContent('Artifact', { type: 'Pagination' });
      cells.forEach((text, index) => { drawCell(text, index, x)(); x += widths[index]!; });
      this.doc.endMarkedContent();
    }
    this.doc.x = left;
    this.doc.y = top + height;
  }

  private columnWidths(cells: readonly (readonly string[])[], fractions: readonly number[]): number[] {
    const widths = fractions.map((fraction) => fraction * this.width);
    this.doc.font(bold).fontSize(tableFontSize);
    const needed = widths.map((_, column) => Math.max(0, ...cells.flatMap((row) => (row[column] ?? '').split(/[\s-]+/))
      .map((word) => this.doc.widthOfString(word) + 2 * cellPadding + 1)));
    const shortBy = widths.reduce((total, width, column) => total + Math.max(0, needed[column]! - width), 0);
    const spare = widths.reduce((total, width, column) => total + Math.max(0, width - needed[column]!), 0);
    if (shortBy === 0 || shortBy > spare) return widths;
    return widths.map((width, column) => (width < needed[column]! ? needed[column]! : width - (width - needed[column]!) * (shortBy / spare)));
  }

  /** A chart (the HTML page's SVG) as a figure with its text alternative, and its caption under it. */
  chart(svg: string, alt: string, caption: string): void {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const svgWidth = Number(size?.[1] ?? 600);
    const svgHeight = Number(size?.[2] ?? 300);
    const width = Math.min(this.width, svgWidth * 0.75);
    const height = svgHeight * (width / svgWidth);
    this.ensureSpace(height + 24);
    const left = this.doc.page.margins.left;
    const top = this.doc.y;
    // svg-to-pdfkit draws the SVG at its own width and height, read as CSS pixels (0.75 pt):
    // those are set to the box in points, so the viewBox is scaled into the box.
    const sized = svg.replace(/width="([\d.]+)" height="([\d.]+)"/, `width="${width}pt" height="${height}pt"`);
    this.parent.add(this.struct('Figure', { alt, bbox: [left, top, left + width, top + height], placement: 'Block' }, () => {
      SVGtoPDF(this.doc as unknown as Parameters<typeof SVGtoPDF>[0], sized, left, top, { width, height, fontCallback: (_family, isBold) => (isBold ? bold : regular) });
    }));
    this.doc.x = left;
    this.doc.y = top + height + 4;
    this.note(caption);
  }

  /** Keeps pages for the table of contents here; `writeContents` fills them at the end. */
  reserveContents(title: string, entries: number): void {
    const element = this.struct('TOC');
    this.parent.add(element);
    const startY = this.doc.y + 12;
    // Entries take 13 to 15 points; the title and its space about 40.
    const onFirstPage = Math.floor((this.bottom - startY - 40) / 15);
    const perPage = Math.floor((this.bottom - this.doc.page.margins.top) / 15);
    const pages = 1 + Math.max(0, Math.ceil((entries - onFirstPage) / perPage));
    this.contentsPlace = { element, firstPage: this.currentPage(), startY, pages, title };
    for (let page = 1; page < pages; page++) this.doc.continueOnNewPage();
  }

  /** Writes the table of contents on its pages: each entry links to its heading, with the page it is on. */
  private writeContents(): void {
    const place = this.contentsPlace;
    if (!place) return;
    let page = place.firstPage;
    this.doc.switchToPage(page - 1);
    this.doc.x = this.doc.page.margins.left;
    this.doc.y = place.startY;
    place.element.add(this.struct('H2', {}, () => this.doc.font(bold).fontSize(14).fillColor(ink).text(place.title)));
    this.doc.moveDown(0.5);
    for (const entry of this.contents) {
      if (this.doc.y > this.bottom - 14 && page < place.firstPage + place.pages - 1) {
        this.doc.switchToPage(page++);
        this.doc.y = this.doc.page.margins.top;
      }
      const indent = (entry.level - 2) * 14;
      const y = this.doc.y;
      place.element.add(this.struct('TOCI', {}, () => {
        this.doc.font(entry.level <= 2 ? bold : regular).fontSize(entry.level <= 2 ? 10 : 9).fillColor(ink)
          .text(entry.title, this.doc.page.margins.left + indent, y, { width: this.width - indent - 40, lineBreak: false, ellipsis: true, goTo: entry.destination });
        this.doc.text(String(entry.page), this.doc.page.margins.left, y, { width: this.width, align: 'right', goTo: entry.destination });
      }));
      this.doc.y = y + (entry.level <= 2 ? 15 : 13);
    }
    place.element.end();
  }

  /** Adds the running header and the page number ("pagina x van y", from `pageOf`) to every page as artifacts, then ends the document. */
  finish(header: string, pageOf: (page: number, pages: number) => string): Promise<Buffer> {
    this.writeContents();
    this.root.end();
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const { left, right } = this.doc.page.margins;
      const width = this.doc.page.width - left - right;
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc.font(regular).fontSize(8).fillColor(muted);
      this.doc.text(header, left, margin - 24, { width, lineBreak: false, ellipsis: true });
      this.doc.text(pageOf(index + 1, range.count), left, this.doc.page.height - margin + 18, { width, align: 'right', lineBreak: false });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottomMargin;
    }
    return new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
