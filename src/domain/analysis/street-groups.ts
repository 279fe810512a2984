/**
 * Street × group units: the residents of one street in one category of a
 * background variable (for example the 75-plussers of the Rozenstraat),
 * summarised per dimension (instruments.md, "Computations": units include
 * street × group).
 *
 * - Special-category variables (origin, GDPR art. 9) are never crossed with a
 *   street: they are left out here by construction.
 * - Only street units shown on their own get street × group figures; a cell
 *   under the minimum reporting size is suppressed, and linked-suppression.ts
 *   hides more cells where a hidden one could be recovered from the street's
 *   total or from the study's figure for that category.
 * - Respondents are counted per cell before the main pass, so accumulators are
 *   made only for cells that can be shown: the work stays linear and small.
 */
import type { GapModel, RespondentAnswers, RespondentScores } from './respondent-scores';
import { discloseCount, type DisclosedCount, type Disclosed, type Visibility } from './disclosure-control';
import { protectLinkedCells, type LinkedConstraint, type LinkedNode } from './linked-suppression';
import { UnitAccumulator } from './unit-summary';

export interface GroupVariable {
  id: string;
  /** Number of answer values, 1..values. */
  values: number;
}

export interface CategoryResult<T> {
  value: number;
  count: DisclosedCount;
  result: Disclosed<T>;
}

export interface StreetUnitSize {
  id: string;
  n: number;
  visibility: Visibility;
  /** A combined unit of small streets gets no street × group figures. */
  combined: boolean;
}

export class StreetGroupAccumulator {
  private readonly offsets: number[];
  private readonly width: number;
  private readonly countsPerStreet = new Map<number, Int32Array>();
  private readonly countsPerUnit = new Map<string, Int32Array>();
  private readonly cells = new Map<string, (UnitAccumulator | undefined)[]>();

  constructor(private readonly variables: readonly GroupVariable[], private readonly model: GapModel, private readonly minReportSize: number) {
    let offset = 0;
    this.offsets = variables.map((variable) => { const start = offset; offset += variable.values; return start; });
    this.width = offset;
  }

  private index(variable: number, respondent: RespondentAnswers): number {
    const value = respondent.background[this.variables[variable]!.id];
    return value === undefined || value === null ? -1 : this.offsets[variable]! + value - 1;
  }

  /** First pass: count the respondent in their street's cells. */
  count(respondent: RespondentAnswers): void {
    let counts = this.countsPerStreet.get(respondent.streetId);
    if (!counts) this.countsPerStreet.set(respondent.streetId, (counts = new Int32Array(this.width)));
    for (let variable = 0; variable < this.variables.length; variable++) {
      const index = this.index(variable, respondent);
      if (index >= 0) counts[index]! += 1;
    }
  }

  /** Between the passes: add up the streets' counts per unit and make accumulators for the cells that can be shown. */
  plan(units: readonly StreetUnitSize[], unitOfStreet: ReadonlyMap<number, string>): void {
    for (const [streetId, counts] of this.countsPerStreet) {
      const unitId = unitOfStreet.get(streetId);
      if (unitId === undefined) continue;
      let total = this.countsPerUnit.get(unitId);
      if (!total) this.countsPerUnit.set(unitId, (total = new Int32Array(this.width)));
      for (let index = 0; index < this.width; index++) total[index]! += counts[index]!;
    }
    for (const unit of units) {
      const counts = this.countsPerUnit.get(unit.id);
      if (unit.combined || unit.visibility !== 'shown' || !counts) continue;
      this.cells.set(unit.id, Array.from(counts, (n) => (n >= this.minReportSize ? new UnitAccumulator(this.model, { withItems: false }) : undefined)));
    }
  }

  /** Second pass: add the respondent's scores to their cells. */
  add(respondent: RespondentAnswers, unitId: string, scores: RespondentScores): void {
    const cells = this.cells.get(unitId);
    if (!cells) return;
    for (let variable = 0; variable < this.variables.length; variable++) {
      const index = this.index(variable, respondent);
      if (index >= 0) cells[index]?.add(scores);
    }
  }

  /**
   * The categories per variable for each shown street unit. `studyCategories`
   * gives, per variable, each category's study-wide size and visibility: the
   * column totals the cells must not be recoverable from.
   */
  results<T>(
    units: readonly StreetUnitSize[],
    studyCategories: ReadonlyMap<string, ReadonlyMap<number, { n: number; visibility: Visibility }>>,
    resultOf: (accumulator: UnitAccumulator | undefined, visibility: Visibility) => Disclosed<T>,
  ): Map<string, { variable: string; categories: CategoryResult<T>[] }[]> {
    const results = new Map<string, { variable: string; categories: CategoryResult<T>[] }[]>();
    this.variables.forEach((variable, variableIndex) => {
      const nodes = new Map<string, LinkedNode>();
      const constraints: LinkedConstraint[] = [];
      const columns = new Map<number, string[]>();
      const cellId = (unitId: string, value: number) => `${unitId}|${value}`;
      for (const unit of units) {
        const counts = this.countsPerUnit.get(unit.id) ?? new Int32Array(this.width);
        const parts: string[] = [];
        let answered = 0;
        for (let value = 1; value <= variable.values; value++) {
          const n = counts[this.offsets[variableIndex]! + value - 1]!;
          answered += n;
          const visible = this.cells.get(unit.id)?.[this.offsets[variableIndex]! + value - 1] !== undefined;
          nodes.set(cellId(unit.id, value), { n, cell: true, visibility: visible ? 'shown' : n < this.minReportSize ? 'below-minimum' : 'complementary' });
          parts.push(cellId(unit.id, value));
          const column = columns.get(value);
          if (column) column.push(cellId(unit.id, value));
          else columns.set(value, [cellId(unit.id, value)]);
        }
        nodes.set(cellId(unit.id, 0), { n: unit.n - answered, cell: true, visibility: 'not-reported' });
        nodes.set(unit.id, { n: unit.n, cell: false, visibility: unit.visibility });
        constraints.push({ total: unit.id, parts: [...parts, cellId(unit.id, 0)] });
      }
      for (const [value, parts] of columns) {
        const category = studyCategories.get(variable.id)?.get(value) ?? { n: 0, visibility: 'below-minimum' as const };
        nodes.set(`category|${value}`, { n: category.n, cell: false, visibility: category.visibility });
        constraints.push({ total: `category|${value}`, parts });
      }
      protectLinkedCells(nodes, constraints);

      for (const unit of units) {
        const accumulators = this.cells.get(unit.id);
        if (!accumulators) continue;
        const categories: CategoryResult<T>[] = [];
        for (let value = 1; value <= variable.values; value++) {
          const node = nodes.get(cellId(unit.id, value))!;
          if (node.n === 0) continue;
          categories.push({ value, count: discloseCount(node.n), result: resultOf(accumulators[this.offsets[variableIndex]! + value - 1], node.visibility) });
        }
        results.set(unit.id, [...(results.get(unit.id) ?? []), { variable: variable.id, categories }]);
      }
    });
    return results;
  }
}
