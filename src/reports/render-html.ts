/**
 * Renders a report document (document.ts) as an HTML page
 * (views/reports/report.ejs and blocks.ejs), with its charts as inline SVG:
 * printable, readable on a tablet, no JavaScript. A preview carries the
 * coordinator's publish bar; a published page its navigation.
 */
import path from 'node:path';
import ejs from 'ejs';
import type { Translate } from '../i18n/translate.js';
import type { ReportDefinitions } from '../report-definitions/load-report-definitions.js';
import type { ReportDocument } from './document.js';
import { renderChart, type RenderedChart } from './render-chart.js';
import type { ChartData } from './street-report.js';

/** Renders every chart of a document; the result is keyed by the chart data object. */
export async function renderCharts(doc: ReportDocument, definitions: ReportDefinitions): Promise<Map<ChartData, RenderedChart>> {
  const rendered = new Map<ChartData, RenderedChart>();
  for (const chart of doc.charts) {
    const spec = definitions.charts.get(chart.chart);
    if (!spec) throw new Error(`no chart spec "${chart.chart}" under reports/charts`);
    rendered.set(chart, await renderChart(spec, chart.values));
  }
  return rendered;
}

export interface PreviewLinks {
  back: string;
  pdf: string;
  publish: string;
  csrfToken: string;
}

/** The links of a published page: back to the study's reports, its PDF and its tables. */
export interface PublishedLinks {
  back: string;
  pdf: string;
  tables: string;
}

export async function renderReportHtml(
  doc: ReportDocument, charts: Map<ChartData, RenderedChart>, viewsDir: string, say: Translate, preview?: PreviewLinks,
): Promise<string> {
  const previewBar = preview && { ...preview, words: {
    label: say('document.preview.label'), text: say('document.preview.text'), back: say('document.preview.back'), pdf: say('document.preview.pdf'), publish: say('document.preview.publish'),
  } };
  return ejs.renderFile(path.join(viewsDir, 'reports', 'report.ejs'), { doc, charts, preview: previewBar }, { async: false });
}

const navigationMark = '<!-- navigation -->';

/**
 * A published page as a reader gets it: the stored file, unchanged, with the
 * navigation (back to the study's reports, the PDF, the tables) put in at its
 * mark. The navigation is not part of the report: the file keeps what was
 * published, byte for byte, and only the app's links around it are added.
 */
export async function withNavigation(html: string, links: PublishedLinks, viewsDir: string, say: Translate): Promise<string> {
  if (!html.includes(navigationMark)) return html;
  const navigation = await ejs.renderFile(path.join(viewsDir, 'reports', 'navigation.ejs'), { navigation: {
    ...links, label: say('document.navigation.label'), backText: say('document.navigation.back'),
    pdfText: say('document.navigation.pdf'), tablesText: say('document.navigation.tables'), tablesExcelText: say('document.navigation.tablesExcel'),
  } }, { async: false });
  return html.replace(navigationMark, navigation);
}
