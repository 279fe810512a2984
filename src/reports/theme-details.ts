/**
 * The details under a theme of the neighbourhood report: per statement the
 * figures the theme's are made of (n, now, desired, importance, weighted gap,
 * each mean with its 95% interval), and per statement the three shares (wants
 * more, content, wants less, in the statement's own direction as in the theme
 * table) with their 95% Wilson intervals,
 * and for the own contribution, per activity, the share of residents who do it
 * now ("sometimes" or "regularly") and the share willing to, each with its 95%
 * Wilson interval (instruments.md, "Complete figures"). A statement or a part
 * answered by fewer than the minimum has no figures (the analysis leaves them
 * out); a share that rests on fewer than five residents is "< 5", without an
 * interval, which would give the count back.
 */
import type { UnitResult } from '../domain/analysis/analyse-study.js';
import { smallCountBelow } from '../domain/analysis/disclosure-control.js';
import { wilsonInterval } from '../domain/analysis/wilson-interval.js';
import type { Instrument, Language } from '../domain/instrument.js';
import type { Translate } from '../i18n/translate.js';
import { formatShare, gapWithInterval, meanWithInterval, shareWithInterval } from './format.js';

/** A table's words and cells, for the document to lay out. */
export interface DetailTable {
  caption: string;
  header: string[];
  rows: string[][];
  /** The columns' shares of the page width. */
  widths: number[];
}

/** The statements of one theme in a unit, with their figures; undefined when none has figures. */
export function statementTable(unit: UnitResult, dimensionId: string, themeName: string, instrument: Instrument, language: Language, say: Translate): DetailTable | undefined {
  const rows = instrument.items.flatMap((item) => {
    const figures = item.kind === 'paired' && item.dimension === dimensionId ? unit.figures.items.get(item.id) : undefined;
    if (!figures || item.kind !== 'paired') return [];
    return [[
      item.wording[language], String(figures.n), meanWithInterval(figures.actual, say), meanWithInterval(figures.desired, say),
      figures.importance ? meanWithInterval(figures.importance, say) : '–',
      gapWithInterval(figures.weightedGap, say),
    ]];
  });
  if (rows.length === 0) return undefined;
  const words = (key: string) => say(`document.statementTable.${key}`);
  return {
    caption: say('document.statementTable.caption', { theme: themeName }),
    header: [words('statement'), words('n'), words('actual'), words('desired'), words('importance'), words('weightedGap')],
    rows,
    widths: [0.3, 0.06, 0.15, 0.15, 0.15, 0.19],
  };
}

/**
 * The statements of one theme with the shares of their respondents who want
 * more, are content, want less. On a statement of negative contacts (polarity
 * −1) improvement is wanting less, so "wants more" holds those who want more
 * of the nuisance, as the theme table does. Each share is a count of the
 * statement's own n.
 */
export function statementShareTable(unit: UnitResult, dimensionId: string, themeName: string, instrument: Instrument, language: Language, say: Translate): DetailTable | undefined {
  const rows = instrument.items.flatMap((item) => {
    const figures = item.kind === 'paired' && item.dimension === dimensionId ? unit.figures.items.get(item.id) : undefined;
    if (!figures || item.kind !== 'paired') return [];
    const count = (share: number) => Math.round(share * figures.n);
    const improvement = count(figures.shareWantingImprovement);
    const opposite = count(figures.shareWantingLess);
    const [more, less] = item.polarity === -1 ? [opposite, improvement] : [improvement, opposite];
    return [[item.wording[language], String(figures.n), shareWithInterval(more, figures.n, say), shareWithInterval(count(figures.shareSatisfied), figures.n, say), shareWithInterval(less, figures.n, say)]];
  });
  if (rows.length === 0) return undefined;
  const words = (key: string) => say(`document.statementShareTable.${key}`);
  return {
    caption: say('document.statementShareTable.caption', { theme: themeName }),
    header: [words('statement'), words('n'), words('wantingMore'), words('satisfied'), words('wantingLess')],
    rows,
    widths: [0.37, 0.06, 0.19, 0.19, 0.19],
  };
}

/** "42% (30–55%)": an activity share with its Wilson interval, or "< 5" alone (it counts residents, as the profile does). */
function contributionShare(yes: number, answered: number, say: Translate): string {
  const share = formatShare(yes, answered);
  if (yes > 0 && yes < smallCountBelow) return share;
  const interval = wilsonInterval(yes, answered);
  return interval ? say('document.contributionTable.share', { share, low: Math.round(interval.low * 100), high: Math.round(interval.high * 100) }) : share;
}

/** The own contribution per activity; undefined where fewer than the minimum answered it (the profile has none). */
export function contributionTable(unit: UnitResult, instrument: Instrument, minimum: number, language: Language, say: Translate): DetailTable | undefined {
  const contribution = unit.profile?.contribution;
  if (!contribution) return undefined;
  const rows = contribution.items.flatMap((counts) => {
    const item = instrument.items.find((candidate) => candidate.id === counts.id);
    const part = (answers: { answered: number; yes: number }) => (answers.answered >= minimum
      ? [String(answers.answered), contributionShare(answers.yes, answers.answered, say)] : ['–', '–']);
    if (!item || (counts.now.answered < minimum && counts.willing.answered < minimum)) return [];
    return [[item.wording[language], ...part(counts.now), ...part(counts.willing)]];
  });
  if (rows.length === 0) return undefined;
  const words = (key: string) => say(`document.contributionTable.${key}`);
  return {
    caption: words('caption'),
    header: [words('activity'), words('n'), words('doesNow'), words('n'), words('willing')],
    rows,
    widths: [0.4, 0.08, 0.22, 0.08, 0.22],
  };
}
