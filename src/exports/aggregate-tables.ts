/**
 * Aggregate tables: per unit (study, neighbourhood, street) and theme, and
 * under each theme per statement, the complete figures as plain numbers for
 * readers who want to work with them, at the precision the reports print:
 * the means of now, desired and importance, the gap and the weighted gap, each
 * with its 95 % interval (t), and the three shares with their 95 % Wilson
 * interval. Each row's count is the n of its own figures; a statement answered
 * by fewer than the minimum has no row (UnitAccumulator.toFigures). Disclosure control comes with the analysis result: a suppressed unit
 * gets a row that says so and carries no figure and no count. Street units
 * that were merged into a neighbourhood's combined unit appear only as that
 * combined unit, without their names.
 */
import type { AnalysisResult, UnitResult } from '../domain/analysis/analyse-study.js';
import type { Disclosed } from '../domain/analysis/disclosure-control.js';
import type { Instrument } from '../domain/instrument.js';
import type { MeanInterval } from '../domain/analysis/mean-interval.js';
import type { GapFigures } from '../domain/analysis/unit-summary.js';
import { wilsonInterval } from '../domain/analysis/wilson-interval.js';
import { fill, type ExportWording } from './wording.js';

type Cell = string | number | null;

/** The precision reports publish: two decimals for means and gaps, whole percentages for shares (0.xx). */
const round = (value: number | undefined) => (value === undefined ? null : Math.round(value * 100) / 100);

const bounds = (interval: MeanInterval | undefined) => [round(interval?.low), round(interval?.high)];

/** One row of figures: a theme's (`statement` empty) or a statement's, columns as in `wording.tables.columns`. */
function figureRow(head: Cell[], figures: GapFigures, indicative: boolean, wording: ExportWording, statement: string): Cell[] {
  return [
    // "respondenten" is the figure's own n (who answered its questions), what a reader re-weights with.
    ...head, wording.tables.shown, figures.n, indicative ? wording.values.yes : wording.values.no, round(figures.actual.mean), round(figures.desired.mean),
    round(figures.weightedGap.mean), ...bounds(figures.weightedGap),
    round(figures.shareWantingImprovement), round(figures.shareSatisfied), round(figures.shareWantingLess),
    ...[figures.shareWantingImprovement, figures.shareSatisfied, figures.shareWantingLess].flatMap((share) => {
      // Each share is a count of the figure's respondents: its Wilson interval (wilson-interval.ts).
      const interval = wilsonInterval(Math.round(share * figures.n), figures.n);
      return [round(interval?.low), round(interval?.high)];
    }),
    ...bounds(figures.actual), ...bounds(figures.desired), round(figures.importance?.mean), ...bounds(figures.importance),
    round(figures.problemAlignedGap.mean), ...bounds(figures.problemAlignedGap), statement,
  ];
}

function unitRows(level: string, unit: string, result: Disclosed<UnitResult>, instrument: Instrument, wording: ExportWording): Cell[][] {
  if (result.kind === 'suppressed') return [[level, unit, '', wording.tables.hidden[result.reason], ...Array<null>(wording.tables.columns.length - 4).fill(null)]];
  const { dimensions, items } = result.figures.figures;
  return instrument.dimensions.flatMap((dimension) => {
    const figures = dimensions.get(dimension.id);
    if (!figures) return [];
    const head = [level, unit, dimension.name.nl];
    const statements = instrument.items.flatMap((item) => {
      const itemFigures = item.kind === 'paired' && item.dimension === dimension.id ? items.get(item.id) : undefined;
      return itemFigures && item.kind === 'paired' ? [figureRow(head, itemFigures, result.indicative, wording, item.wording.nl)] : [];
    });
    return [figureRow(head, figures, result.indicative, wording, ''), ...statements];
  });
}

/** The rows of the whole study, or of one neighbourhood and its streets, or of one street; columns as in `wording.tables.columns`. */
export function aggregateRows(result: AnalysisResult, instrument: Instrument, wording: ExportWording, scope: { neighbourhoodId?: number; streetId?: number } = {}): Cell[][] {
  const rows: Cell[][] = [];
  const { levels } = wording.tables;
  const whole = scope.neighbourhoodId === undefined && scope.streetId === undefined;
  if (whole) rows.push(...unitRows(levels.study, wording.tables.allStreets, result.study, instrument, wording));
  for (const neighbourhood of result.neighbourhoods) {
    const inScope = whole || scope.neighbourhoodId === neighbourhood.neighbourhoodId;
    if (inScope && scope.streetId === undefined) rows.push(...unitRows(levels.neighbourhood, neighbourhood.name, neighbourhood.result, instrument, wording));
    const streets = result.streets.filter((street) => street.neighbourhoodId === neighbourhood.neighbourhoodId
      && (scope.streetId === undefined ? inScope : street.streetId === scope.streetId));
    for (const street of streets.filter((candidate) => candidate.reportedAs === 'street')) rows.push(...unitRows(levels.street, street.name, street.result, instrument, wording));
    if (streets.some((street) => street.reportedAs === 'combined')) {
      const combined = result.combinedUnits.find((unit) => unit.neighbourhoodId === neighbourhood.neighbourhoodId);
      // Merged into a street with figures of its own (mergeSmallStreets), the unit is named after that street too.
      const host = combined?.host === undefined ? undefined : result.streets.find((street) => street.streetId === combined.host)?.name;
      const label = host ? fill(wording.tables.combinedWithStreet, { neighbourhood: neighbourhood.name, street: host }) : fill(wording.tables.combinedUnit, { neighbourhood: neighbourhood.name });
      if (combined) rows.push(...unitRows(levels.combined, label, combined.result, instrument, wording));
    }
  }
  return rows;
}
