/**
 * Renders a chart: a vega-lite spec from reports/charts, filled with the
 * report's values, compiled by vega-lite and rendered to SVG by vega on the
 * server (no JavaScript in the reader's browser). The same SVG goes into the
 * HTML page and the PDF. Numbers use the Dutch format (decimal comma) and
 * vega's minus sign U+2212; the font is DejaVu Sans, which the PDF embeds.
 */
import { formatLocale, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export const chartFont = 'DejaVu Sans';

// Dutch number format for every chart; d3-format writes negatives with U+2212.
formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''], minus: '\u2212' });

export interface RenderedChart {
  svg: string;
  /** The chart's description from its spec, for the text alternative's heading. */
  description: string;
}

export async function renderChart(spec: TopLevelSpec, values: readonly object[]): Promise<RenderedChart> {
  const filled = {
    ...spec,
    data: { values: values as object[] },
    config: { font: chartFont, background: 'white', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 }, legend: { labelFontSize: 11 } },
  } as TopLevelSpec;
  const view = new View(parse(compile(filled).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { svg, description: spec.description ?? '' };
  } finally {
    view.finalize();
  }
}
