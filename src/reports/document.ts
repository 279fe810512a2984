/**
 * A report as one renderer-neutral document: a header and a list of blocks
 * (headings, paragraphs, lists, tables, charts, definition lists and groups
 * of blocks). The street and neighbourhood reports are built into this shape
 * once (street-document.ts, neighbourhood-document.ts), with every word
 * already looked up in reports/wording.json; the HTML page (render-html.ts)
 * and the PDF (render-pdf.ts) only lay it out. So the two can never differ in
 * what they say, and neither holds a word of its own.
 */
import type { ChartData } from './street-report.js';

export interface TableRow {
  /** The first cell is the row's header (a theme, a street, a label). */
  cells: string[];
  /** A badge after the first cell, such as "aangrijpingspunt". */
  badge?: string;
  /** A colour band per cell (the index against the surroundings); the cell's text says the band in words too. */
  bands?: (string | undefined)[];
}

export interface TableBlock {
  kind: 'table';
  caption?: string;
  header: string[];
  rows: TableRow[];
  /** Each column's share of the text width in the PDF; the HTML lets the browser size them. */
  widths: number[];
  /** Columns (by index) that hold a figure to stand out, such as the weighted gap. */
  emphasis?: number[];
  compact?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; id?: string; newPage?: boolean; inContents?: boolean }
  | { kind: 'paragraph'; text: string; lead?: string; style?: 'note' | 'suppressed' | 'no-need' | 'tags' | 'quote' }
  | { kind: 'list'; ordered: boolean; items: { lead?: string; text: string }[] }
  | TableBlock
  | { kind: 'chart'; chart: ChartData }
  | { kind: 'details'; items: { term: string; value: string }[] }
  | { kind: 'group'; role: 'recommendation' | 'method' | 'street' | 'profile' | 'section'; blocks: Block[] }
  /** A table of contents of the level-2 headings that have an id (the PDF adds their subheadings and page numbers). */
  | { kind: 'contents'; title: string; entries: { text: string; id: string }[] };

export interface ReportDocument {
  kind: 'street' | 'neighbourhood';
  /** BCP 47 language tag of the report's words. */
  lang: string;
  /** "Straatrapport" or "Buurtrapport". */
  kindName: string;
  /** The unit: "Rozenstraat (Bloemenbuurt)". */
  title: string;
  studyName: string;
  /** Shown beside the study's name for the demo study. */
  demoBadge?: string;
  /** Commissioner, area, date made and data version, in one line. */
  meta: string;
  /** The PDF's running header. */
  runningHeader: string;
  /** "pagina {page} van {pages}". */
  pageOf: string;
  blocks: Block[];
  /** Every chart of the document, in order: rendered once for both renderers. */
  charts: ChartData[];
}

/** Every heading in document order, for a table of contents. */
export function headingsOf(blocks: readonly Block[]): Extract<Block, { kind: 'heading' }>[] {
  return blocks.flatMap((block) => (block.kind === 'heading' ? [block] : block.kind === 'group' ? headingsOf(block.blocks) : []));
}

/** Every chart in document order. */
export function chartsOf(blocks: readonly Block[]): ChartData[] {
  return blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : block.kind === 'group' ? chartsOf(block.blocks) : []));
}
