/**
 * The analysis of one study: every figure a report or the coordinators' JSON
 * endpoint shows comes from here, with disclosure control already applied, so
 * no renderer can print a hidden figure.
 *
 * Units: the study, each neighbourhood, each street (streets under the minimum
 * reporting size merged per neighbourhood into "overige straten"), each
 * category of each group variable of the instrument (age class, household, …),
 * and street × group (street-groups.ts). Besides: the straatladder per unit
 * (street-ladder-units.ts), reliability (reliability.ts) and street types
 * (street-types.ts).
 * Per unit: item and dimension figures (unit-summary.ts) and starting points
 * (starting-points.ts); for the study, Cronbach's alpha per dimension for
 * actual and desired answers. Groups are summarised per dimension; special-
 * category variables (origin) are never crossed with streets.
 *
 * One pass counts respondents per street to decide the units; a second pass
 * scores every respondent once and adds the scores to each unit they belong
 * to, so the work grows linearly with respondents.
 */
import type { Instrument } from '../instrument.js';
import {
  decideVisibility, discloseCount, discloseWith, mergeSmallStreets, reportingTree,
  type Disclosed, type ReportingNode, type Visibility,
} from './disclosure-control.js';
import { ProfileAccumulator, profileModelOf, type UnitProfile } from './respondent-profile.js';
import { ReliabilityAccumulator, type ReliabilityResult } from './reliability.js';
import { gapModelOf, RespondentScores, scoreRespondent } from './respondent-scores.js';
import { tableLayoutOf, type RespondentTable } from './respondent-table.js';
import { findStartingPoints, type StartingPointsResult } from './starting-points.js';
import { StreetGroupAccumulator, type CategoryResult, type StreetCells } from './street-groups.js';
import { streetLadderUnits, type PlacedStreetLadderAnswer, type StreetLadderUnits } from './street-ladder-units.js';
import { Float64Arena } from './float-arena.js';
import { findStreetTypes, type StreetTypesResult } from './street-types.js';
import { withheldFigures } from './figure-suppression.js';
import { protectAcrossUnits } from './category-linking.js';
import { UnitAccumulator, type UnitFigures } from './unit-summary.js';

export type { ReliabilityResult } from './reliability.js';

export interface StudyData {
  instrument: Instrument;
  minReportSize: number;
  neighbourhoods: readonly { id: number; name: string }[];
  streets: readonly { id: number; name: string; neighbourhoodId: number }[];
  /** The counted respondents, in columns laid out for this instrument (respondent-table.ts). */
  respondents: RespondentTable;
  /** The straatladder's answers, when the study asks it. */
  streetLadder?: { rungs: number; answers: readonly PlacedStreetLadderAnswer[] };
}

export interface UnitResult {
  figures: UnitFigures;
  startingPoints: StartingPointsResult;
  /** Who answered (study, neighbourhoods and street units; not for groups of residents). */
  profile?: UnitProfile;
  /** Cronbach's alpha per theme in this unit (not for groups of residents); none where fewer than the minimum answered a theme in full. */
  reliability?: ReliabilityResult[];
}

export interface StreetResult {
  streetId: number;
  name: string;
  neighbourhoodId: number;
  /** Where this street's figures are: its own unit, or the neighbourhood's combined small streets. */
  reportedAs: 'street' | 'combined';
  /**
   * How many respondents the street has, shown or not: for the check across
   * published versions (version-differencing.ts) only, never printed for readers.
   */
  respondents: number;
  result: Disclosed<UnitResult>;
  /** Street × group figures per background variable (never origin); empty unless the street is shown on its own. */
  groups: { variable: string; categories: GroupCategoryResult[] }[];
}

export type GroupCategoryResult = CategoryResult<UnitResult>;

export interface AnalysisResult {
  instrument: { id: string; version: number };
  minReportSize: number;
  study: Disclosed<UnitResult>;
  neighbourhoods: { neighbourhoodId: number; name: string; result: Disclosed<UnitResult> }[];
  streets: StreetResult[];
  /** Per neighbourhood its small streets together; `host` is the street with figures of its own they were merged into (mergeSmallStreets). */
  combinedUnits: { neighbourhoodId: number; streetIds: number[]; host?: number; result: Disclosed<UnitResult> }[];
  groups: { variable: string; categories: GroupCategoryResult[] }[];
  reliability: ReliabilityResult[];
  /** Street types of the streets shown on their own, by their weighted gaps per dimension. */
  streetTypes: StreetTypesResult;
  streetLadder?: StreetLadderUnits;
}

export function analyseStudy(data: StudyData): AnalysisResult {
  const { instrument, minReportSize } = data;
  const thresholds = instrument.thresholds;
  if (!thresholds) throw new Error('analyseStudy requires an instrument with analysis thresholds');
  const model = gapModelOf(instrument);
  const table = data.respondents;
  // The gap model, the profile and the groups read the table's columns by position: its layout must be this instrument's.
  if (JSON.stringify(table.layout) !== JSON.stringify(tableLayoutOf(instrument))) {
    throw new Error(`analyseStudy: the respondent table is not laid out for ${instrument.id} version ${instrument.version}`);
  }
  const questionCount = table.layout.questions.length;
  // Every unit keeps its sums and figures in ranges of a few large arrays (float-arena.ts).
  const arenas = { sums: new Float64Arena(), figures: new Float64Arena() };

  const groupItems = instrument.items.filter((item) => item.kind === 'choice' && item.groupVariable);
  const groupVariables = groupItems.map((item) => item.id);
  const groupColumns = groupVariables.map((id) => table.layout.questions.findIndex((question) => question.id === id));
  // Background variables are crossed with streets (street-groups.ts), special categories never: those are summed here.
  const isSpecial = groupItems.map((item) => item.kind === 'choice' && item.specialCategory);
  const streetGroups = new StreetGroupAccumulator(
    groupItems.flatMap((item, index) => (item.kind === 'choice' && !isSpecial[index]
      ? [{ id: item.id, values: instrument.scales[item.scale]!.points.length, column: groupColumns[index]! }] : [])),
    model, minReportSize, arenas);
  const specialIndexes = groupVariables.flatMap((_, index) => (isSpecial[index] ? [index] : []));

  const respondentsPerStreet = new Map<number, number>();
  for (let row = 0; row < table.size; row++) {
    const streetId = table.streetIds[row]!;
    respondentsPerStreet.set(streetId, (respondentsPerStreet.get(streetId) ?? 0) + 1);
    streetGroups.count(table, row);
  }
  const units = mergeSmallStreets(data.streets.map((street) => ({
    streetId: street.id, neighbourhoodId: street.neighbourhoodId, respondents: respondentsPerStreet.get(street.id) ?? 0,
  })), minReportSize);
  const unitOfStreet = new Map(units.flatMap((unit) => (unit.kind === 'street' ? [[unit.streetId, unit.id]] : unit.streetIds.map((id) => [id, unit.id] as [number, string]))));
  const visibility = decideVisibility(reportingTree(units), minReportSize);
  const unitSizes = units.map((unit) => ({ id: unit.id, n: unit.n, visibility: visibility.get(unit.id) ?? 'below-minimum' as Visibility, combined: unit.kind === 'combined' }));
  streetGroups.plan(unitSizes, unitOfStreet);

  // One pass over the respondents fills the street units (with items), the
  // groups and the street × group cells; neighbourhoods and the study are then
  // the sums of their street units (UnitAccumulator.merge).
  const profileModel = profileModelOf(instrument);
  const newUnit = (neighbourhoodId: number): UnitAccumulators => ({
    scores: new UnitAccumulator(model, { arenas }), profile: new ProfileAccumulator(profileModel), reliability: new ReliabilityAccumulator(model), neighbourhoodId,
  });
  const byUnit = new Map<string, UnitAccumulators>();
  for (const unit of units) byUnit.set(unit.id, newUnit(unit.neighbourhoodId));
  // Per special-category variable, an accumulator per answer value (index = value), made when the value first occurs.
  const specialAccumulators: (UnitAccumulator | undefined)[][] = groupVariables.map(() => []);

  const scores = new RespondentScores(model);
  // Where a listed street's respondents go, looked up once per street: its unit and its street × group cells.
  const places = new Map<number, { unit: UnitAccumulators; cells: StreetCells | undefined }>();
  for (let row = 0; row < table.size; row++) {
    scoreRespondent(table, row, model, scores);
    const streetId = table.streetIds[row]!;
    let place = places.get(streetId);
    if (!place) {
      const unitId = unitOfStreet.get(streetId);
      if (unitId !== undefined) places.set(streetId, (place = { unit: byUnit.get(unitId)!, cells: streetGroups.cellsOf(unitId) }));
    }
    // A respondent of a street the study does not list still counts for the neighbourhood and the study.
    const neighbourhoodId = table.neighbourhoodIds[row]!;
    let unit = place?.unit ?? byUnit.get(`outside:${neighbourhoodId}`);
    if (!unit) byUnit.set(`outside:${neighbourhoodId}`, (unit = newUnit(neighbourhoodId)));
    unit.scores.add(scores);
    unit.profile.add(table, row);
    unit.reliability.add(scores);
    streetGroups.add(table, row, place?.cells, scores);
    for (const index of specialIndexes) {
      const value = table.questions[row * questionCount + groupColumns[index]!]!;
      if (value === 0) continue;
      const categories = specialAccumulators[index]!;
      (categories[value] ??= new UnitAccumulator(model, { withItems: false, arenas })).add(scores);
    }
  }
  const crossedTotals = streetGroups.categoryTotals();
  const groupAccumulators = groupVariables.map((variable, index) => crossedTotals.get(variable) ?? specialAccumulators[index]!);
  const study = newUnit(0);
  const byNeighbourhood = new Map<number, UnitAccumulators>();
  for (const unit of byUnit.values()) {
    let neighbourhood = byNeighbourhood.get(unit.neighbourhoodId);
    if (!neighbourhood) byNeighbourhood.set(unit.neighbourhoodId, (neighbourhood = newUnit(unit.neighbourhoodId)));
    neighbourhood.scores.merge(unit.scores);
    neighbourhood.profile.merge(unit.profile);
    neighbourhood.reliability.merge(unit.reliability);
  }
  for (const neighbourhood of byNeighbourhood.values()) {
    study.scores.merge(neighbourhood.scores);
    study.profile.merge(neighbourhood.profile);
    study.reliability.merge(neighbourhood.reliability);
  }

  // A figure left out of one unit must not follow from its neighbourhood's and the other units' (figure-suppression.ts).
  const shownKey = (key: string) => visibility.get(key) === 'shown';
  const withheld = withheldFigures({
    ids: study.scores.figureIds(),
    study: { key: 'study', shown: shownKey('study'), answered: study.scores.answered() },
    neighbourhoods: [...byNeighbourhood].map(([id, neighbourhood]) => ({
      node: { key: `neighbourhood:${id}`, shown: shownKey(`neighbourhood:${id}`), answered: neighbourhood.scores.answered() },
      units: units.filter((unit) => unit.neighbourhoodId === id).map((unit) => ({ key: unit.id, shown: shownKey(unit.id), answered: byUnit.get(unit.id)!.scores.answered() })),
    })),
  }, minReportSize);

  // Figures are computed only for shown units.
  // Street profiles never show special categories (origin); the study's and neighbourhoods' do.
  type Gathered = {
    accumulator: UnitAccumulator | undefined;
    profile: { of: ProfileAccumulator | undefined; street: boolean; reliability?: ReliabilityAccumulator } | undefined;
    withheld: ReadonlySet<string> | undefined;
  };
  const unitResultOf = ({ accumulator, profile, withheld: left }: Gathered): UnitResult => {
    // A theme or item answered by fewer than the minimum has no figures, also in a unit that is shown.
    const figures = (accumulator ?? new UnitAccumulator(model, { arenas })).toFigures(minReportSize, left);
    const result: UnitResult = { figures, startingPoints: findStartingPoints(figures.dimensions.needs(thresholds.startingPointWeightedGap), thresholds) };
    if (profile) result.profile = (profile.of ?? new ProfileAccumulator(profileModel)).toProfile({ withSpecialCategories: !profile.street, minReportSize });
    if (profile?.reliability) result.reliability = profile.reliability.results(thresholds, minReportSize);
    return result;
  };
  const resultOf = (accumulator: UnitAccumulator | undefined, state: Visibility, profile?: Gathered['profile'], key?: string, left?: ReadonlySet<string>): Disclosed<UnitResult> =>
    discloseWith(accumulator?.respondents ?? 0, state, unitResultOf, { accumulator, profile, withheld: left ?? (key === undefined ? undefined : withheld.get(key)) });
  // A street unit's result, made once: the streets of a combined unit share it.
  const unitResults = new Map(units.map((unit) => [unit.id, resultOf(byUnit.get(unit.id)?.scores, visibility.get(unit.id) ?? 'below-minimum', { of: byUnit.get(unit.id)?.profile, street: true, reliability: byUnit.get(unit.id)?.reliability ?? new ReliabilityAccumulator(model) }, unit.id)]));
  const byGroup = new Map(groupVariables.map((variable, index) => [variable,
    new Map(groupAccumulators[index]!.flatMap((accumulator, value) => (accumulator ? [[value, accumulator] as const] : [])))]));
  // Per figure, the study's n: a group's dropped theme must not follow from the study's and the other groups' (figure-suppression.ts).
  const studyCounts = study.scores.answered();
  const studyAnswered = new Map(study.scores.figureIds().map((id, index) => [id, studyCounts[index]!] as const));
  const groups = groupVariables.map((variable) => ({
    variable, categories: groupCategories(byGroup.get(variable)!, study.scores.respondents, minReportSize, resultOf, { answered: studyAnswered, shown: visibility.get('study') === 'shown' }),
  }));
  const studyCategories = new Map(groups.map((group) => [group.variable, new Map(group.categories.map((category) => [
    category.value, { n: byGroup.get(group.variable)!.get(category.value)!.respondents, visibility: category.result.kind === 'shown' ? 'shown' as const : category.result.reason },
  ]))]));
  const groupsPerUnit = streetGroups.results(unitSizes, studyCategories, resultOf);

  const neighbourhoods = data.neighbourhoods.map((neighbourhood) => ({
    neighbourhoodId: neighbourhood.id,
    name: neighbourhood.name,
    result: resultOf(byNeighbourhood.get(neighbourhood.id)?.scores, visibility.get(`neighbourhood:${neighbourhood.id}`) ?? 'below-minimum',
      { of: byNeighbourhood.get(neighbourhood.id)?.profile, street: false, reliability: byNeighbourhood.get(neighbourhood.id)?.reliability ?? new ReliabilityAccumulator(model) },
      `neighbourhood:${neighbourhood.id}`),
  }));
  // A street unit's printable category counts must not give a small remainder of its neighbourhood's away (category-linking.ts).
  const profileOf = (unit: Disclosed<UnitResult> | undefined) => (unit?.kind === 'shown' ? unit.figures.profile : undefined);
  for (const neighbourhood of neighbourhoods) {
    protectAcrossUnits(profileOf(neighbourhood.result), units.filter((unit) => unit.neighbourhoodId === neighbourhood.neighbourhoodId).map((unit) => profileOf(unitResults.get(unit.id))));
  }

  return {
    instrument: { id: instrument.id, version: instrument.version },
    minReportSize,
    study: resultOf(study.scores, visibility.get('study') ?? 'below-minimum', { of: study.profile, street: false, reliability: study.reliability }, 'study'),
    neighbourhoods,
    streets: data.streets.map((street) => {
      const unitId = unitOfStreet.get(street.id)!;
      return {
        streetId: street.id, name: street.name, neighbourhoodId: street.neighbourhoodId,
        reportedAs: unitId.startsWith('combined') ? 'combined' as const : 'street' as const,
        respondents: respondentsPerStreet.get(street.id) ?? 0,
        result: unitResults.get(unitId)!,
        groups: groupsPerUnit.get(unitId) ?? [],
      };
    }),
    combinedUnits: units.filter((unit) => unit.kind === 'combined').map((unit) => ({
      neighbourhoodId: unit.neighbourhoodId, streetIds: unit.streetIds, ...(unit.host === undefined ? {} : { host: unit.host }), result: unitResults.get(unit.id)!,
    })),
    groups,
    // The study's alpha, from every unit's sums (exact: integer answers); with two complete respondents enough.
    reliability: study.reliability.results(thresholds),
    streetTypes: findStreetTypes(units.flatMap((unit) => {
      const result = unitResults.get(unit.id)!;
      if (unit.kind !== 'street' || result.kind !== 'shown') return [];
      const needs = result.figures.figures.dimensions.needs();
      return [{ streetId: unit.streetId, profile: model.dimensions.map((dimension) => needs.find((need) => need.dimension === dimension.id)?.weightedGap ?? 0) }];
    }), model.dimensions.map((dimension) => dimension.id)),
    streetLadder: data.streetLadder && streetLadderUnits(data.streetLadder.answers, data.streetLadder.rungs, units, unitOfStreet, data.neighbourhoods.map((neighbourhood) => neighbourhood.id), minReportSize),
  };
}

/** What is gathered per unit in the main pass: the scores and who answered. */
interface UnitAccumulators {
  scores: UnitAccumulator;
  profile: ProfileAccumulator;
  reliability: ReliabilityAccumulator;
  neighbourhoodId: number;
}

/**
 * The categories of one group variable, protected like streets: the study total
 * is shown, so the categories (and the respondents who gave no answer) form
 * the parts whose hidden members must not be recoverable by subtraction.
 */
function groupCategories(
  categories: Map<number, UnitAccumulator>, studyRespondents: number, minReportSize: number,
  resultOf: (accumulator: UnitAccumulator | undefined, state: Visibility, profile?: undefined, key?: string, withheld?: ReadonlySet<string>) => Disclosed<UnitResult>,
  study: { answered: ReadonlyMap<string, number>; shown: boolean },
): GroupCategoryResult[] {
  const answered = [...categories.values()].reduce((total, accumulator) => total + accumulator.respondents, 0);
  const tree: ReportingNode = {
    id: 'study', n: studyRespondents,
    children: [...[...categories].map(([value, accumulator]) => ({ id: `category:${value}`, n: accumulator.respondents, children: [] })),
      // Respondents without an answer are never shown as a group: a hidden part of the total.
      { id: 'no-answer', n: studyRespondents - answered, children: [] }],
  };
  const visibility = decideVisibility(tree, minReportSize, new Set(['no-answer']));
  // The groups' figures add up to the study's (with the "no answer" part, never shown): a theme left out of one group
  // is left out of the smallest other too, where the rest would give it away. The study's own figures stay.
  const ids = [...categories.values()][0]?.figureIds() ?? [];
  const parts = [...categories].map(([value, accumulator]) => ({ key: `category:${value}`, shown: visibility.get(`category:${value}`) === 'shown', answered: accumulator.answered() }));
  const noAnswer = { key: 'no-answer', shown: false, answered: ids.map((id, index) => (study.answered.get(id) ?? 0) - parts.reduce((total, part) => total + part.answered[index]!, 0)) };
  const withheld = withheldFigures({
    ids, study: { key: 'outside', shown: false, answered: [] },
    neighbourhoods: [{ node: { key: 'study', shown: study.shown, answered: ids.map((id) => study.answered.get(id) ?? 0) }, units: [...parts, noAnswer] }],
  }, minReportSize);
  return [...categories].sort(([a], [b]) => a - b).map(([value, accumulator]) => ({
    value,
    count: discloseCount(accumulator.respondents),
    result: resultOf(accumulator, visibility.get(`category:${value}`)!, undefined, undefined, withheld.get(`category:${value}`)),
  }));
}
