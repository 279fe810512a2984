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

export class ChartDataError extends Error {
  constructor(readonly field: string, readonly value: unknown) {
    super(`chart value "${String(value)}" of field "${field}" is not in the spec's scale domain`);
    this.name = 'ChartDataError';
  }
}

/** Every field whose scale has a fixed list of categories (a colour legend, say), with those categories. */
function fixedDomains(node: unknown, found: Map<string, unknown[]> = new Map()): Map<string, unknown[]> {
  if (Array.isArray(node)) node.forEach((item) => fixedDomains(item, found));
  else if (node && typeof node === 'object') {
    const channel = node as { field?: unknown; scale?: { domain?: unknown } };
    if (typeof channel.field === 'string' && Array.isArray(channel.scale?.domain) && channel.scale.domain.every((item) => typeof item === 'string')) {
      found.set(channel.field, channel.scale.domain);
    }
    Object.values(node).forEach((value) => fixedDomains(value, found));
  }
  return found;
}

/**
 * A value outside a fixed domain would be drawn without a colour, that is not
 * at all (a bar of the other language's category vanishes); it stops the
 * report instead.
 */
function checkDomains(spec: TopLevelSpec, values: readonly object[]): void {
  for (const [field, domain] of fixedDomains(spec)) {
    const outside = values.find((value) => field in value && !domain.includes((value as Record<string, unknown>)[field]));
    if (outside) throw new ChartDataError(field, (outside as Record<string, unknown>)[field]);
  }
}

export async function renderChart(spec: TopLevelSpec, values: readonly object[]): Promise<RenderedChart> {
  checkDomains(spec, values);
  const filled = {
    ...spec,
    data: { values: values as object[] },
    // Labels are never cut (labelLimit 0): long ones come in already wrapped (chart-labels.ts).
    config: { aria: false, font: chartFont, background: 'white', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0 }, legend: { labelFontSize: 11, labelLimit: 0 } },
  } as TopLevelSpec;
  const view = new View(parse(compile(filled).spec), { renderer: 'none' });
  try {
    // No ARIA inside the SVG (vega marks its groups and symbols): the page gives each chart one
    // text alternative on its role="img" wrapper, and the SVG itself is hidden from assistive technology.
    const svg = (await view.toSVG()).replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '').replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
    return { svg, description: spec.description ?? '' };
  } finally {
    view.finalize();
  }
}
