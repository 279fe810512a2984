/**
 * The street report's model (product.md, workflow step 7;
 * recommendations.md, "In the report"): response; the contactladder profile
 * per theme; the straatladder; the street beside its neighbourhood; its
 * street type; ranked starting points and recommended methods, or a plain
 * statement that there is no need; for a follow-up wave, the change since the
 * earlier wave and the interventions in between. One model feeds the HTML
 * page, the charts and the PDF.
 */
import type { StreetLadderSummary } from '../domain/analysis/street-ladder';
import { smallCountBelow } from '../domain/analysis/disclosure-control';
import type { ResponseFigures } from '../domain/response-figures';
import { formatDate, formatGap, formatInterval, formatNumber, formatPercent } from './format';
import { actualDesiredChart, dimensionNames, unitSection, weightedGapChart, type UnitSection } from './unit-section';
import type { ReportContext } from './report-context';

export interface ChartData {
  chart: string;
  values: object[];
  alt: string;
}

export interface ResponseView {
  addresses: number;
  ineligible: number;
  eligible: number;
  completed: number;
  refused: number;
  notReached: number;
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
  section: UnitSection;
  ladder?: { kind: 'shown'; view: LadderView } | { kind: 'suppressed'; reason: string };
  comparison?: { rows: { name: string; street: string; neighbourhood: string }[]; sentence: string };
  streetType?: { number: number; streets: number; strongest: string; sentence: string };
  waves?: {
    previous: string;
    rows: { name: string; previous: string; current: string; change: string; interval: string; clear: boolean }[];
    currentRung?: string;
    interventions: { date: string; what: string; note: string }[];
    interventionsSentence: string;
  };
  charts: ChartData[];
}

export interface ReportHeader {
  studyName: string;
  commissioner: string;
  area: string;
  isDemo: boolean;
  generatedOn: string;
  dataVersion: string;
}

export function responseView(figures: ResponseFigures | undefined): ResponseView | undefined {
  if (!figures) return undefined;
  const responseRate = figures.responseRate === undefined ? '–' : formatPercent(figures.responseRate);
  return {
    addresses: figures.addresses, ineligible: figures.ineligible, eligible: figures.eligible, completed: figures.completed,
    refused: figures.refused, notReached: figures.notReached, responseRate,
    sentence: `${figures.addresses} adressen, waarvan ${figures.ineligible} geen woning of leeg: ${figures.eligible} in aanmerking. ${figures.completed} interviews afgenomen, ${figures.refused} weigeringen, ${figures.notReached} niet bereikt. Respons: ${responseRate}.`,
  };
}

/** What a report says when the address frame is gone (purged after fieldwork) or was never there. */
export const noResponseSentence = 'Geen adresgegevens (meer) beschikbaar.';

export function ladderView(summary: StreetLadderSummary): LadderView {
  const view = {
    n: summary.n,
    medianCurrent: summary.medianCurrent === undefined ? '–' : formatNumber(summary.medianCurrent, 1),
    medianDesired: summary.medianDesired === undefined ? '–' : formatNumber(summary.medianDesired, 1),
    gap: summary.gap ? `${formatGap(summary.gap.mean, 1)} treden` : '–',
    gapInterval: summary.gap ? formatInterval(summary.gap.low, summary.gap.high, (value) => formatGap(value, 1)) : '–',
    shareWantingHigher: summary.shareWantingHigher === undefined ? '–' : formatPercent(summary.shareWantingHigher),
    ...(summary.checklist ? { checklist: {
      n: summary.checklist.n, medianHighestApplying: formatNumber(summary.checklist.medianHighestApplying, 1), shareNotCumulative: formatPercent(summary.checklist.shareNotCumulative),
    } } : {}),
  };
  const checklist = view.checklist
    ? ` Volgens de checklist is de mediane hoogste trede die nu geldt ${view.checklist.medianHighestApplying}; bij ${view.checklist.shareNotCumulative} van de bewoners is het patroon niet cumulatief.` : '';
  return {
    ...view,
    sentence: `${view.n} bewoners plaatsten de straat op de ladder. Mediaan nu: trede ${view.medianCurrent}; gewenst: trede ${view.medianDesired}. Gemiddeld verschil ${view.gap} (95%-interval ${view.gapInterval}); ${view.shareWantingHigher} wil een hogere trede.${checklist}`,
  };
}

/** Rung shares for the chart; a rung chosen by fewer than five residents is left out. */
export function ladderChart(summary: StreetLadderSummary): ChartData {
  const bars = (distribution: number[], kind: string) => distribution.flatMap((count, index) =>
    (count >= smallCountBelow ? [{ rung: index + 1, kind, share: count / summary.n }] : []));
  return {
    chart: 'street-ladder',
    values: [...bars(summary.currentDistribution, 'Nu'), ...bars(summary.desiredDistribution, 'Gewenst')],
    alt: `Straatladder: mediaan nu trede ${summary.medianCurrent ?? '–'}, gewenst trede ${summary.medianDesired ?? '–'}.`,
  };
}

export function buildStreetReport(context: ReportContext, streetId: number): StreetReportModel | undefined {
  const { analysis, instrument, definitions } = context;
  const { result } = analysis;
  const street = result.streets.find((candidate) => candidate.streetId === streetId);
  if (!street) return undefined;
  const neighbourhood = result.neighbourhoods.find((candidate) => candidate.neighbourhoodId === street.neighbourhoodId)!;
  const ladderResult = result.streetLadder?.streets.find((candidate) => candidate.streetId === streetId)?.result;
  const own = street.reportedAs === 'street';
  const section = own ? unitSection(street.result, instrument, definitions, ladderResult?.kind === 'shown' ? ladderResult.figures : undefined)
    : { kind: 'suppressed' as const, reason: 'Deze straat heeft te weinig respondenten voor eigen cijfers; zij telt mee in de buurt en in "overige straten".' };
  const names = dimensionNames(instrument);
  const charts: ChartData[] = [];
  if (section.kind === 'shown') charts.push(weightedGapChart(section), actualDesiredChart(section));

  let comparison: StreetReportModel['comparison'];
  if (section.kind === 'shown' && neighbourhood.result.kind === 'shown') {
    const around = neighbourhood.result.figures.figures.dimensions;
    const rows = section.dimensions.flatMap((row) => {
      const other = around.get(row.id);
      return other ? [{ name: row.name, street: row.weightedGap, neighbourhood: formatGap(other.weightedGap.mean), values: [row.values.weightedGap, other.weightedGap.mean] as const }] : [];
    });
    comparison = {
      rows: rows.map(({ values: _values, ...row }) => row),
      sentence: `Vergelijking met de buurt ${neighbourhood.name} (gewogen kloof): ${rows.map((row) => `${row.name} ${row.street} (buurt ${row.neighbourhood})`).join('; ')}.`,
    };
    charts.push({
      chart: 'street-vs-neighbourhood',
      values: rows.flatMap((row) => [{ dimension: row.name, unit: street.name, weightedGap: row.values[0] }, { dimension: row.name, unit: neighbourhood.name, weightedGap: row.values[1] }]),
      alt: `Gewogen kloof van ${street.name} naast ${neighbourhood.name}: ${rows.map((row) => `${row.name} ${row.street} tegen ${row.neighbourhood}`).join('; ')}.`,
    });
  }

  let ladder: StreetReportModel['ladder'];
  if (own && ladderResult) {
    if (ladderResult.kind === 'shown') {
      ladder = { kind: 'shown', view: ladderView(ladderResult.figures) };
      charts.push(ladderChart(ladderResult.figures));
    } else {
      ladder = { kind: 'suppressed', reason: 'Te weinig antwoorden op de straatladder om die te tonen.' };
    }
  }

  const type = result.streetTypes.types.find((candidate) => candidate.streetIds.includes(streetId));
  const change = analysis.waves?.streets.find((candidate) => candidate.streetId === streetId);
  const methodName = new Map(definitions.catalogue.methods.map((method) => [method.id, method.name]));
  const kindName = { workshop: 'Bewonersbijeenkomst (straatladder)', 'street-agreements': 'Straatafspraken', method: 'Methode' } as const;
  const interventions = context.previousInterventions.filter((intervention) => intervention.streetName === street.name && intervention.neighbourhood === neighbourhood.name).map((intervention) => ({
    date: formatDate(intervention.heldOn),
    what: intervention.kind === 'method' ? `${kindName.method}: ${methodName.get(intervention.methodId ?? '') ?? intervention.methodId}` : kindName[intervention.kind],
    note: intervention.note,
  }));
  let streetType: StreetReportModel['streetType'];
  if (type && section.kind === 'shown') {
    const strongest = names.get(type.strongestDimension) ?? type.strongestDimension;
    const streets = type.streetIds.length;
    streetType = {
      number: type.number, streets, strongest,
      sentence: `Straattype ${type.number}: ${streets === 1 ? 'de enige straat met dit profiel' : `${streets} straten met een vergelijkbaar profiel`}; wat dit type het meest kenmerkt is ${strongest.toLowerCase()}.`,
    };
  }
  return {
    kind: 'street',
    title: `${street.name} (${neighbourhood.name})`,
    header: context.header,
    street: { id: streetId, name: street.name, neighbourhood: neighbourhood.name, combined: !own },
    response: responseView(analysis.response.streets.get(streetId)),
    section, ladder, comparison, charts,
    ...(streetType ? { streetType } : {}),
    ...(analysis.waves && change ? { waves: {
      previous: analysis.waves.previous.name,
      rows: change.dimensions.map(({ dimension, change: delta }) => ({
        name: names.get(dimension) ?? dimension, previous: formatGap(delta.previous), current: formatGap(delta.current), change: formatGap(delta.change),
        interval: formatInterval(delta.low, delta.high), clear: delta.clear,
      })),
      ...(change.currentRung ? { currentRung: `${formatGap(change.currentRung.change, 1)} treden (${formatInterval(change.currentRung.low, change.currentRung.high, (value) => formatGap(value, 1))})` } : {}),
      interventions,
      interventionsSentence: interventions.length > 0
        ? `Interventies tussen de metingen: ${interventions.map((item) => `${item.date}: ${item.what}${item.note ? ` – ${item.note}` : ''}`).join('; ')}.`
        : 'Geen interventies vastgelegd tussen de metingen.',
    } } : {}),
  };
}
