import { describe, expect, it } from 'vitest';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import { buildStreetReport } from '../../../src/reports/street-report';
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
    expect(report.combined?.title).toBe('Overige straten samen: Hofje, Steeg');
    expect(report.combined?.section.kind).toBe('shown');
    expect(report.combined?.section.kind === 'shown' && report.combined.section.n).toBe(12);
  });

  it('is named in the report of each of its streets as the place of their figures', () => {
    const street = buildStreetReport(context, idOf('Hofje'))!;
    expect(street.section).toEqual({ kind: 'suppressed', reason: expect.stringContaining('"overige straten" van Oost, de kleine straten van de buurt samen: die staan in het buurtrapport') });
    expect(buildStreetReport(context, idOf('Grotestraat'))!.section.kind).toBe('shown');
  });
});
