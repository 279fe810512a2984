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
 * - The same pass gives the groups of residents study-wide: an answer that
 *   falls in no shown cell goes to the rest of its category, so each answer is
 *   added once, and a category's study figure is its rest plus its cells.
 */
import type { GapModel, RespondentScores } from './respondent-scores.js';
import type { RespondentTable } from './respondent-table.js';
import { discloseCount, type DisclosedCount, type Disclosed, type Visibility } from './disclosure-control.js';
import { protectLinkedCells, type LinkedConstraint, type LinkedNode } from './linked-suppression.js';
import type { Float64Arena } from './float-arena.js';
import { UnitAccumulator } from './unit-summary.js';

export interface GroupVariable {
  id: string;
  /** Number of answer values, 1..values. */
  values: number;
  /** The variable's column among the respondent table's questions. */
  column: number;
}

export interface CategoryResult<T> {
  value: number;
  count: DisclosedCount;
  result: Disclosed<T>;
}

/** The cells of one street unit, by variable offset + value − 1. */
export type StreetCells = readonly (UnitAccumulator | undefined)[];

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
  private readonly cells = new Map<string, StreetCells>();
  /** Per category (offset + value − 1), the answers that fell in no shown cell. */
  private readonly rest: (UnitAccumulator | undefined)[] = [];

  constructor(
    private readonly variables: readonly GroupVariable[], private readonly model: GapModel, private readonly minReportSize: number,
    private readonly arenas?: { sums: Float64Arena; figures: Float64Arena },
  ) {
    let offset = 0;
    this.offsets = variables.map((variable) => { const start = offset; offset += variable.values; return start; });
    this.width = offset;
  }

  /** The cell of row `row`'s answer to variable `variable`, or −1 when not answered. */
  private index(variable: number, table: RespondentTable, row: number): number {
    const value = table.questions[row * table.layout.questions.length + this.variables[variable]!.column]!;
    return value === 0 ? -1 : this.offsets[variable]! + value - 1;
  }

  /** First pass: count row `row` in its street's cells. */
  count(table: RespondentTable, row: number): void {
    const streetId = table.streetIds[row]!;
    let counts = this.countsPerStreet.get(streetId);
    if (!counts) this.countsPerStreet.set(streetId, (counts = new Int32Array(this.width)));
    for (let variable = 0; variable < this.variables.length; variable++) {
      const index = this.index(variable, table, row);
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
      this.cells.set(unit.id, Array.from(counts, (n) => (n >= this.minReportSize ? this.newAccumulator() : undefined)));
    }
  }

  /** A shown street unit's cells (one per answer value of each variable; undefined where too small to show). */
  cellsOf(unitId: string): StreetCells | undefined {
    return this.cells.get(unitId);
  }

  /**
   * Second pass: add row `row`'s scores to its street unit's cell for each
   * variable it answered, or, where there is no such cell (a cell too small to
   * show, a combined or hidden unit, a street the study does not list), to the
   * rest of that category. Each answer is added once; the study's figure per
   * category is then the sum of its cells and its rest (categoryTotals).
   */
  add(table: RespondentTable, row: number, cells: StreetCells | undefined, scores: RespondentScores): void {
    for (let variable = 0; variable < this.variables.length; variable++) {
      const index = this.index(variable, table, row);
      if (index < 0) continue;
      const cell = cells?.[index];
      if (cell) cell.add(scores);
      else (this.rest[index] ??= this.newAccumulator()).add(scores);
    }
  }

  /** Per variable, the study's accumulator per answer value (index = value; undefined where nobody gave it): rest plus cells. */
  categoryTotals(): Map<string, (UnitAccumulator | undefined)[]> {
    const totals = new Map<string, (UnitAccumulator | undefined)[]>();
    this.variables.forEach((variable, variableIndex) => {
      const byValue: (UnitAccumulator | undefined)[] = [];
      for (let value = 1; value <= variable.values; value++) {
        const index = this.offsets[variableIndex]! + value - 1;
        const total = this.newAccumulator();
        const rest = this.rest[index];
        if (rest) total.merge(rest);
        for (const cells of this.cells.values()) {
          const cell = cells[index];
          if (cell) total.merge(cell);
        }
        if (total.respondents > 0) byValue[value] = total;
      }
      totals.set(variable.id, byValue);
    });
    return totals;
  }

  private newAccumulator(): UnitAccumulator {
    return new UnitAccumulator(this.model, { withItems: false, ...(this.arenas ? { arenas: this.arenas } : {}) });
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
    // Node ids are numbers: cell (unit u, value v) is u × stride + v (v = 0: no answer); a unit's total is
    // totalsAt + u, a category's study total categoriesAt + v.
    const stride = Math.max(...this.variables.map((variable) => variable.values)) + 1;
    const totalsAt = units.length * stride;
    const categoriesAt = totalsAt + units.length;
    this.variables.forEach((variable, variableIndex) => {
      const offset = this.offsets[variableIndex]!;
      const nodes = new Map<number, LinkedNode>();
      const constraints: LinkedConstraint<number>[] = [];
      const columns = Array.from({ length: variable.values + 1 }, () => [] as number[]);
      units.forEach((unit, unitIndex) => {
        const counts = this.countsPerUnit.get(unit.id) ?? new Int32Array(this.width);
        const cells = this.cells.get(unit.id);
        const parts: number[] = [];
        let answered = 0;
        for (let value = 1; value <= variable.values; value++) {
          const n = counts[offset + value - 1]!;
          answered += n;
          const visible = cells?.[offset + value - 1] !== undefined;
          const id = unitIndex * stride + value;
          nodes.set(id, { n, cell: true, visibility: visible ? 'shown' : n < this.minReportSize ? 'below-minimum' : 'complementary' });
          parts.push(id);
          columns[value]!.push(id);
        }
        // No answer is never printed; only a small one needs cover.
        nodes.set(unitIndex * stride, { n: unit.n - answered, cell: true, visibility: 'not-reported', mayBeWorkedOut: unit.n - answered >= this.minReportSize });
        nodes.set(totalsAt + unitIndex, { n: unit.n, cell: false, visibility: unit.visibility });
        parts.push(unitIndex * stride);
        constraints.push({ total: totalsAt + unitIndex, parts });
      });
      for (let value = 1; value <= variable.values; value++) {
        const category = studyCategories.get(variable.id)?.get(value) ?? { n: 0, visibility: 'below-minimum' as const };
        nodes.set(categoriesAt + value, { n: category.n, cell: false, visibility: category.visibility });
        constraints.push({ total: categoriesAt + value, parts: columns[value]! });
      }
      protectLinkedCells(nodes, constraints);

      units.forEach((unit, unitIndex) => {
        const accumulators = this.cells.get(unit.id);
        if (!accumulators) return;
        const categories: CategoryResult<T>[] = [];
        for (let value = 1; value <= variable.values; value++) {
          const node = nodes.get(unitIndex * stride + value)!;
          if (node.n === 0) continue;
          categories.push({ value, count: discloseCount(node.n), result: resultOf(accumulators[offset + value - 1], node.visibility) });
        }
        let list = results.get(unit.id);
        if (!list) results.set(unit.id, (list = []));
        list.push({ variable: variable.id, categories });
      });
    });
    return results;
  }
}
