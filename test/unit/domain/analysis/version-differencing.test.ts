/**
 * Two published versions side by side: every count must have changed by
 * nothing or by at least the minimum, or their difference gives a few
 * residents' answers. Hand-built counts, and the counts of a real analysis
 * before and after one more respondent in a hidden street.
 */
import { describe, expect, it } from 'vitest';
import { differencingRisk, publishedCounts } from '../../../../src/domain/analysis/version-differencing';
import { contactladder, syntheticReportContext } from '../../../helpers/report-context';

describe('the differencing rule across versions', () => {
  it('allows a change of nothing or of at least the minimum, in any cell, and refuses one in between', () => {
    const before = { 'street:1': 9, 'unit:study': 40, 'unit:study:theme:surface-contact': 38 };
    expect(differencingRisk(before, { ...before }, 10)).toBeUndefined();
    expect(differencingRisk(before, { 'street:1': 19, 'unit:study': 50, 'unit:study:theme:surface-contact': 48 }, 10)).toBeUndefined();
    expect(differencingRisk(before, { ...before, 'street:1': 10, 'unit:study': 41 }, 10)).toEqual({ cell: 'street:1', difference: 1 });
    // An interview taken away gives itself away just as well.
    expect(differencingRisk(before, { ...before, 'unit:study:theme:surface-contact': 36 }, 10)).toEqual({ cell: 'unit:study:theme:surface-contact', difference: 2 });
    // A cell in one version only counts with its whole n: a shown figure (at least the minimum) may appear or go.
    expect(differencingRisk(before, { ...before, 'unit:street:2': 12 }, 10)).toBeUndefined();
    expect(differencingRisk({ ...before, 'unit:street:2': 12 }, before, 10)).toBeUndefined();
    expect(differencingRisk(before, { ...before, 'unit:street:2': 7 }, 10)).toEqual({ cell: 'unit:street:2', difference: 7 });
  });

  it('counts every street, hidden ones included, and each shown unit\'s themes, questions and group cells', () => {
    const streets = [
      { name: 'Lindelaan', character: 'wants-mutual-help' as const, respondents: 24 }, { name: 'Beukenlaan', character: 'ordinary' as const, respondents: 20 },
      { name: 'Berkenlaan', character: 'ordinary' as const, respondents: 18 }, { name: 'Eikenlaan', character: 'ordinary' as const, respondents: 9 },
    ];
    const counts = publishedCounts(syntheticReportContext({ seed: 5, neighbourhoods: [{ name: 'Noord', streets }] }).analysis.result);
    // Eikenlaan is too small, and Berkenlaan, the smallest other street, is hidden with it: their counts are there, their units are not.
    expect([1, 2, 3, 4].map((id) => counts[`street:${id}`])).toEqual([24, 20, 18, 9]);
    expect([1, 2, 3, 4].map((id) => counts[`unit:street:${id}`])).toEqual([24, 20, undefined, undefined]);
    expect(counts['unit:study']).toBe(71);
    const themes = Object.keys(counts).filter((cell) => cell.startsWith('unit:study:theme:')).map((cell) => cell.split(':').at(-1));
    expect(themes.length).toBeGreaterThanOrEqual(5);
    expect(contactladder.dimensions.map((dimension) => dimension.id)).toEqual(expect.arrayContaining(themes));
    expect(Object.keys(counts).some((cell) => cell.startsWith('unit:study:question:'))).toBe(true);
    // Statements are printed with their own n (readers' tables, the neighbourhood report): each counts.
    const paired = contactladder.items.filter((item) => item.kind === 'paired').map((item) => item.id);
    expect(paired.filter((id) => counts[`unit:study:statement:${id}`] === undefined)).toEqual([]);
    expect(counts[`unit:street:1:statement:${paired[0]}`]).toBeGreaterThanOrEqual(10);
    expect(Object.keys(counts).some((cell) => cell.startsWith('unit:study:group:age-class='))).toBe(true);
    // One more resident in the hidden Eikenlaan: the rule finds it.
    const more = publishedCounts(syntheticReportContext({ seed: 5, neighbourhoods: [{ name: 'Noord', streets: [...streets.slice(0, 3), { ...streets[3]!, respondents: 10 }] }] }).analysis.result);
    expect(more['street:4']).toBe(10);
    expect(differencingRisk(counts, more, 10)?.difference).toBeGreaterThan(0);
  });
});
