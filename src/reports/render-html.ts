/**
 * Renders a report model as an HTML page (views/reports/report.ejs), with its
 * charts as inline SVG: printable, readable on a tablet, no JavaScript.
 */
import path from 'node:path';
import ejs from 'ejs';
import type { ReportDefinitions } from '../report-definitions/load-report-definitions';
import type { NeighbourhoodReportModel } from './neighbourhood-report';
import { renderChart, type RenderedChart } from './render-chart';
import type { ChartData, StreetReportModel } from './street-report';

export type ReportModel = StreetReportModel | NeighbourhoodReportModel;

/** Renders every chart of a model; the result is keyed by the chart data object. */
export async function renderCharts(model: ReportModel, definitions: ReportDefinitions): Promise<Map<ChartData, RenderedChart>> {
  const rendered = new Map<ChartData, RenderedChart>();
  for (const chart of model.charts) {
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

export async function renderReportHtml(
  model: ReportModel, charts: Map<ChartData, RenderedChart>, viewsDir: string, preview?: PreviewLinks,
): Promise<string> {
  return ejs.renderFile(path.join(viewsDir, 'reports', 'report.ejs'), { model, charts, preview }, { async: false });
}
