/**
 * How figures are written in a report (Dutch): decimal comma, the true minus
 * sign U+2212 (as in the charts), a plus sign on gaps so that "wants more" and
 * "wants less" are never confused, percentages without decimals, and "< 5"
 * for counts and shares that rest on fewer than five residents.
 */
import type { Translate } from '../i18n/translate.js';
import { smallCountBelow } from '../domain/analysis/disclosure-control.js';
import type { FigureFormatter } from '../domain/recommendations/recommend.js';
import { wilsonInterval } from '../domain/analysis/wilson-interval.js';

export const minus = '\u2212';

/**
 * A figure at the precision a report publishes (two decimals for means, gaps and
 * shares), for everything a reader gets besides the printed text: chart data (and
 * so the geometry of the SVG), indexes. A bar drawn from the unrounded mean would
 * give away more decimals than the table beside it (instruments.md, "Published
 * precision").
 */
export function atPublishedPrecision(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatNumber(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals).replace('.', ',');
  const negative = value < 0 && Number(fixed.replace(',', '.')) !== 0;
  return `${negative ? minus : ''}${fixed}`;
}

/** A gap with its sign: +0,23 or −0,12 (0,00 without a sign). */
export function formatGap(value: number, decimals = 2): string {
  const text = formatNumber(value, decimals);
  return value > 0 && Number(text.replace(',', '.')) !== 0 ? `+${text}` : text;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A 95% interval in words ("−0,12 tot +0,31"), or a dash when there is none. */
export function formatInterval(
  low: number | undefined, high: number | undefined, say: Translate, format: (value: number) => string = formatGap,
): string {
  return low === undefined || high === undefined ? '–' : say('figures.interval', { low: format(low), high: format(high) });
}

/** The interval of a mean answer ("2,95–3,47"); answers are positive, so a dash reads as "to". A dash alone when there is none. */
export function meanInterval(figure: { low?: number | undefined; high?: number | undefined }, say: Translate): string {
  return figure.low === undefined || figure.high === undefined ? '–' : say('figures.meanInterval', { low: formatNumber(figure.low), high: formatNumber(figure.high) });
}

/** "1,43 (1,30–1,56)": a mean answer with its interval. */
export function meanWithInterval(figure: { mean: number; low?: number | undefined; high?: number | undefined }, say: Translate): string {
  const interval = meanInterval(figure, say);
  return interval === '–' ? formatNumber(figure.mean) : say('figures.valueWithInterval', { value: formatNumber(figure.mean), interval });
}

/** "+0,19 (+0,07 tot +0,31)": a gap with its interval. */
export function gapWithInterval(figure: { mean: number; low?: number | undefined; high?: number | undefined }, say: Translate): string {
  return say('figures.valueWithInterval', { value: formatGap(figure.mean), interval: formatInterval(figure.low, figure.high, say) });
}

/** A share's 95% Wilson interval in whole percentages ("31–55%"), from its count of n (wilson-interval.ts); a dash without one. */
export function shareIntervalOf(count: number, n: number, say: Translate): string {
  const interval = wilsonInterval(count, n);
  return interval ? say('figures.shareInterval', { low: Math.round(interval.low * 100), high: Math.round(interval.high * 100) }) : '–';
}

/** "40% (20–63%)": an opinion share of the figure's n with its Wilson interval (a figure's n is at least the minimum). */
export function shareWithInterval(count: number, n: number, say: Translate): string {
  const interval = shareIntervalOf(count, n, say);
  const share = formatPercent(count / n);
  return interval === '–' ? share : say('figures.valueWithInterval', { value: share, interval });
}

/** A share that rests on fewer than five residents is written as such, never as a percentage. */
export function formatShare(count: number, total: number): string {
  if (count > 0 && count < smallCountBelow) return `< ${smallCountBelow}`;
  return total > 0 ? formatPercent(count / total) : '–';
}

/**
 * Fills a rule's rationale with figures; a share that rests on fewer than five
 * residents is said in words, not as a number, and a concealed one (a count the
 * profile hides) only as "a part". `names` gives a theme's name
 * for {measure|name}.
 */
export function figureFormatter(say: Translate, names: ReadonlyMap<string, string> = new Map()): FigureFormatter {
  return (figure, style) => {
    if (style === 'name') return (names.get(figure.label ?? '') ?? figure.label ?? '').toLowerCase();
    if (figure.count !== undefined && figure.count > 0 && figure.count < smallCountBelow) return say('figures.fewerThan', { n: smallCountBelow });
    if (figure.concealed) return say('figures.concealed');
    switch (style) {
      case 'count': return String(Math.round(figure.value));
      case 'percent': return formatPercent(figure.value);
      case 'gap': return formatGap(figure.value);
      case 'rungs': return say('figures.rungs', { gap: formatGap(figure.value, 1) });
      case 'number': return formatNumber(figure.value);
    }
  };
}
