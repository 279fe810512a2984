/**
 * Charts a reader can read when the report is printed in black and white and
 * by readers with a colour-vision deficiency: the colours that tell a chart's
 * categories apart differ clearly in lightness (CIE L*, computed here from the
 * sRGB formula, not by the code under test), and each has at least 3:1
 * contrast against the white page (WCAG 2.1, 1.4.11). A category the spec does
 * not know is refused instead of being drawn without colour.
 */
import { describe, expect, it } from 'vitest';
import { ChartDataError, renderChart } from '../../../src/reports/render-chart';
import { reportLanguages } from '../../helpers/test-app';

const channel = (hex: string, offset: number) => {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
};
/** Relative luminance (WCAG 2.1). */
const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);
/** CIE lightness L*, 0 (black) to 100 (white): what is left of a colour on a black-and-white print. */
const lightness = (hex: string) => {
  const y = luminance(hex);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};

/** Every fixed list of category colours in a spec. */
function colourRanges(node: unknown, found: string[][] = []): string[][] {
  if (Array.isArray(node)) node.forEach((item) => colourRanges(item, found));
  else if (node && typeof node === 'object') {
    const range = (node as { range?: unknown }).range;
    if (Array.isArray(range) && range.every((item) => typeof item === 'string' && /^#[0-9a-f]{6}$/i.test(item))) found.push(range as string[]);
    Object.values(node).forEach((value) => colourRanges(value, found));
  }
  return found;
}

describe('chart colours', () => {
  it('checks its own formulas against known values', () => {
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
    expect(lightness('#777777')).toBeCloseTo(50.03, 1);
    expect(lightness('#000000')).toBe(0);
  });

  const specs = [...reportLanguages.nl.charts];
  it.each(specs.map(([name, spec]) => [name, spec] as const))('%s: categories differ by at least 20 in lightness, each 3:1 against white', (_name, spec) => {
    for (const range of colourRanges(spec)) {
      for (const colour of range) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(3);
      for (const [index, colour] of range.entries()) {
        for (const other of range.slice(index + 1)) expect(Math.abs(lightness(colour) - lightness(other)), `${colour} against ${other}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('has a colour range in every chart that tells categories apart by colour', () => {
    const withRange = specs.filter(([, spec]) => colourRanges(spec).length > 0).map(([name]) => name).sort();
    expect(withRange).toEqual(['actual-desired', 'street-ladder', 'street-vs-neighbourhood', 'weighted-gaps']);
  });

  it('refuses a category the spec does not know, in either language', async () => {
    for (const language of ['nl', 'en'] as const) {
      const spec = reportLanguages[language].charts.get('weighted-gaps')!;
      const other = language === 'nl' ? 'starting point' : 'aangrijpingspunt';
      await expect(renderChart(spec, [{ dimension: 'Thema', weightedGap: 0.3, low: 0.2, high: 0.4, startingPoint: other }])).rejects.toBeInstanceOf(ChartDataError);
      const known = reportLanguages[language].say('charts.startingPoint');
      const { svg } = await renderChart(spec, [{ dimension: 'Thema', weightedGap: 0.3, low: 0.2, high: 0.4, startingPoint: known }]);
      expect(svg).toMatch(/<g class="mark-rect role-mark[^"]*"><path [^>]*fill="#8a3320"/);
    }
  });
});
