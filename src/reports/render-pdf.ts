/**
 * Renders a report document (document.ts) as a tagged PDF (pdf-writer.ts):
 * the same blocks, words and chart SVGs as the HTML page, the study and date
 * in every page header, and for the neighbourhood report a table of contents
 * whose entries link to their sections.
 */
import type { Block, ReportDocument } from './document.js';
import { headingsOf } from './document.js';
import { PdfWriter } from './pdf-writer.js';
import type { RenderedChart } from './render-chart.js';
import type { ChartData } from './street-report.js';

type Charts = Map<ChartData, RenderedChart>;

/** Whether a heading is listed in the table of contents (and the bookmarks). */
const inContents = (heading: Extract<Block, { kind: 'heading' }>) => heading.inContents ?? heading.level <= 3;

function draw(writer: PdfWriter, blocks: readonly Block[], charts: Charts): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        writer.heading(block.level, block.text, { inContents: inContents(block), ...(block.newPage ? { newPage: true } : {}) });
        break;
      case 'paragraph':
        if (block.style === 'note' || block.style === 'suppressed' || block.style === 'tags') writer.note(block.text);
        else writer.paragraph(block.text, block.lead ? { lead: block.lead } : {});
        break;
      case 'list':
        writer.list(block.items, block.ordered);
        break;
      case 'table':
        writer.table(block.header, block.rows.map((row) => (row.badge ? [`${row.cells[0]} (${row.badge})`, ...row.cells.slice(1)] : row.cells)), block.widths, block.caption);
        break;
      case 'details':
        writer.table([], block.items.map((item) => [item.term, item.value]), [0.2, 0.8]);
        break;
      case 'chart': {
        const rendered = charts.get(block.chart);
        if (rendered) writer.chart(rendered.svg, block.chart.alt, rendered.description);
        break;
      }
      case 'group':
        writer.group(block.role === 'method' || block.role === 'recommendation' ? 'Div' : 'Sect', () => draw(writer, block.blocks, charts));
        break;
      case 'contents':
        writer.reserveContents(block.title, headingsOf(blocks).filter(inContents).length);
        break;
    }
  }
}

export async function renderReportPdf(doc: ReportDocument, charts: Charts): Promise<Buffer> {
  const writer = new PdfWriter({ title: `${doc.kindName} ${doc.title}`, subject: doc.studyName, lang: doc.lang });
  writer.title(`${doc.kindName}: ${doc.title}`);
  writer.paragraph(`${doc.studyName}${doc.demoBadge ? ` (${doc.demoBadge})` : ''}`);
  writer.note(doc.meta);
  draw(writer, doc.blocks, charts);
  return writer.finish(doc.runningHeader, (page, pages) => doc.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)));
}
