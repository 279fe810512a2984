/**
 * Background-category counts across units (instruments.md, "Disclosure
 * control": counts under 5 must stay unknown from everything a reader sees
 * together). A neighbourhood's profile prints, per answer, a count (as a
 * percentage of its answers); a street unit's rule rationale may print the
 * share of its residents with that answer ("45% woont alleen"). The
 * neighbourhood's count minus the counts its street units print gives the
 * count of the units that print none: the small or hidden streets.
 *
 * Per question and answer whose neighbourhood count k is printed: with every
 * shown unit's count c_u that could be printed (at least 5, not protected in
 * the unit's own profile), the remainder
 *
 *   R = k − Σ c_u
 *
 * must be 0 or at least 5. Where it is 1 to 4, the unit with the smallest such
 * count is protected as well (its rationale then says "een deel"), which makes
 * R at least 5. Rationales print only some of these shares, so counting all of
 * them is the worst case for the reader, and safe.
 *
 * @example
 * // neighbourhood: 22 live alone; streets print 11 and 8; the small streets together hold 3
 * // R = 22 − 11 − 8 = 3 → protect the 8: R = 11
 */
import type { UnitProfile } from './respondent-profile.js';
import { smallCountBelow } from './disclosure-control.js';

/** Protects, in the street units' profiles, the counts that would give a small remainder of the neighbourhood's away. */
export function protectAcrossUnits(neighbourhood: UnitProfile | undefined, units: readonly (UnitProfile | undefined)[]): void {
  if (!neighbourhood) return;
  for (const [question, { disclosed }] of neighbourhood.questions) {
    if (disclosed.kind !== 'shown') continue;
    disclosed.cells.forEach((cell, index) => {
      if (cell.kind !== 'count') return;
      const printable = units.flatMap((unit) => {
        const own = unit?.questions.get(question)?.disclosed;
        const unitCell = own?.kind === 'shown' ? own.cells[index] : undefined;
        return own?.kind === 'shown' && unitCell?.kind === 'count' && unitCell.n >= smallCountBelow ? [{ cells: own.cells, n: unitCell.n }] : [];
      });
      const remainder = cell.n - printable.reduce((total, unit) => total + unit.n, 0);
      if (remainder <= 0 || remainder >= smallCountBelow) return;
      const smallest = printable.sort((a, b) => a.n - b.n)[0];
      if (smallest) smallest.cells[index] = { kind: 'protected' };
    });
  }
}
