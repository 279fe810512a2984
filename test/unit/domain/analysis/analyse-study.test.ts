import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseStudy, type AnalysisResult, type UnitResult } from '../../../../src/domain/analysis/analyse-study';
import { respondentTableOf } from '../../../../src/domain/analysis/respondent-table';
import { analyseRecords } from '../../../helpers/analysis';
import type { Disclosed } from '../../../../src/domain/analysis/disclosure-control';
import type { Instrument } from '../../../../src/domain/instrument';
import { generateStudy, type StreetCharacter } from '../../../../src/synthetic/generate-study';
import { instruments } from '../../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;

function startingPointsOf(result: Disclosed<UnitResult>): string[] | 'suppressed' {
  if (result.kind === 'suppressed') return 'suppressed';
  return result.figures.startingPoints.kind === 'no-need' ? [] : result.figures.startingPoints.ranked.map((point) => point.dimension);
}

function analyse(characters: StreetCharacter[], respondents = 20, seed = 7, minReportSize = 10): AnalysisResult {
  const study = generateStudy(contactladder, {
    seed, neighbourhoods: [{ name: 'Bloemenbuurt', streets: characters.map((character, index) => ({ name: `Straat ${index + 1}`, character, respondents })) }],
  });
  return analyseRecords(contactladder, minReportSize, { ...study });
}

describe('analyseStudy on a synthetic study of known streets', () => {
  it('finds exactly the characters the streets were made with', () => {
    const result = analyse(['wants-mutual-help', 'quiet-content', 'much-annoyance', 'ordinary']);
    expect(result.streets.map((street) => startingPointsOf(street.result))).toEqual([['mutual-help'], [], ['negative-contacts'], []]);
  });

  it('reports the study, its neighbourhood and its streets, indicative under 30 respondents', () => {
    const result = analyse(['ordinary', 'ordinary'], 20);
    expect(result.study).toMatchObject({ kind: 'shown', n: 40, indicative: false });
    expect(result.streets[0]!.result).toMatchObject({ kind: 'shown', n: 20, indicative: true });
  });

  it('merges small streets, and merges them into the smallest street with figures of its own when they are too few together', () => {
    const study = generateStudy(contactladder, { seed: 3, neighbourhoods: [{ name: 'N', streets: [
      { name: 'Groot', character: 'ordinary', respondents: 25 }, { name: 'Middel', character: 'ordinary', respondents: 14 }, { name: 'Klein', character: 'ordinary', respondents: 6 },
    ] }] });
    const result = analyseRecords(contactladder, 10, { ...study });
    // Klein alone (6) is under the minimum; hiding it would have hidden Middel too. Now Middel and Klein are one unit of 20.
    expect(result.streets.map((street) => [street.name, street.reportedAs, street.result.kind === 'shown' ? street.result.n : street.result.reason])).toEqual([
      ['Groot', 'street', 25], ['Middel', 'combined', 20], ['Klein', 'combined', 20],
    ]);
    expect(result.combinedUnits.map((unit) => [unit.streetIds, unit.host])).toEqual([[[2, 3], 2]]);
    expect(result.neighbourhoods[0]!.result.kind).toBe('shown');
  });

  it('shows no figure for a study under the minimum reporting size', () => {
    const result = analyse(['ordinary'], 8);
    expect(result.study).toEqual({ kind: 'suppressed', reason: 'below-minimum' });
    expect(JSON.stringify(result)).not.toMatch(/"figures"/);
  });

  it('compares groups of residents per dimension, counting small categories as "< 5"', () => {
    const result = analyse(['ordinary', 'ordinary', 'ordinary'], 30);
    const age = result.groups.find((group) => group.variable === 'age-class')!;
    expect(age.categories.map((category) => category.value)).toEqual([1, 2, 3, 4, 5]);
    const shown = age.categories.filter((category) => category.result.kind === 'shown');
    expect(shown.length).toBeGreaterThan(0);
    for (const category of shown) {
      expect(category.result.kind === 'shown' && category.result.figures.figures.items.size).toBe(0);
      expect(category.result.kind === 'shown' && category.result.figures.figures.dimensions.size).toBeGreaterThan(0);
    }
  });

  it('computes reliability per dimension for actual and desired answers', () => {
    const result = analyse(['wants-mutual-help', 'ordinary', 'much-annoyance'], 30);
    expect(result.reliability.map((entry) => entry.dimension)).toEqual(['negative-contacts', 'mutual-help', 'attachment', 'living-together', 'surface-contact']);
    for (const entry of result.reliability) expect(entry.actual.kind).toBe('value');
  });

  it('refuses respondents laid out for another instrument, whose columns it would misread', () => {
    const study = generateStudy(contactladder, { seed: 2, neighbourhoods: [{ name: 'N', streets: [{ name: 'A', character: 'ordinary', respondents: 12 }] }] });
    const straatladder = instruments.get('straatladder', 1) as Instrument;
    expect(() => analyseStudy({ instrument: contactladder, minReportSize: 10, ...study, respondents: respondentTableOf(straatladder, []) }))
      .toThrow(/not laid out for contactladder version 1/);
  });

  it('is the same whatever the order of respondents', () => {
    const study = generateStudy(contactladder, { seed: 11, neighbourhoods: [{ name: 'N', streets: [{ name: 'A', character: 'ordinary', respondents: 15 }, { name: 'B', character: 'wants-mutual-help', respondents: 15 }] }] });
    const forwards = analyseRecords(contactladder, 10, { ...study });
    const backwards = analyseRecords(contactladder, 10, { ...study, respondents: [...study.respondents].reverse() });
    const rounded = (result: AnalysisResult) => JSON.parse(JSON.stringify(result, (_key, value) =>
      value instanceof Map ? Object.fromEntries(value) : typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value));
    expect(rounded(backwards)).toEqual(rounded(forwards));
  });

  it('adding a respondent to a street changes the figures of only that street, its neighbourhood and the study', () => {
    const study = generateStudy(contactladder, { seed: 5, neighbourhoods: [
      { name: 'N1', streets: [{ name: 'A', character: 'ordinary', respondents: 12 }, { name: 'B', character: 'wants-mutual-help', respondents: 12 }] },
      { name: 'N2', streets: [{ name: 'C', character: 'much-annoyance', respondents: 12 }, { name: 'D', character: 'ordinary', respondents: 12 }] },
    ] });
    const serialise = (value: unknown) => JSON.stringify(value, (_key, inner) => (inner instanceof Map ? Object.fromEntries(inner) : inner));
    // Street × group cells are protected together with the study's figure per category, so another street's
    // cell may be hidden (or shown again) by complementary suppression; a cell shown before and after keeps its figures.
    const shownCells = (street: AnalysisResult['streets'][number]) => new Map(street.groups.flatMap((group) => group.categories
      .flatMap((category) => (category.result.kind === 'shown' ? [[`${group.variable}=${category.value}`, serialise(category.result)] as const] : []))));
    // In the same way a statement or theme may be withheld in a sibling street to protect the changed street's
    // (figure-suppression.ts): a figure shown before and after keeps its value.
    const shownFigures = (street: AnalysisResult['streets'][number]) => (street.result.kind !== 'shown' ? new Map<string, string>()
      : new Map([...street.result.figures.figures.items, ...street.result.figures.figures.dimensions].map(([id, figures]) => [id, serialise(figures)] as const)));
    const sameFigures = (a: AnalysisResult['streets'][number], b: AnalysisResult['streets'][number]) => {
      if (a.result.kind !== b.result.kind || (a.result.kind === 'shown' && b.result.kind === 'shown' && a.result.n !== b.result.n)) return false;
      const figuresOfB = shownFigures(b);
      const common = [...shownFigures(a)].filter(([id]) => figuresOfB.has(id));
      if (a.result.kind === 'shown' && common.length === 0) return false;
      if (!common.every(([id, figures]) => figuresOfB.get(id) === figures)) return false;
      const cellsOfB = shownCells(b);
      return [...shownCells(a)].every(([cell, figures]) => !cellsOfB.has(cell) || cellsOfB.get(cell) === figures);
    };
    const before = analyseRecords(contactladder, 10, { ...study });
    fc.assert(fc.property(fc.integer({ min: 0, max: study.respondents.length - 1 }), (index) => {
      const copy = { ...study.respondents[index]!, key: 'extra' };
      const after = analyseRecords(contactladder, 10, { ...study, respondents: [...study.respondents, copy] });
      const changedStreets = after.streets.filter((street, position) => !sameFigures(street, before.streets[position]!)).map((street) => street.streetId);
      const changedNeighbourhoods = after.neighbourhoods.filter((entry, position) => serialise(entry) !== serialise(before.neighbourhoods[position])).map((entry) => entry.neighbourhoodId);
      return serialise(changedStreets) === serialise([copy.streetId]) && serialise(changedNeighbourhoods) === serialise([copy.neighbourhoodId])
        && serialise(after.study) !== serialise(before.study);
    }), { numRuns: 20 });
  });
});
