/**
 * The part every report repeats for a unit (a street, a neighbourhood, the
 * study): its figures per theme, its starting points and its recommendations,
 * written out as the report prints them. Built only from what the analysis
 * disclosed: a suppressed unit becomes a section with a reason and nothing
 * else, so no renderer can print a hidden figure.
 */
import type { UnitResult } from '../domain/analysis/analyse-study.js';
import type { Disclosed } from '../domain/analysis/disclosure-control.js';
import type { StreetLadderSummary } from '../domain/analysis/street-ladder.js';
import type { Instrument, Language } from '../domain/instrument.js';
import type { Method } from '../domain/recommendations/catalogue.js';
import { diagnose, type DiagnosisContext } from '../domain/recommendations/diagnosis.js';
import { recommend } from '../domain/recommendations/recommend.js';
import type { Translate } from '../i18n/translate.js';
import type { ReportDefinitions } from '../report-definitions/load-report-definitions.js';
import { wrapLabel } from './chart-labels.js';
import { atPublishedPrecision, figureFormatter, formatGap, formatInterval, formatNumber, formatPercent, gapWithInterval, meanInterval, shareIntervalOf } from './format.js';

export interface DimensionRow {
  id: string;
  name: string;
  n: number;
  actual: string;
  desired: string;
  importance: string;
  weightedGap: string;
  interval: string;
  /** The share that wants improvement, whatever the theme's direction (for the starting-point sentences). */
  wantingImprovement: string;
  /**
   * The shares in the theme's own direction: on a theme of negative contacts
   * (polarity −1) improvement is wanting less, so "wants less" holds the share
   * wanting improvement and "wants more" those who want more of it.
   */
  wantingMore: string;
  satisfied: string;
  wantingLess: string;
  startingPoint: boolean;
  /**
   * The 95% intervals of the row's figures, in words: of the means by the t
   * distribution (mean-interval.ts), of the three shares by Wilson's method on
   * the theme's own n (wilson-interval.ts), and the unweighted gap (the
   * normalised gap in the theme's direction) with its interval, which the
   * row itself does not print.
   */
  intervals: { actual: string; desired: string; importance: string; gap: string; wantingMore: string; satisfied: string; wantingLess: string };
  /** As numbers at the published precision, for the charts and the index. */
  values: { actual: number; desired: number; weightedGap: number; low?: number; high?: number };
}

export interface RecommendationView {
  ruleId: string;
  rationale: string;
  confidence: 'high' | 'low';
  scope: 'collective' | 'referral';
  methods: Method[];
}

export type UnitSection =
  | { kind: 'suppressed'; reason: string }
  | {
    kind: 'shown';
    n: number;
    indicative: boolean;
    /** "24 respondenten." with the indicative warning where it applies. */
    summary: string;
    dimensions: DimensionRow[];
    /** Themes asked but answered by fewer than the minimum: named, without figures. */
    themesNotShown: string[];
    /** What the unit's own Cronbach's alpha says of its shown themes, where it calls for care (below .70) or cannot be told. */
    reliabilityNotes: string[];
    startingPoints: { name: string; weightedGap: string; wantingImprovement: string; text: string }[];
    /** What the report says where the unit has no starting point; absent where it has one. */
    noNeed?: { lead: string; text: string; ruleId: string };
    recommendations: RecommendationView[];
  };

/** A theme's direction: −1 when its items are negative contacts (more of it is worse). */
export function dimensionPolarity(instrument: Instrument, dimensionId: string): 1 | -1 {
  const item = instrument.items.find((candidate) => candidate.kind === 'paired' && candidate.dimension === dimensionId);
  return item?.kind === 'paired' ? item.polarity : 1;
}

export function dimensionNames(instrument: Instrument, language: Language): Map<string, string> {
  return new Map(instrument.dimensions.map((dimension) => [dimension.id, dimension.name[language]]));
}

export function unitSection(
  result: Disclosed<UnitResult>, instrument: Instrument, definitions: ReportDefinitions, ladder?: StreetLadderSummary, context: DiagnosisContext = {},
): UnitSection {
  const { say } = definitions;
  if (result.kind === 'suppressed') return { kind: 'suppressed', reason: say(`unit.hidden.${result.reason}`) };
  const names = dimensionNames(instrument, definitions.locale);
  const { figures, startingPoints } = result.figures;
  const starting = new Set(startingPoints.kind === 'starting-points' ? startingPoints.ranked.map((point) => point.dimension) : []);
  const dimensions = instrument.dimensions.flatMap((dimension): DimensionRow[] => {
    const gap = figures.dimensions.get(dimension.id);
    if (!gap) return [];
    const improvement = formatPercent(gap.shareWantingImprovement);
    const opposite = formatPercent(gap.shareWantingLess);
    const negative = dimensionPolarity(instrument, dimension.id) === -1;
    return [{
      id: dimension.id, name: dimension.name[definitions.locale], n: gap.n,
      actual: formatNumber(gap.actual.mean), desired: formatNumber(gap.desired.mean),
      importance: gap.importance ? formatNumber(gap.importance.mean) : '–',
      weightedGap: formatGap(gap.weightedGap.mean), interval: formatInterval(gap.weightedGap.low, gap.weightedGap.high, say),
      wantingImprovement: improvement, satisfied: formatPercent(gap.shareSatisfied),
      wantingMore: negative ? opposite : improvement, wantingLess: negative ? improvement : opposite,
      startingPoint: starting.has(dimension.id),
      intervals: {
        actual: meanInterval(gap.actual, say),
        desired: meanInterval(gap.desired, say),
        importance: gap.importance ? meanInterval(gap.importance, say) : '–',
        gap: gapWithInterval(gap.problemAlignedGap, say),
        // Each share is a count of the theme's n respondents.
        wantingMore: shareIntervalOf(Math.round((negative ? gap.shareWantingLess : gap.shareWantingImprovement) * gap.n), gap.n, say),
        satisfied: shareIntervalOf(Math.round(gap.shareSatisfied * gap.n), gap.n, say),
        wantingLess: shareIntervalOf(Math.round((negative ? gap.shareWantingImprovement : gap.shareWantingLess) * gap.n), gap.n, say),
      },
      values: {
        actual: atPublishedPrecision(gap.actual.mean), desired: atPublishedPrecision(gap.desired.mean), weightedGap: atPublishedPrecision(gap.weightedGap.mean),
        ...(gap.weightedGap.low === undefined ? {} : { low: atPublishedPrecision(gap.weightedGap.low) }),
        ...(gap.weightedGap.high === undefined ? {} : { high: atPublishedPrecision(gap.weightedGap.high) }),
      },
    }];
  });
  const diagnosis = diagnose(result.figures, result.n, instrument, ladder, context);
  const recommendations = recommend(diagnosis, definitions.rules, definitions.catalogue, figureFormatter(say, names))
    .map(({ ruleId, rationale, confidence, scope, methods }) => ({ ruleId, rationale, confidence, scope, methods }));
  const askedThemes = new Set(instrument.items.flatMap((item) => (item.kind === 'paired' ? [item.dimension] : [])));
  const themesNotShown = instrument.dimensions.filter((dimension) => askedThemes.has(dimension.id) && !figures.dimensions.has(dimension.id)).map((dimension) => dimension.name[definitions.locale]);
  return {
    kind: 'shown', n: result.n, indicative: result.indicative, dimensions, themesNotShown, reliabilityNotes: reliabilityNotes(result.figures, dimensions, instrument, say),
    summary: `${say('unit.respondents', { n: result.n })}${result.indicative ? say('unit.indicative') : ''}`,
    startingPoints: startingPoints.kind === 'starting-points' ? startingPoints.ranked.map((point) => {
      const name = names.get(point.dimension) ?? point.dimension;
      const weightedGap = formatGap(point.weightedGap);
      const wantingImprovement = formatPercent(point.shareWantingImprovement);
      return { name, weightedGap, wantingImprovement, text: say('unit.startingPoint', { name, gap: weightedGap, share: wantingImprovement }) };
    }) : [],
    // Without a starting point the report says why in one statement: the first no-need rule that holds (reports/rules.json).
    ...(startingPoints.kind === 'no-need' ? { noNeed: { lead: say('unit.noNeedLead'), text: recommendations[0]?.rationale ?? '', ruleId: recommendations[0]?.ruleId ?? '' } } : {}),
    recommendations,
  };
}

/**
 * The unit's own alpha per shown theme (actual answers; reliability.ts), in
 * words: flagged below the instrument's lower threshold, indicative below the
 * higher one, and said where too few answered every question of the theme.
 * A theme with good alpha gets no note.
 */
function reliabilityNotes(result: UnitResult, dimensions: readonly DimensionRow[], instrument: Instrument, say: Translate): string[] {
  const thresholds = instrument.thresholds;
  if (!result.reliability || !thresholds) return [];
  const byTheme = new Map(result.reliability.map((entry) => [entry.dimension, entry.actual]));
  const named = (flag: 'flagged' | 'indicative' | 'unknown') => dimensions.flatMap((row) => {
    const alpha = byTheme.get(row.id);
    // Too few items, or no variance at all, says nothing about this street's answers.
    if (!alpha || (alpha.kind === 'not-computable' && alpha.reason !== 'too-few-respondents')) return [];
    const kind = alpha.kind === 'value' ? alpha.flag : 'unknown';
    // A negative alpha (answers that run against each other, or nearly all alike) is said in words: "α −1,29" means nothing to a reader.
    const value = alpha.kind === 'value' ? (alpha.alpha < 0 ? say('unit.alphaNegative') : `α ${formatNumber(alpha.alpha)}`) : undefined;
    return kind === flag ? [value ? `${row.name} (${value})` : row.name] : [];
  });
  const flagged = named('flagged');
  const indicative = named('indicative');
  const unknown = named('unknown');
  return [
    ...(flagged.length > 0 ? [say('unit.alphaFlagged', { list: flagged.join(', '), threshold: formatNumber(thresholds.alphaFlagBelow) })] : []),
    ...(indicative.length > 0 ? [say('unit.alphaIndicative', { list: indicative.join(', '), threshold: formatNumber(thresholds.alphaIndicativeBelow) })] : []),
    ...(unknown.length > 0 ? [say('unit.alphaUnknown', { list: unknown.join(', ') })] : []),
  ];
}

/** Theme names longer than this are broken over lines in the charts. */
export const chartLabelWidth = 22;

/** Values for the weighted-gaps chart, and its text alternative. The category values match the chart spec's domain. */
export function weightedGapChart(section: Extract<UnitSection, { kind: 'shown' }>, say: Translate) {
  return {
    chart: 'weighted-gaps',
    values: section.dimensions.map((row) => ({
      dimension: wrapLabel(row.name, chartLabelWidth), weightedGap: row.values.weightedGap, low: row.values.low ?? row.values.weightedGap, high: row.values.high ?? row.values.weightedGap,
      startingPoint: say(row.startingPoint ? 'charts.startingPoint' : 'charts.noStartingPoint'),
    })),
    // The alternative says what the colours say: which themes are starting points.
    alt: say('unit.weightedGapAlt', { list: section.dimensions.map((row) => say(row.startingPoint ? 'unit.weightedGapAltStartingPoint' : 'unit.weightedGapAltItem', {
      name: row.name, gap: row.weightedGap, interval: row.interval,
    })).join('; ') }),
  };
}

export function actualDesiredChart(section: Extract<UnitSection, { kind: 'shown' }>, say: Translate) {
  return {
    chart: 'actual-desired',
    values: section.dimensions.flatMap((row, order) => [
      { dimension: wrapLabel(row.name, chartLabelWidth), order, kind: say('charts.now'), mean: row.values.actual },
      { dimension: wrapLabel(row.name, chartLabelWidth), order, kind: say('charts.desired'), mean: row.values.desired },
    ]),
    alt: say('unit.actualDesiredAlt', { list: section.dimensions.map((row) => say('unit.actualDesiredItem', { name: row.name, actual: row.actual, desired: row.desired })).join('; ') }),
  };
}
