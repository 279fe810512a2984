/**
 * The neighbourhood report's model (product.md, workflow step 7): method and
 * response; respondent profile; one section per theme; streets ranked and the
 * street types; group differences where cells are large enough; reviewed
 * residents' comments; recommendations summarised across streets; a short
 * section per street; and the method appendix (method-appendix.ts).
 */
import { wrapLabel } from './chart-labels.js';
import { surroundingsIndex, type IndexCell } from './surroundings-index.js';
import { atPublishedPrecision, formatGap, formatShare } from './format.js';
import { methodAppendix, type MethodAppendix } from './method-appendix.js';
import type { ReportContext } from './report-context.js';
import type { CategoryCell } from '../domain/analysis/category-disclosure.js';
import { hasStreetTypes } from '../domain/analysis/street-types.js';
import { smallCountBelow } from '../domain/analysis/disclosure-control.js';
import type { Translate } from '../i18n/translate.js';
import { buildStreetReport, responseView, typeCharacterText, type ChartData, type ReportHeader, type ResponseView, type StreetReportModel } from './street-report.js';
import { sumResponseFigures } from '../domain/response-figures.js';
import { dimensionNames, unitSection, weightedGapChart, type DimensionRow, type UnitSection } from './unit-section.js';
import { contributionTable, statementShareTable, statementTable, type DetailTable } from './theme-details.js';

export interface NeighbourhoodReportModel {
  kind: 'neighbourhood';
  title: string;
  header: ReportHeader;
  neighbourhood: { id: number; name: string };
  /** How the study was done, in a paragraph. */
  methodIntro: string;
  response?: ResponseView;
  /** The neighbourhood's response in one sentence. */
  responseSentence?: string;
  responseByStreet: { name: string; response?: ResponseView }[];
  section: UnitSection;
  profile: { question: string; answered: number; rows: { label: string; share: string }[] }[];
  themes: {
    id: string; name: string; text: string; figures?: DimensionRow; streets: { name: string; weightedGap: string; startingPoint: boolean }[]; ranking?: string;
    /** Its statements' figures and shares, or for the own contribution its activities' shares (theme-details.ts). */
    details: DetailTable[];
  }[];
  streetTypes: { number: number; heading: string; text: string; streets: string[] }[];
  /** Every street shown on its own, per theme as an index against the whole study (study = 100); absent when the study's figures are not shown. */
  streetIndex?: { dimensions: string[]; rows: { name: string; cells: (IndexCell | undefined)[] }[] };
  /** Per group its n, or only that it reaches the minimum (`nAtLeast`) where the exact n would give a small count away. */
  groups: { question: string; rows: { label: string; n: string; nAtLeast?: boolean; cells: string[] }[]; dimensions: string[] }[];
  comments: string[];
  /** What the reader should know about the comments, or that there are none. */
  commentsNote: string;
  methodSummary: { method: string; streets: string[]; text: string }[];
  streets: StreetReportModel[];
  /** The neighbourhood's small streets together ("overige straten"), where that unit may be shown. */
  combined?: { title: string; streets: string[]; section: UnitSection };
  appendix: MethodAppendix;
  charts: ChartData[];
}

const streetsPerHeatmap = 40;

/** One answer's share in the profile: a percentage, "< 5", or protected so that a small count cannot be worked out (category-disclosure.ts). */
function profileShare(cell: CategoryCell, answered: number, say: Translate): string {
  if (cell.kind === 'protected') return say('figures.protected');
  if (cell.kind === 'fewer-than') return `< ${cell.limit}`;
  return formatShare(cell.n, answered);
}

export function buildNeighbourhoodReport(context: ReportContext, neighbourhoodId: number): NeighbourhoodReportModel | undefined {
  const { analysis, instrument, definitions } = context;
  /**
   * A study group's n is the study's count of that answer; minus the counts the neighbourhoods' profiles print,
   * it gives the count of the neighbourhoods that print none (hidden, "< 5", protected). It is printed only as
   * "at least the minimum" where that remainder is 1 to 4 (category-linking.ts does the same between streets), and
   * where a shown profile keeps this answer's count back: the remainder would then hold that count beside the hidden
   * neighbourhoods', which a reader can often pin down from the other answers (everyone there said "Nee"), and the
   * count kept back would follow, and with it the "< 5" it protects (background-derivability.test.ts).
   */
  const givesSmallCountAway = (n: number, question: string, value: number) => {
    let printed = 0;
    for (const entry of analysis.result.neighbourhoods) {
      const disclosed = entry.result.kind === 'shown' ? entry.result.figures.profile?.questions.get(question)?.disclosed : undefined;
      const cell = disclosed?.kind === 'shown' ? disclosed.cells[value - 1] : undefined;
      if (cell && cell.kind !== 'count') return true;
      printed += cell?.kind === 'count' ? cell.n : 0;
    }
    return n - printed > 0 && n - printed < smallCountBelow;
  };
  const { say } = definitions;
  const { result } = analysis;
  const neighbourhood = result.neighbourhoods.find((candidate) => candidate.neighbourhoodId === neighbourhoodId);
  if (!neighbourhood) return undefined;
  const names = dimensionNames(instrument, definitions.locale);
  const language = definitions.locale;
  const streets = result.streets.filter((street) => street.neighbourhoodId === neighbourhoodId);
  const ladder = result.streetLadder?.neighbourhoods.find((candidate) => candidate.neighbourhoodId === neighbourhoodId)?.result;
  const streetReports = streets.map((street) => buildStreetReport(context, street.streetId)!);
  // Streets with figures of their own; the combined unit's figures have a section of their own (never under one street's name).
  const shownStreets = streetReports.filter((report) => !report.street.combined && report.section.kind === 'shown');
  // A neighbourhood without a starting point of its own says so only if its streets have none either
  // (a street counts with the starting points its report shows, its own or its combined unit's).
  const streetsWithStartingPoint = streetReports.filter((report) => report.section.kind === 'shown' && report.section.startingPoints.length > 0).length;
  const section = unitSection(neighbourhood.result, instrument, definitions, ladder?.kind === 'shown' ? ladder.figures : undefined, { streetsWithStartingPoint });
  const charts: ChartData[] = [];
  if (section.kind === 'shown') charts.push(weightedGapChart(section, say));
  for (let start = 0; start < shownStreets.length; start += streetsPerHeatmap) {
    const chunk = shownStreets.slice(start, start + streetsPerHeatmap);
    charts.push({
      chart: 'streets-heatmap',
      values: chunk.flatMap((report) => (report.section.kind === 'shown' ? report.section.dimensions.map((row) => ({ street: report.street.name, dimension: wrapLabel(row.name, 12), weightedGap: row.values.weightedGap, label: row.weightedGap })) : [])),
      alt: say('neighbourhood.heatmapAlt', { from: start + 1, to: start + chunk.length }),
    });
  }

  const streetResponses = streets.flatMap((street) => analysis.response.streets.get(street.streetId) ?? []);
  const profile = section.kind === 'shown' && neighbourhood.result.kind === 'shown' ? neighbourhood.result.figures.profile : undefined;
  const questions = instrument.items.filter((item) => item.kind === 'choice');

  // The neighbourhood's interviews add up its streets': where its figures are hidden, or where only one street's
  // count is not shown, the total would give a hidden number of respondents (reader-derivability.test.ts).
  const countsHidden = streetReports.filter((report) => report.street.combined || report.section.kind !== 'shown').length;
  const totalHidden = section.kind !== 'shown' || countsHidden === 1;
  const response = streetResponses.length > 0 ? responseView(sumResponseFigures(streetResponses), say, totalHidden ? 'hidden' : false) : undefined;
  const methodStreets = new Map<string, string[]>();
  for (const report of shownStreets) {
    if (report.section.kind !== 'shown') continue;
    for (const method of report.section.recommendations.flatMap((recommendation) => recommendation.methods)) {
      const list = methodStreets.get(method.name);
      if (list) list.push(report.street.name);
      else methodStreets.set(method.name, [report.street.name]);
    }
  }

  const studyFigures = result.study.kind === 'shown' ? result.study.figures.figures.dimensions : undefined;
  const indexDimensions = instrument.dimensions.filter((dimension) => studyFigures?.has(dimension.id));
  const streetIndex: NeighbourhoodReportModel['streetIndex'] = studyFigures && shownStreets.length > 0 ? {
    dimensions: indexDimensions.map((dimension) => dimension.name[language]),
    rows: shownStreets.map((report) => ({
      name: report.street.name,
      cells: indexDimensions.map((dimension) => {
        const row = report.section.kind === 'shown' ? report.section.dimensions.find((candidate) => candidate.id === dimension.id) : undefined;
        return row ? surroundingsIndex(row.values.weightedGap, atPublishedPrecision(studyFigures.get(dimension.id)!.weightedGap.mean), say) : undefined;
      }),
    })),
  } : undefined;

  const combinedUnit = result.combinedUnits.find((unit) => unit.neighbourhoodId === neighbourhoodId);
  const combined: NeighbourhoodReportModel['combined'] = combinedUnit?.result.kind === 'shown' ? {
    title: say(combinedUnit.host === undefined ? 'neighbourhood.combinedTitle' : 'neighbourhood.mergedTitle', {
      streets: new Intl.ListFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' })
        .format(streets.filter((street) => combinedUnit.streetIds.includes(street.streetId)).map((street) => street.name)),
    }),
    streets: streets.filter((street) => combinedUnit.streetIds.includes(street.streetId)).map((street) => street.name),
    section: unitSection(combinedUnit.result, instrument, definitions),
  } : undefined;

  return {
    kind: 'neighbourhood',
    ...(combined ? { combined } : {}),
    ...(streetIndex ? { streetIndex } : {}),
    title: neighbourhood.name,
    header: context.header,
    neighbourhood: { id: neighbourhoodId, name: neighbourhood.name },
    methodIntro: say('neighbourhood.methodIntro'),
    response,
    ...(response ? { responseSentence: say(totalHidden ? 'neighbourhood.responseHidden' : 'neighbourhood.response', { addresses: response.addresses, eligible: response.eligible, completed: response.completed, rate: response.responseRate }) } : {}),
    responseByStreet: streets.map((street) => ({ name: street.name, response: responseView(analysis.response.streets.get(street.streetId), say, street.reportedAs !== 'street' || street.result.kind !== 'shown' ? 'hidden' : false) })),
    section,
    profile: profile ? questions.flatMap((question) => {
      const disclosed = profile.questions.get(question.id)?.disclosed;
      if (!disclosed || disclosed.kind !== 'shown' || question.kind !== 'choice') return [];
      const points = instrument.scales[question.scale]!.points;
      return [{ question: question.wording[language], answered: disclosed.answered, rows: points.map((point, index) => ({ label: point.label[language], share: profileShare(disclosed.cells[index]!, disclosed.answered, say) })) }];
    }) : [],
    themes: instrument.dimensions.map((dimension) => {
      const figures = section.kind === 'shown' ? section.dimensions.find((row) => row.id === dimension.id) : undefined;
      // The streets with figures of their own, and the combined unit under its own name ("Spreeuwlaan en Zwaluwhof samen").
      const rankedUnits = [...shownStreets.map((report) => ({ name: report.street.name, section: report.section })), ...(combined ? [{ name: combined.title, section: combined.section }] : [])];
      const ranked = rankedUnits.flatMap(({ name, section: rankedSection }) => {
        const row = rankedSection.kind === 'shown' ? rankedSection.dimensions.find((candidate) => candidate.id === dimension.id) : undefined;
        return row ? [{ name, weightedGap: row.weightedGap, startingPoint: row.startingPoint, value: row.values.weightedGap }] : [];
      }).sort((a, b) => b.value - a.value).map(({ value: _value, ...row }) => row);
      const unit = neighbourhood.result.kind === 'shown' ? neighbourhood.result.figures : undefined;
      const isContribution = instrument.items.some((item) => item.kind === 'contribution' && item.dimension === dimension.id);
      const details = !unit ? [] : isContribution
        ? [contributionTable(unit, instrument, result.minReportSize, language, say)]
        : [statementTable(unit, dimension.id, dimension.name[language], instrument, language, say), statementShareTable(unit, dimension.id, dimension.name[language], instrument, language, say)];
      return {
        id: dimension.id, name: dimension.name[language], streets: ranked, details: details.filter((table) => table !== undefined),
        text: `${dimension.description?.[language] ?? ''}${figures ? say('neighbourhood.themeFigures', { gap: figures.weightedGap, interval: figures.interval, share: figures.wantingImprovement }) : ''}`,
        ...(figures ? { figures } : {}),
        ...(ranked.length > 0 ? { ranking: say('neighbourhood.ranking', { list: ranked.map((row) => `${row.name} ${row.weightedGap}${row.startingPoint ? say('neighbourhood.startingPointTag') : ''}`).join('; ') }) } : {}),
      };
    }),
    streetTypes: !hasStreetTypes(result.streetTypes) ? [] : result.streetTypes.types.flatMap((type) => {
      const members = streets.filter((street) => type.streetIds.includes(street.streetId)).map((street) => street.name);
      if (members.length === 0) return [];
      const profile = Object.entries(type.profile).map(([dimension, value]) => `${names.get(dimension) ?? dimension} ${formatGap(value)}`).join('; ');
      return [{
        number: type.number, streets: members,
        heading: say('neighbourhood.streetTypeHeading', { number: type.number, character: typeCharacterText(type.profile, names, say) }),
        text: say('neighbourhood.streetTypeText', { profile, streets: members.join(', ') }),
      }];
    }),
    groups: result.groups.flatMap((group) => {
      const question = questions.find((item) => item.id === group.variable);
      if (!question || question.kind !== 'choice') return [];
      const shown = group.categories.filter((category) => category.result.kind === 'shown');
      if (shown.length < 2) return [];
      // Only themes with a weighted gap (own contribution has none).
      const dimensions = instrument.dimensions.map((dimension) => dimension.id)
        .filter((id) => shown.some((category) => category.result.kind === 'shown' && category.result.figures.figures.dimensions.has(id)));
      return [{
        question: question.wording[language],
        dimensions: dimensions.map((id) => names.get(id) ?? id),
        rows: shown.map((category) => ({
          label: instrument.scales[question.scale]!.points[category.value - 1]?.label[language] ?? String(category.value),
          ...(category.result.kind === 'shown' && givesSmallCountAway(category.result.n, group.variable, category.value)
            ? { n: String(result.minReportSize), nAtLeast: true } : { n: category.result.kind === 'shown' ? String(category.result.n) : '' }),
          cells: dimensions.map((id) => {
            const figures = category.result.kind === 'shown' ? category.result.figures.figures.dimensions.get(id) : undefined;
            return figures ? formatGap(figures.weightedGap.mean) : '–';
          }),
        })),
      }];
    }),
    // Reviewed comments only, and only where the neighbourhood's own figures may be shown.
    comments: section.kind === 'shown' ? context.comments.filter((comment) => comment.neighbourhoodId === neighbourhoodId).map((comment) => comment.text) : [],
    commentsNote: section.kind === 'shown' && context.comments.some((comment) => comment.neighbourhoodId === neighbourhoodId)
      ? say('neighbourhood.commentsReviewed')
      : say('neighbourhood.commentsNone'),
    methodSummary: [...methodStreets].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], language))
      .map(([method, list]) => ({ method, streets: list, text: say(list.length === 1 ? 'neighbourhood.methodStreetsOne' : 'neighbourhood.methodStreetsMany', { count: list.length, streets: list.join(', ') }) })),
    streets: streetReports,
    appendix: methodAppendix(context),
    charts,
  };
}
