/** What reports say of units whose figures are not their own or are hidden: the combined small streets, and a hidden straatladder. */
import { describe, expect, it } from 'vitest';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import { buildStreetReport, ladderView } from '../../../src/reports/street-report';
import { definitions } from '../../helpers/test-app';
import { syntheticReportContext } from '../../helpers/report-context';

describe('the small streets of a neighbourhood together ("overige straten")', () => {
  // Two streets of 6 are each under the minimum of 10; together (12) they are a unit that may be shown.
  const context = syntheticReportContext({ seed: 5, neighbourhoods: [{ name: 'Oost', streets: [
    { name: 'Grotestraat', character: 'wants-mutual-help', respondents: 30 }, { name: 'Middenweg', character: 'much-annoyance', respondents: 25 },
    { name: 'Hofje', character: 'ordinary', respondents: 6 }, { name: 'Steeg', character: 'ordinary', respondents: 6 },
  ] }] });
  const { result } = context.analysis;
  const idOf = (name: string) => result.streets.find((street) => street.name === name)!.streetId;

  it('gets its own section in the neighbourhood report, named with its streets', () => {
    expect(result.combinedUnits[0]?.result.kind).toBe('shown');
    const report = buildNeighbourhoodReport(context, result.neighbourhoods[0]!.neighbourhoodId)!;
    expect(report.combined?.title).toBe('Overige straten samen: Hofje en Steeg');
    expect(report.combined?.section.kind).toBe('shown');
    expect(report.combined?.section.kind === 'shown' && report.combined.section.n).toBe(12);
  });

  it('gives each of its streets its figures, named with all its streets, and keeps their interview counts to themselves', () => {
    const street = buildStreetReport(context, idOf('Hofje'))!;
    expect(street.sharedFigures).toBe('Deze straat heeft te weinig respondenten voor eigen cijfers. Haar antwoorden zijn samengenomen met die van Steeg: de cijfers hieronder zijn van Hofje en Steeg samen.');
    expect(street.section.kind === 'shown' && street.section.n).toBe(12);
    expect(street.response?.sentence).not.toMatch(/interviews afgenomen/);
    expect(buildStreetReport(context, idOf('Grotestraat'))!.section.kind).toBe('shown');
    expect(buildStreetReport(context, idOf('Grotestraat'))!.sharedFigures).toBeUndefined();
  });
});

describe('small streets too few together, merged into the smallest street with figures of its own', () => {
  // Hofje (4) and Steeg (3) are 7 together: they join Middenweg (25), the smaller of the two streets with figures.
  const context = syntheticReportContext({ seed: 5, neighbourhoods: [{ name: 'Oost', streets: [
    { name: 'Grotestraat', character: 'wants-mutual-help', respondents: 30 }, { name: 'Middenweg', character: 'much-annoyance', respondents: 25 },
    { name: 'Hofje', character: 'ordinary', respondents: 4 }, { name: 'Steeg', character: 'ordinary', respondents: 3 },
  ] }] });
  const { result } = context.analysis;
  const idOf = (name: string) => result.streets.find((street) => street.name === name)!.streetId;

  it('reports the merged unit under all its names, in the neighbourhood report and in each street report, with nothing hidden beside it', () => {
    expect(result.streets.map((street) => street.result.kind)).toEqual(['shown', 'shown', 'shown', 'shown']);
    const report = buildNeighbourhoodReport(context, result.neighbourhoods[0]!.neighbourhoodId)!;
    expect(report.combined?.title).toBe('Middenweg, Hofje en Steeg samen');
    // The themes rank it under that name beside the streets with figures of their own, never under one street's name.
    for (const theme of report.themes.filter((candidate) => candidate.ranking)) {
      expect(theme.streets.map((row) => row.name).sort()).toEqual(['Grotestraat', 'Middenweg, Hofje en Steeg samen']);
    }
    const host = buildStreetReport(context, idOf('Middenweg'))!;
    expect(host.sharedFigures).toBe('Hofje en Steeg hebben samen te weinig respondenten voor eigen cijfers en zijn met deze straat samengenomen, zodat ook hun bewoners cijfers krijgen: de cijfers hieronder zijn van Middenweg, Hofje en Steeg samen.');
    expect(host.section.kind === 'shown' && host.section.n).toBe(32);
    // Middenweg's own count (25) beside the unit's (32) would give the small streets' 7 away: it is not printed.
    expect(host.response?.sentence).not.toContain('25 interviews');
    // And it says why in words that fit a street whose figures are shown, together: not that its figures are hidden.
    expect(host.response?.sentence).toContain('naast het aantal respondenten van de straten samen');
    expect(host.response?.sentence).not.toContain('net als de cijfers van deze straat');
    expect(buildStreetReport(context, idOf('Steeg'))!.sharedFigures).toMatch(/^Deze straat heeft te weinig respondenten voor eigen cijfers\. Haar antwoorden zijn samengenomen met die van Middenweg en Hofje/);
  });
});

describe('the straatladder section of a street report', () => {
  const context = syntheticReportContext({ seed: 6, neighbourhoods: [{ name: 'West', streets: [
    { name: 'Lindelaan', character: 'wants-mutual-help', respondents: 20 }, { name: 'Eikenlaan', character: 'ordinary', respondents: 20 },
  ] }] });
  const { result } = context.analysis;
  const streetId = result.streets[0]!.streetId;
  const withLadder = (reason: 'below-minimum' | 'complementary') => ({
    ...context, analysis: { ...context.analysis, result: { ...result, streetLadder: {
      rungs: 10, study: { kind: 'suppressed' as const, reason }, neighbourhoods: [], streets: [{ streetId, result: { kind: 'suppressed' as const, reason } }],
    } } },
  });

  it('gives the true reason a hidden ladder is not shown', () => {
    expect(buildStreetReport(withLadder('below-minimum'), streetId)!.ladder).toEqual({ kind: 'suppressed', reason: 'Te weinig antwoorden op de straatladder om die te tonen.' });
    // Twelve residents may have answered it: what hides it is another street's protection, and the report says so.
    expect(buildStreetReport(withLadder('complementary'), streetId)!.ladder).toEqual({ kind: 'suppressed', reason: expect.stringMatching(/^Niet getoond: uit deze cijfers en die van andere straten samen/) });
  });
});

describe('the straatladder checklist in a street report', () => {
  const summary = (checklistN: number, notCumulative: number) => ({
    n: 20, currentDistribution: [], desiredDistribution: [], medianCurrent: 4, medianDesired: 6,
    gap: { n: 20, mean: 1.5, low: 1.1, high: 1.9 }, shareWantingHigher: 0.75,
    checklist: { n: checklistN, medianHighestApplying: 4, shareNotCumulative: notCumulative / checklistN },
  });

  it('prints the checklist with its own n, only from the minimum on, and a share of fewer than five as "< 5"', () => {
    expect(ladderView(summary(8, 4), definitions.say, 10).sentence).not.toContain('checklist');
    const shown = ladderView(summary(12, 3), definitions.say, 10).sentence;
    expect(shown).toContain('Volgens de checklist (ingevuld door 12 bewoners) is de mediane hoogste trede die nu geldt 4,0; bij < 5 van hen is het patroon niet cumulatief.');
    expect(ladderView(summary(12, 6), definitions.say, 10).sentence).toContain('bij 50% van hen');
    expect(shown).toContain('75% wil een hogere trede');
  });
});
