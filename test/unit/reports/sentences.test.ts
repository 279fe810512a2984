/**
 * Every generated sentence against the figures it speaks about, as a reader
 * would check it: over many synthetic studies with streets of every character,
 * each statement of "no need", each starting point, each cited figure of a
 * recommendation, each street type's name and each reliability note is
 * checked against the figures printed beside it. The expected relations are
 * written here from recommendations.md and instruments.md, not taken from
 * the code that writes the sentences.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/domain/recommendations/diagnosis';
import { recommend } from '../../../src/domain/recommendations/recommend';
import type { Condition } from '../../../src/domain/recommendations/rules';
import { seededRandom, type StreetCharacter } from '../../../src/synthetic/generate-study';
import { buildNeighbourhoodReport, type NeighbourhoodReportModel } from '../../../src/reports/neighbourhood-report';
import { figureFormatter } from '../../../src/reports/format';
import { reportDocument } from '../../../src/reports/report-document';
import type { Block } from '../../../src/reports/document';
import type { UnitSection } from '../../../src/reports/unit-section';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';
import { definitions } from '../../helpers/test-app';

const characters: StreetCharacter[] = ['wants-mutual-help', 'quiet-content', 'much-annoyance', 'close-knit-content', 'wants-more-unimportant', 'ordinary'];

/** A Dutch figure as printed ("−0,12", "+0,65", "37%") as a number. */
const figure = (text: string) => Number(text.replace('\u2212', '-').replace('+', '').replace(',', '.').replace('%', '')) / (text.endsWith('%') ? 100 : 1);

function studies(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const seed = 100 + index;
    const random = seededRandom(seed);
    const neighbourhood = (name: string, offset: number) => ({
      name, streets: Array.from({ length: 4 + Math.floor(random() * 4) }, (_, street) => ({
        name: `${name}straat ${street + 1}`, character: characters[(street + offset + index) % characters.length]!, respondents: 6 + Math.floor(random() * 35),
      })),
    });
    const context = syntheticReportContext({ seed, neighbourhoods: [neighbourhood('Noord', 0), neighbourhood('Zuid', 3)] });
    const reports = context.analysis.result.neighbourhoods.map((unit) => buildNeighbourhoodReport(context, unit.neighbourhoodId)!);
    return { context, reports };
  });
}

const walked = studies(10);
const shownSections = (report: NeighbourhoodReportModel) => [
  { name: report.title, section: report.section },
  ...report.streets.map((street) => ({ name: street.street.name, section: street.section })),
].filter((unit): unit is { name: string; section: Extract<UnitSection, { kind: 'shown' }> } => unit.section.kind === 'shown');

/** Mean actual or desired answer over the positive-contact themes, rescaled to 0..1, from the printed table. */
function contactLevel(section: Extract<UnitSection, { kind: 'shown' }>, which: 'actual' | 'desired'): number {
  const rows = section.dimensions.filter((row) => row.id !== 'negative-contacts' && row.actual !== '–');
  return rows.reduce((total, row) => total + (figure(row[which]) - 1) / 4, 0) / rows.length;
}

describe('every sentence of many synthetic reports against its figures', () => {
  it('walks enough units of every kind to mean something', () => {
    const units = walked.flatMap(({ reports }) => reports.flatMap(shownSections));
    const noNeedRules = new Set(units.flatMap(({ section }) => (section.noNeed ? [section.noNeed.ruleId] : [])));
    expect(units.length).toBeGreaterThan(60);
    expect([...noNeedRules]).toEqual(expect.arrayContaining(['no-need-content-with-little', 'no-need-good-contact', 'no-need-streets-differ', 'no-need-wants-more-unimportant']));
    expect(units.some(({ section }) => section.startingPoints.some((point) => point.name === 'Negatieve contacten'))).toBe(true);
  });

  it('says "no need" in the words that fit the figures beside it', () => {
    for (const { reports } of walked) {
      for (const report of reports) {
        const streetsWithStartingPoint = report.streets.filter((street) => street.section.kind === 'shown' && street.section.startingPoints.length > 0).length;
        for (const { name, section } of shownSections(report)) {
          if (!section.noNeed) {
            expect(section.startingPoints.length, name).toBeGreaterThan(0);
            continue;
          }
          expect(section.startingPoints, name).toEqual([]);
          const { text } = section.noNeed;
          const actual = contactLevel(section, 'actual');
          const desired = contactLevel(section, 'desired');
          // One decimal is printed: near the middle of the scale, rounding decides; those units are not judged.
          const clear = (value: number) => Math.abs(value - 0.5) > 0.03;
          if (text.includes('Weinig contact is hier geen probleem') && clear(actual) && clear(desired)) expect([name, actual < 0.5 && desired < 0.5]).toEqual([name, true]);
          if (text.includes('Het contact tussen buren is goed') && clear(actual)) expect([name, actual >= 0.5]).toEqual([name, true]);
          if (clear(actual) && actual >= 0.5) expect(text, name).not.toContain('weinig contact');
          const unimportant = /^Op (.+) wil (\d+)% van de bewoners verbetering, maar ze vinden het weinig belangrijk \(belang gemiddeld (\d+)% van de schaal\)/.exec(text);
          if (unimportant) {
            const row = section.dimensions.find((candidate) => candidate.name.toLowerCase() === unimportant[1])!;
            expect(row.wantingImprovement, name).toBe(`${unimportant[2]}%`);
            expect(figure(row.wantingImprovement), name).toBeGreaterThanOrEqual(0.3);
            expect(figure(row.importance), name).toBeLessThan(3.05);
          }
          const streets = /maar in (\d+) van de straten wel/.exec(text);
          if (streets) expect([name, Number(streets[1])]).toEqual([name, streetsWithStartingPoint]);
          if (section === report.section && streetsWithStartingPoint > 0) expect(text, name).toContain('van de straten wel');
        }
      }
    }
  });

  it('names a starting point only where its printed gap and share meet the thresholds, and words shares in the theme\'s direction', () => {
    for (const { reports } of walked) {
      for (const { name, section } of reports.flatMap(shownSections)) {
        for (const point of section.startingPoints) {
          const row = section.dimensions.find((candidate) => candidate.name === point.name)!;
          expect(row.startingPoint, name).toBe(true);
          expect(point.text).toBe(`${row.name}: gewogen kloof ${row.weightedGap}, ${row.wantingImprovement} wil verbetering`);
          expect(figure(row.weightedGap), name).toBeGreaterThanOrEqual(0.15 - 0.005);
          expect(figure(row.wantingImprovement), name).toBeGreaterThanOrEqual(0.3 - 0.005);
        }
        // On negative contacts improvement is wanting less: the share wanting improvement stands under "wil minder".
        for (const row of section.dimensions) expect(row.id === 'negative-contacts' ? row.wantingLess : row.wantingMore, `${name} ${row.name}`).toBe(row.wantingImprovement);
      }
    }
  });

  it('cites in a rationale only figures that passed the test of the rule that fired', () => {
    const leaves = (condition: Condition): { measure: string; atLeast?: number; below?: number }[] => ('all' in condition ? condition.all.flatMap(leaves)
      : 'any' in condition ? condition.any.flatMap(leaves) : 'measure' in condition ? [condition] : []);
    let cited = 0;
    for (const { context } of walked) {
      const { result } = context.analysis;
      for (const unit of [...result.neighbourhoods, ...result.streets]) {
        if (unit.result.kind !== 'shown') continue;
        for (const recommendation of recommend(diagnose(unit.result.figures, unit.result.n, contactladder), definitions.rules, definitions.catalogue, figureFormatter(definitions.say))) {
          const rule = definitions.rules.find((candidate) => candidate.id === recommendation.ruleId)!;
          for (const { measure, value } of recommendation.figures) {
            for (const leaf of leaves(rule.when).filter((candidate) => candidate.measure === measure)) {
              cited++;
              if (leaf.atLeast !== undefined) expect([rule.id, measure, value >= leaf.atLeast]).toEqual([rule.id, measure, true]);
              if (leaf.below !== undefined) expect([rule.id, measure, value < leaf.below]).toEqual([rule.id, measure, true]);
            }
          }
        }
      }
    }
    expect(cited).toBeGreaterThan(50);
  });

  it('names a street type after its highest clear profile values, and says so where it has none', () => {
    let types = 0;
    for (const { reports } of walked) {
      for (const report of reports) {
        for (const type of report.streetTypes) {
          types++;
          const profile = [...type.text.matchAll(/([A-Z][^;:+−\d]*?) ([+−]?\d,\d\d)/g)].map((match) => ({ name: match[1]!.trim().toLowerCase(), value: figure(match[2]!) }));
          expect(profile.length, type.text).toBe(6 - 1);
          const clear = profile.filter((entry) => entry.value >= 0.05).sort((a, b) => b.value - a.value).slice(0, 2);
          if (clear.length === 0) expect(type.heading).toMatch(/zonder uitgesproken wens/);
          else expect(type.heading).toBe(`Straattype ${type.number}: vooral ${clear.map((entry) => entry.name).join(' en ')}`);
        }
      }
    }
    expect(types).toBeGreaterThan(5);
  });

  it('puts each street against the study with an index that follows the printed gaps, and a band that follows the index', () => {
    let cells = 0;
    for (const { reports } of walked) {
      for (const report of reports) {
        for (const street of report.streets) {
          for (const row of street.surroundings?.rows ?? []) {
            const around = report.section.kind === 'shown' ? report.section.dimensions.find((candidate) => candidate.name === row.name) : undefined;
            for (const [cell, reference] of [[row.neighbourhood, around?.weightedGap]] as const) {
              if (!cell || !reference) continue;
              cells++;
              // The index is made from the published figures: the difference of the two printed gaps, in points.
              expect(cell.index).toBe(Math.round(100 + 100 * (figure(row.weightedGap) - figure(reference))));
              expect(cell.text).toBe(`${cell.index} (${cell.index >= 115 ? 'hoger' : cell.index <= 85 ? 'lager' : 'vergelijkbaar'})`);
            }
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
  });

  it('notes low reliability exactly below the thresholds the appendix states', () => {
    for (const { reports } of walked.slice(0, 3)) {
      const { reliability, thresholds } = reports[0]!.appendix;
      expect(thresholds.map((row) => row.value)).toEqual(expect.arrayContaining(['0,60', '0,70']));
      for (const row of reliability) {
        const lowest = Math.min(...[row.actual, row.desired].filter((value) => value !== '–').map(figure));
        const expected = lowest < 0.6 ? 'lage samenhang (onder 0,60): thema met voorzichtigheid lezen' : lowest < 0.7 ? 'indicatief (onder 0,70)' : '';
        expect([row.name, row.note]).toEqual([row.name, expected]);
      }
    }
  });

  it('leaves no placeholder, key or unformatted number in any sentence of the documents', () => {
    const texts = (blocks: readonly Block[]): string[] => blocks.flatMap((block) => {
      switch (block.kind) {
        case 'heading': return [block.text];
        case 'paragraph': return [block.text, block.lead ?? ''];
        case 'list': return block.items.flatMap((item) => [item.text, item.lead ?? '']);
        case 'table': return [block.caption ?? '', ...block.header, ...block.rows.flatMap((row) => row.cells)];
        case 'chart': return [block.chart.alt];
        case 'details': return block.items.flatMap((item) => [item.term, item.value]);
        case 'group': return texts(block.blocks);
        case 'contents': return [block.title];
      }
    });
    for (const { reports } of walked.slice(0, 4)) {
      for (const report of reports) {
        const doc = reportDocument(report, definitions.say);
        for (const text of texts(doc.blocks)) {
          expect(text).not.toMatch(/\{|\}|undefined|NaN|\d\.\d|\[\[|\]\]/);
        }
        // Chart data (and so the SVG's geometry) carry no more decimals than the tables: two.
        for (const chart of doc.charts) {
          for (const value of chart.values.flatMap((entry) => Object.values(entry).filter((field): field is number => typeof field === 'number'))) {
            expect([chart.chart, Math.abs(value * 100 - Math.round(value * 100)) < 1e-9]).toEqual([chart.chart, true]);
          }
        }
      }
    }
  });
});
