/**
 * The street report's model (product.md, workflow step 7;
 * recommendations.md, "In the report"): response; the contactladder profile
 * per theme; the straatladder; the street beside its neighbourhood; its
 * street type; ranked starting points and recommended methods, or a plain
 * statement that there is no need; for a follow-up wave, the change since the
 * earlier wave and the interventions in between. One model feeds the HTML
 * page, the charts and the PDF.
 */
import type { StreetLadderSummary } from '../domain/analysis/street-ladder.js';
import { hasStreetTypes, typeCharacter } from '../domain/analysis/street-types.js';
import { smallCountBelow } from '../domain/analysis/disclosure-control.js';
import type { ResponseFigures } from '../domain/response-figures.js';
import { formatCalendarDate } from '../i18n/dates.js';
import { atPublishedPrecision, formatGap, formatInterval, formatNumber, formatPercent, formatShare } from './format.js';
import { wrapLabel } from './chart-labels.js';
import { actualDesiredChart, chartLabelWidth, dimensionNames, unitSection, weightedGapChart, type UnitSection } from './unit-section.js';
import type { Translate } from '../i18n/translate.js';
import { surroundingsIndex, type IndexCell } from './surroundings-index.js';
import type { ReportContext, ReportHeader } from './report-context.js';

export interface ChartData {
  chart: string;
  values: object[];
  alt: string;
}

export interface ResponseView {
  addresses: number;
  ineligible: number;
  eligible: number;
  /** As printed: a count, or that it is not shown. */
  completed: string;
  refused: string;
  notReached: string;
  responseRate: string;
  sentence: string;
}

export interface LadderView {
  n: number;
  medianCurrent: string;
  medianDesired: string;
  gap: string;
  gapInterval: string;
  shareWantingHigher: string;
  checklist?: { n: number; medianHighestApplying: string; shareNotCumulative: string };
  sentence: string;
}

export interface StreetReportModel {
  kind: 'street';
  title: string;
  header: ReportHeader;
  street: { id: number; name: string; neighbourhood: string; combined: boolean };
  response?: ResponseView;
  /** The response in a sentence, or that the address data are gone. */
  responseSentence: string;
  section: UnitSection;
  /** For a street without figures of its own: whose figures its section shows, and why. */
  sharedFigures?: string;
  ladder?: { kind: 'shown'; view: LadderView } | { kind: 'suppressed'; reason: string };
  comparison?: { rows: { name: string; street: string; neighbourhood: string }[]; sentence: string };
  /** Each theme of the street as an index against its neighbourhood and the study (study = 100), where those are shown. */
  surroundings?: { rows: { name: string; weightedGap: string; neighbourhood?: IndexCell; study?: IndexCell }[]; againstNeighbourhood: boolean; againstStudy: boolean };
  streetType?: { number: number; streets: number; character: string; sentence: string };
  waves?: {
    previous: string;
    rows: { name: string; previous: string; current: string; change: string; interval: string; clear: boolean }[];
    currentRung?: string;
    interventions: { date: string; what: string; note: string }[];
    interventionsSentence: string;
  };
  charts: ChartData[];
}

export type { ReportHeader } from './report-context.js';

/**
 * The response in figures and in a sentence. For a street whose figures are
 * not shown (`hidden`), the counts of interviews, refusals and not reached and
 * the rate are not printed either: with the shown streets' counts they would
 * give the exact number of respondents a hidden street has (instruments.md,
 * disclosure control). Its addresses are no one's answers and stay.
 */
export function responseView(figures: ResponseFigures | undefined, say: Translate, hidden: false | 'hidden' | 'in-combined' = false): ResponseView | undefined {
  if (!figures) return undefined;
  if (hidden) {
    const notShown = say('street.notShown');
    // Why: the street's figures are hidden, or they are shown only together with other streets'.
    return {
      addresses: figures.addresses, ineligible: figures.ineligible, eligible: figures.eligible, completed: notShown, refused: notShown, notReached: notShown, responseRate: '–',
      sentence: say(hidden === 'hidden' ? 'street.responseHidden' : 'street.responseInCombined', { addresses: figures.addresses, ineligible: figures.ineligible, eligible: figures.eligible }),
    };
  }
  const responseRate = figures.responseRate === undefined ? '–' : formatPercent(figures.responseRate);
  return {
    addresses: figures.addresses, ineligible: figures.ineligible, eligible: figures.eligible, completed: String(figures.completed),
    refused: String(figures.refused), notReached: String(figures.notReached), responseRate,
    sentence: say('street.response', {
      addresses: figures.addresses, ineligible: figures.ineligible, eligible: figures.eligible, completed: figures.completed,
      refused: figures.refused, notReached: figures.notReached, rate: responseRate,
    }),
  };
}

/**
 * The straatladder in figures and a sentence. The checklist has its own n (who filled it in): it is printed
 * with that n, and only from the minimum on; a share of fewer than five residents is "< 5".
 */
export function ladderView(summary: StreetLadderSummary, say: Translate, minimum: number): LadderView {
  const share = (value: number, n: number) => formatShare(Math.round(value * n), n);
  const checklistShown = summary.checklist && summary.checklist.n >= minimum ? summary.checklist : undefined;
  const view = {
    n: summary.n,
    medianCurrent: summary.medianCurrent === undefined ? '–' : formatNumber(summary.medianCurrent, 1),
    medianDesired: summary.medianDesired === undefined ? '–' : formatNumber(summary.medianDesired, 1),
    gap: summary.gap ? say('street.rungs', { gap: formatGap(summary.gap.mean, 1) }) : '–',
    gapInterval: summary.gap ? formatInterval(summary.gap.low, summary.gap.high, say, (value) => formatGap(value, 1)) : '–',
    shareWantingHigher: summary.shareWantingHigher === undefined ? '–' : share(summary.shareWantingHigher, summary.gap?.n ?? summary.n),
    ...(checklistShown ? { checklist: {
      n: checklistShown.n, medianHighestApplying: formatNumber(checklistShown.medianHighestApplying, 1), shareNotCumulative: share(checklistShown.shareNotCumulative, checklistShown.n),
    } } : {}),
  };
  const checklist = view.checklist
    ? say('street.ladderChecklist', { n: view.checklist.n, median: view.checklist.medianHighestApplying, share: view.checklist.shareNotCumulative }) : '';
  return {
    ...view,
    sentence: say('street.ladder', {
      n: view.n, current: view.medianCurrent, desired: view.medianDesired, gap: view.gap, interval: view.gapInterval, share: view.shareWantingHigher, checklist,
    }),
  };
}

/** Rung shares for the chart; a rung chosen by fewer than five residents is left out. */
export function ladderChart(summary: StreetLadderSummary, say: Translate): ChartData {
  const bars = (distribution: number[], kind: string) => distribution.flatMap((count, index) =>
    (count >= smallCountBelow ? [{ rung: index + 1, kind, share: atPublishedPrecision(count / summary.n) }] : []));
  return {
    chart: 'street-ladder',
    values: [...bars(summary.currentDistribution, say('charts.now')), ...bars(summary.desiredDistribution, say('charts.desired'))],
    alt: say('street.ladderAlt', {
      current: summary.medianCurrent === undefined ? '–' : formatNumber(summary.medianCurrent, 1), desired: summary.medianDesired === undefined ? '–' : formatNumber(summary.medianDesired, 1),
    }),
  };
}

/** A type's character in words: "vooral latente contacten en onderlinge hulp", or that it has no clear profile. */
export function typeCharacterText(profile: Readonly<Record<string, number>>, names: ReadonlyMap<string, string>, say: Translate): string {
  const dimensions = typeCharacter(profile).map((dimension) => (names.get(dimension) ?? dimension).toLowerCase());
  if (dimensions.length === 0) return say('street.typeWithoutProfile');
  return say('street.typeCharacter', { list: dimensions.join(say('street.typeCharacterAnd')) });
}

export function buildStreetReport(context: ReportContext, streetId: number): StreetReportModel | undefined {
  const { analysis, instrument, definitions } = context;
  const { say } = definitions;
  const { result } = analysis;
  const street = result.streets.find((candidate) => candidate.streetId === streetId);
  if (!street) return undefined;
  const neighbourhood = result.neighbourhoods.find((candidate) => candidate.neighbourhoodId === street.neighbourhoodId)!;
  const ladderResult = result.streetLadder?.streets.find((candidate) => candidate.streetId === streetId)?.result;
  const own = street.reportedAs === 'street';
  // A street whose figures are those of its neighbourhood's combined unit gets that unit's figures, under the names of
  // all its streets, and says so; one whose combined unit is hidden counts only in the neighbourhood.
  const combined = own ? undefined : result.combinedUnits.find((unit) => unit.neighbourhoodId === street.neighbourhoodId && unit.streetIds.includes(streetId));
  const shownCombined = combined?.result.kind === 'shown' ? combined : undefined;
  const list = new Intl.ListFormat(definitions.locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' });
  // In the order of the study's streets, as the neighbourhood report names the unit.
  const unitStreets = shownCombined ? result.streets.filter((candidate) => shownCombined.streetIds.includes(candidate.streetId)) : [];
  const unitName = shownCombined ? list.format(unitStreets.map((candidate) => candidate.name)) : street.name;
  const ladderFigures = ladderResult?.kind === 'shown' ? ladderResult.figures : undefined;
  const section = own ? unitSection(street.result, instrument, definitions, ladderFigures)
    : shownCombined ? unitSection(shownCombined.result, instrument, definitions, ladderFigures)
    : { kind: 'suppressed' as const, reason: say('street.tooFew') };
  const others = list.format(unitStreets.filter((candidate) => candidate.streetId !== streetId).map((candidate) => candidate.name));
  const sharedFigures = !shownCombined ? undefined
    : say(shownCombined.host === streetId ? 'street.hostOfCombined' : 'street.inCombined', { others, streets: unitName, count: shownCombined.streetIds.length - 1 });
  const names = dimensionNames(instrument, definitions.locale);
  const charts: ChartData[] = [];
  if (section.kind === 'shown') charts.push(weightedGapChart(section, say), actualDesiredChart(section, say));

  let comparison: StreetReportModel['comparison'];
  if (section.kind === 'shown' && neighbourhood.result.kind === 'shown') {
    const around = neighbourhood.result.figures.figures.dimensions;
    const rows = section.dimensions.flatMap((row) => {
      const other = around.get(row.id);
      return other ? [{ name: row.name, street: row.weightedGap, neighbourhood: formatGap(other.weightedGap.mean), values: [row.values.weightedGap, atPublishedPrecision(other.weightedGap.mean)] as const }] : [];
    });
    comparison = {
      rows: rows.map(({ values: _values, ...row }) => row),
      sentence: say('street.comparison', { neighbourhood: neighbourhood.name, list: rows.map((row) => say('street.comparisonItem', { name: row.name, street: row.street, neighbourhood: row.neighbourhood })).join('; ') }),
    };
    charts.push({
      chart: 'street-vs-neighbourhood',
      values: rows.flatMap((row) => [{ dimension: wrapLabel(row.name, chartLabelWidth), unit: unitName, weightedGap: row.values[0] }, { dimension: wrapLabel(row.name, chartLabelWidth), unit: neighbourhood.name, weightedGap: row.values[1] }]),
      alt: say('street.comparisonAlt', { street: unitName, neighbourhood: neighbourhood.name, list: rows.map((row) => say('street.comparisonAltItem', { name: row.name, street: row.street, neighbourhood: row.neighbourhood })).join('; ') }),
    });
  }

  let surroundings: StreetReportModel['surroundings'];
  const studyFigures = result.study.kind === 'shown' ? result.study.figures.figures.dimensions : undefined;
  const neighbourhoodFigures = neighbourhood.result.kind === 'shown' ? neighbourhood.result.figures.figures.dimensions : undefined;
  if (section.kind === 'shown' && (studyFigures || neighbourhoodFigures)) {
    surroundings = {
      againstNeighbourhood: neighbourhoodFigures !== undefined, againstStudy: studyFigures !== undefined,
      rows: section.dimensions.map((row) => {
        const aroundGap = neighbourhoodFigures?.get(row.id)?.weightedGap.mean;
        const studyGap = studyFigures?.get(row.id)?.weightedGap.mean;
        return {
          name: row.name, weightedGap: row.weightedGap,
          ...(aroundGap === undefined ? {} : { neighbourhood: surroundingsIndex(row.values.weightedGap, atPublishedPrecision(aroundGap), say) }),
          ...(studyGap === undefined ? {} : { study: surroundingsIndex(row.values.weightedGap, atPublishedPrecision(studyGap), say) }),
        };
      }),
    };
  }

  let ladder: StreetReportModel['ladder'];
  if (own && ladderResult) {
    if (ladderResult.kind === 'shown') {
      ladder = { kind: 'shown', view: ladderView(ladderResult.figures, say, result.minReportSize) };
      charts.push(ladderChart(ladderResult.figures, say));
    } else {
      // The true reason: too few answers to the ladder, or hidden so that another street's figures cannot be worked out.
      ladder = { kind: 'suppressed', reason: ladderResult.reason === 'below-minimum' ? say('street.ladderTooFew') : say(`unit.hidden.${ladderResult.reason}`) };
    }
  }

  const type = result.streetTypes.types.find((candidate) => candidate.streetIds.includes(streetId));
  const change = analysis.waves?.streets.find((candidate) => candidate.streetId === streetId);
  const methodName = new Map(definitions.catalogue.methods.map((method) => [method.id, method.name]));
  const interventions = context.previousInterventions.filter((intervention) => intervention.streetName === street.name && intervention.neighbourhood === neighbourhood.name).map((intervention) => ({
    date: formatCalendarDate(intervention.heldOn, definitions.locale),
    what: intervention.kind === 'method'
      ? say('street.interventionMethod', { kind: say('street.interventionKinds.method'), method: methodName.get(intervention.methodId ?? '') ?? intervention.methodId ?? '' })
      : say(`street.interventionKinds.${intervention.kind}`),
    note: intervention.note,
  }));
  // A street without figures of its own keeps its interview count to itself: with its unit's n it would give the others' away.
  const response = responseView(analysis.response.streets.get(streetId), say, shownCombined ? 'in-combined' : !own || section.kind !== 'shown' ? 'hidden' : false);
  let streetType: StreetReportModel['streetType'];
  if (type && section.kind === 'shown' && hasStreetTypes(result.streetTypes)) {
    const streets = type.streetIds.length;
    const character = typeCharacterText(type.profile, names, say);
    streetType = {
      number: type.number, streets, character,
      sentence: say(streets === 1 ? 'street.streetTypeOne' : 'street.streetTypeMany', { number: type.number, streets, character }),
    };
  }
  return {
    kind: 'street',
    title: `${street.name} (${neighbourhood.name})`,
    header: context.header,
    street: { id: streetId, name: street.name, neighbourhood: neighbourhood.name, combined: !own },
    response,
    responseSentence: response?.sentence ?? say('street.noResponse'),
    section, ladder, comparison, charts,
    ...(sharedFigures ? { sharedFigures } : {}),
    ...(surroundings ? { surroundings } : {}),
    ...(streetType ? { streetType } : {}),
    ...(analysis.waves && change ? { waves: {
      previous: analysis.waves.previous.name,
      rows: change.dimensions.map(({ dimension, change: delta }) => ({
        name: names.get(dimension) ?? dimension, previous: formatGap(delta.previous), current: formatGap(delta.current), change: formatGap(delta.change),
        interval: formatInterval(delta.low, delta.high, say), clear: delta.clear,
      })),
      ...(change.currentRung ? { currentRung: say('street.currentRung', {
        change: formatGap(change.currentRung.change, 1), interval: formatInterval(change.currentRung.low, change.currentRung.high, say, (value) => formatGap(value, 1)),
      }) } : {}),
      interventions,
      interventionsSentence: interventions.length > 0
        ? say('street.interventions', { list: interventions.map((item) => `${item.date}: ${item.what}${item.note ? ` – ${item.note}` : ''}`).join('; ') })
        : say('street.noInterventions'),
    } } : {}),
  };
}
