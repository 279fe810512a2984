/**
 * The neighbourhood report's model (product.md, workflow step 7): method and
 * response; respondent profile; one section per theme; streets ranked and the
 * street types; group differences where cells are large enough; reviewed
 * residents' comments; recommendations summarised across streets; a short
 * section per street; and the method appendix (method-appendix.ts).
 */
import { formatGap, formatShare } from './format';
import { methodAppendix, type MethodAppendix } from './method-appendix';
import type { ReportContext } from './report-context';
import { buildStreetReport, responseView, type ChartData, type ReportHeader, type ResponseView, type StreetReportModel } from './street-report';
import { sumResponseFigures } from '../domain/response-figures';
import { dimensionNames, unitSection, weightedGapChart, type DimensionRow, type UnitSection } from './unit-section';

export interface NeighbourhoodReportModel {
  kind: 'neighbourhood';
  title: string;
  header: ReportHeader;
  neighbourhood: { id: number; name: string };
  response?: ResponseView;
  responseByStreet: { name: string; response?: ResponseView }[];
  section: UnitSection;
  profile: { question: string; answered: number; rows: { label: string; share: string }[] }[];
  themes: { id: string; name: string; description: string; figures?: DimensionRow; streets: { name: string; weightedGap: string; startingPoint: boolean }[] }[];
  streetTypes: { number: number; strongest: string; streets: string[]; profile: { name: string; weightedGap: string }[] }[];
  groups: { question: string; rows: { label: string; n: string; cells: string[] }[]; dimensions: string[] }[];
  comments: string[];
  methodSummary: { method: string; streets: string[] }[];
  streets: StreetReportModel[];
  appendix: MethodAppendix;
  charts: ChartData[];
}

const streetsPerHeatmap = 40;

export function buildNeighbourhoodReport(context: ReportContext, neighbourhoodId: number): NeighbourhoodReportModel | undefined {
  const { analysis, instrument, definitions } = context;
  const { result } = analysis;
  const neighbourhood = result.neighbourhoods.find((candidate) => candidate.neighbourhoodId === neighbourhoodId);
  if (!neighbourhood) return undefined;
  const names = dimensionNames(instrument);
  const streets = result.streets.filter((street) => street.neighbourhoodId === neighbourhoodId);
  const ladder = result.streetLadder?.neighbourhoods.find((candidate) => candidate.neighbourhoodId === neighbourhoodId)?.result;
  const section = unitSection(neighbourhood.result, instrument, definitions, ladder?.kind === 'shown' ? ladder.figures : undefined);
  const streetReports = streets.map((street) => buildStreetReport(context, street.streetId)!);
  const shownStreets = streetReports.filter((report) => report.section.kind === 'shown');
  const charts: ChartData[] = [];
  if (section.kind === 'shown') charts.push(weightedGapChart(section));
  for (let start = 0; start < shownStreets.length; start += streetsPerHeatmap) {
    const chunk = shownStreets.slice(start, start + streetsPerHeatmap);
    charts.push({
      chart: 'streets-heatmap',
      values: chunk.flatMap((report) => (report.section.kind === 'shown' ? report.section.dimensions.map((row) => ({ street: report.street.name, dimension: row.name, weightedGap: row.values.weightedGap })) : [])),
      alt: `Gewogen kloof per straat en thema, straten ${start + 1} tot ${start + chunk.length}; de cijfers staan ook in de tabellen per thema.`,
    });
  }

  const streetResponses = streets.flatMap((street) => analysis.response.streets.get(street.streetId) ?? []);
  const profile = section.kind === 'shown' && neighbourhood.result.kind === 'shown' ? neighbourhood.result.figures.profile : undefined;
  const questions = instrument.items.filter((item) => item.kind === 'choice');

  const methodStreets = new Map<string, string[]>();
  for (const report of shownStreets) {
    if (report.section.kind !== 'shown') continue;
    for (const method of report.section.recommendations.flatMap((recommendation) => recommendation.methods)) {
      const list = methodStreets.get(method.name);
      if (list) list.push(report.street.name);
      else methodStreets.set(method.name, [report.street.name]);
    }
  }

  return {
    kind: 'neighbourhood',
    title: neighbourhood.name,
    header: context.header,
    neighbourhood: { id: neighbourhoodId, name: neighbourhood.name },
    response: streetResponses.length > 0 ? responseView(sumResponseFigures(streetResponses)) : undefined,
    responseByStreet: streets.map((street) => ({ name: street.name, response: responseView(analysis.response.streets.get(street.streetId)) })),
    section,
    profile: profile ? questions.flatMap((question) => {
      const counts = profile.questions.get(question.id);
      if (!counts || question.kind !== 'choice') return [];
      const points = instrument.scales[question.scale]!.points;
      return [{ question: question.wording.nl, answered: counts.answered, rows: points.map((point, index) => ({ label: point.label.nl, share: formatShare(counts.counts[index]!, counts.answered) })) }];
    }) : [],
    themes: instrument.dimensions.map((dimension) => ({
      id: dimension.id, name: dimension.name.nl, description: dimension.description?.nl ?? '',
      ...(section.kind === 'shown' ? { figures: section.dimensions.find((row) => row.id === dimension.id) } : {}),
      streets: shownStreets.flatMap((report) => {
        const row = report.section.kind === 'shown' ? report.section.dimensions.find((candidate) => candidate.id === dimension.id) : undefined;
        return row ? [{ name: report.street.name, weightedGap: row.weightedGap, startingPoint: row.startingPoint, value: row.values.weightedGap }] : [];
      }).sort((a, b) => b.value - a.value).map(({ value: _value, ...row }) => row),
    })),
    streetTypes: result.streetTypes.types.filter((type) => type.streetIds.some((id) => streets.some((street) => street.streetId === id))).map((type) => ({
      number: type.number, strongest: names.get(type.strongestDimension) ?? type.strongestDimension,
      streets: type.streetIds.flatMap((id) => streets.filter((street) => street.streetId === id).map((street) => street.name)),
      profile: Object.entries(type.profile).map(([dimension, value]) => ({ name: names.get(dimension) ?? dimension, weightedGap: formatGap(value) })),
    })),
    groups: result.groups.flatMap((group) => {
      const question = questions.find((item) => item.id === group.variable);
      if (!question || question.kind !== 'choice') return [];
      const shown = group.categories.filter((category) => category.result.kind === 'shown');
      if (shown.length < 2) return [];
      const dimensions = instrument.dimensions.map((dimension) => dimension.id);
      return [{
        question: question.wording.nl,
        dimensions: dimensions.map((id) => names.get(id) ?? id),
        rows: shown.map((category) => ({
          label: instrument.scales[question.scale]!.points[category.value - 1]?.label.nl ?? String(category.value),
          n: category.result.kind === 'shown' ? String(category.result.n) : '',
          cells: dimensions.map((id) => {
            const figures = category.result.kind === 'shown' ? category.result.figures.figures.dimensions.get(id) : undefined;
            return figures ? formatGap(figures.weightedGap.mean) : '–';
          }),
        })),
      }];
    }),
    comments: [],
    methodSummary: [...methodStreets].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'nl')).map(([method, list]) => ({ method, streets: list })),
    streets: streetReports,
    appendix: methodAppendix(context),
    charts,
  };
}
