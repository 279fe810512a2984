/** Every figure on its own n: a theme answered by fewer than the minimum is named without figures, and each figure's n is printed beside it. */
import { describe, expect, it } from 'vitest';
import { aggregateRows } from '../../../src/exports/aggregate-tables';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import { buildStreetReport } from '../../../src/reports/street-report';
import { unitFigureBlocks } from '../../../src/reports/unit-blocks';
import { cronbachAlpha } from '../../../src/domain/analysis/cronbach-alpha';
import { formatNumber } from '../../../src/reports/format';
import { generateStudy } from '../../../src/synthetic/generate-study';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';

const helpItems = contactladder.items.filter((item) => item.kind === 'paired' && item.dimension === 'mutual-help').map((item) => item.id);

describe('a theme answered by fewer respondents than the minimum', () => {
  // Lindelaan: 15 respondents, of whom only 6 answered the mutual-help questions.
  const context = syntheticReportContext({ seed: 21, neighbourhoods: [{ name: 'Noord', streets: [
    { name: 'Lindelaan', character: 'wants-mutual-help', respondents: 15 }, { name: 'Eikenlaan', character: 'ordinary', respondents: 20 },
  ] }] }, 10, (synthetic) => {
    let answering = 0;
    synthetic.respondents = synthetic.respondents.map((respondent) => {
      if (respondent.streetId !== 1 || answering++ < 6) return respondent;
      return { ...respondent, paired: Object.fromEntries(Object.entries(respondent.paired).map(([id, answer]) => [id, helpItems.includes(id) ? { actual: null, desired: null, importance: null } : answer])) };
    });
  });
  const lindelaan = context.analysis.result.streets.find((street) => street.name === 'Lindelaan')!;

  it('is named in the street report without a figure, and every other theme prints its n', () => {
    const report = buildStreetReport(context, lindelaan.streetId)!;
    expect(report.section.kind).toBe('shown');
    if (report.section.kind !== 'shown') return;
    expect(report.section.dimensions.map((row) => row.id)).not.toContain('mutual-help');
    expect(report.section.themesNotShown).toEqual(['Latente contacten en onderlinge hulp']);
    const blocks = unitFigureBlocks(report.section, context.definitions.say);
    const [, table] = blocks;
    const note = blocks.find((block) => block.kind === 'paragraph' && block.style === 'note');
    if (table?.kind !== 'table') throw new Error('the theme table should follow the summary');
    expect(table.header.slice(0, 2)).toEqual(['Thema', 'n']);
    for (const row of table.rows) expect(Number(row.cells[1])).toBeGreaterThanOrEqual(10);
    expect(note).toEqual({ kind: 'paragraph', style: 'note', text: 'Niet getoond, omdat te weinig bewoners die vragen beantwoordden: Latente contacten en onderlinge hulp.' });
  });

  it('has no row in the readers\' tables, whose count is each figure\'s own n, at the printed precision, with Wilson intervals for the shares', () => {
    // Theme rows have no statement (the last column); the statements' rows follow their theme's.
    const rows = aggregateRows(context.analysis.result, contactladder, context.definitions.exportWording, { streetId: lindelaan.streetId }).filter((row) => row[30] === '');
    expect(rows.some((row) => row[2] === 'Latente contacten en onderlinge hulp')).toBe(false);
    const figures = lindelaan.result.kind === 'shown' ? lindelaan.result.figures.figures.dimensions : undefined;
    for (const row of rows) {
      const dimension = contactladder.dimensions.find((candidate) => candidate.name.nl === row[2])!;
      expect(row[4]).toBe(figures!.get(dimension.id)!.n);
      for (const value of row.slice(6)) if (typeof value === 'number') expect(Math.round(value * 100) / 100).toBe(value);
      // Each share's Wilson interval, found independently as the roots of (k/n − p)² = z² p (1 − p) / n.
      const n = Number(row[4]);
      [11, 12, 13].forEach((column, index) => {
        expect(row[column]).toBe(Math.round([figures!.get(dimension.id)!.shareWantingImprovement, figures!.get(dimension.id)!.shareSatisfied, figures!.get(dimension.id)!.shareWantingLess][index]! * 100) / 100);
        const share = [figures!.get(dimension.id)!.shareWantingImprovement, figures!.get(dimension.id)!.shareSatisfied, figures!.get(dimension.id)!.shareWantingLess][index]!;
        const count = Math.round(share * n);
        const z2 = 1.959963984540054 ** 2;
        const [a, b, c] = [1 + z2 / n, -(2 * (count / n) + z2 / n), (count / n) ** 2];
        const roots = [(-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a), (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a)].map((root) => Math.round(root * 100) / 100);
        expect([row[14 + 2 * index], row[15 + 2 * index]], `${row[2]} column ${column}`).toEqual(roots.map((root) => Object.is(root, -0) ? 0 : root));
      });
    }
  });
});

describe('a street\'s own Cronbach\'s alpha', () => {
  const spec = { seed: 22, neighbourhoods: [{ name: 'Zuid', streets: [
    { name: 'Eikenlaan', character: 'ordinary' as const, respondents: 20 }, { name: 'Beukenlaan', character: 'close-knit-content' as const, respondents: 20 },
  ] }] };
  const context = syntheticReportContext(spec);
  // The same respondents again (the generator is seeded), for the independent computation.
  const syntheticRespondents = generateStudy(contactladder, spec).respondents;

  it('names exactly the shown themes whose own alpha, computed apart on the street\'s answers, is under .60 or under .70', () => {
    for (const street of context.analysis.result.streets) {
      const section = buildStreetReport(context, street.streetId)!.section;
      if (section.kind !== 'shown') throw new Error(`${street.name} should be shown`);
      const respondents = syntheticRespondents.filter((r) => r.streetId === street.streetId);
      const expected = { flagged: [] as string[], indicative: [] as string[] };
      for (const row of section.dimensions) {
        const items = contactladder.items.filter((item) => item.kind === 'paired' && item.dimension === row.id).map((item) => item.id);
        const alpha = cronbachAlpha(respondents.map((r) => items.map((id) => r.paired[id]?.actual ?? null)));
        if (alpha.kind !== 'value' || alpha.n < 10) continue;
        // A negative alpha is said in words, not as a number a reader cannot place.
        const name = `${row.name} (${alpha.alpha < 0 ? 'α onder 0: de antwoorden lopen niet samen op' : `α ${formatNumber(alpha.alpha)}`})`;
        if (alpha.alpha < 0.6) expected.flagged.push(name);
        else if (alpha.alpha < 0.7) expected.indicative.push(name);
      }
      const notes = section.reliabilityNotes.join(' ');
      if (expected.flagged.length > 0) expect(notes, street.name).toContain(`onder 0,60): ${expected.flagged.join(', ')}.`);
      else expect(notes, street.name).not.toContain('onder 0,60');
      if (expected.indicative.length > 0) expect(notes, street.name).toContain(`onder 0,70): ${expected.indicative.join(', ')}.`);
      else expect(notes, street.name).not.toContain('onder 0,70');
    }
  });
});

describe('the own contribution answered by fewer respondents than the minimum', () => {
  // Lindelaan: 15 respondents who want mutual help and are willing, of whom only 7 answered the contribution questions.
  const answeredBy = (kept: number) => syntheticReportContext({ seed: 22, neighbourhoods: [{ name: 'Noord', streets: [
    { name: 'Lindelaan', character: 'wants-mutual-help', respondents: 15 }, { name: 'Eikenlaan', character: 'ordinary', respondents: 20 },
  ] }] }, 10, (synthetic) => {
    let answering = 0;
    synthetic.respondents = synthetic.respondents.map((respondent) => (respondent.streetId !== 1 || answering++ < kept ? respondent : { ...respondent, contribution: {} }));
  });

  it('gives no share to print or to fire a rule on, where it did with the minimum', () => {
    const few = answeredBy(7).analysis.result.streets.find((street) => street.name === 'Lindelaan')!;
    if (few.result.kind !== 'shown') throw new Error('Lindelaan has 15 respondents and is shown');
    expect(few.result.figures.profile?.contribution).toBeUndefined();
    const enough = answeredBy(10).analysis.result.streets.find((street) => street.name === 'Lindelaan')!;
    if (enough.result.kind !== 'shown') throw new Error('Lindelaan has 15 respondents and is shown');
    expect(enough.result.figures.profile?.contribution?.answered).toBe(10);
    const rationale = (context: ReturnType<typeof answeredBy>) => buildStreetReport(context, 1)!.section;
    const cited = (section: ReturnType<typeof rationale>) => (section.kind === 'shown' ? section.recommendations.map((recommendation) => recommendation.ruleId) : []);
    expect(cited(rationale(answeredBy(7)))).not.toContain('mutual-help-and-willing');
    expect(cited(rationale(answeredBy(10)))).toContain('mutual-help-and-willing');
  });
});

describe('the readers\' tables per statement', () => {
  const spec = { seed: 23, neighbourhoods: [{ name: 'West', streets: [
    { name: 'Kastanjelaan', character: 'wants-mutual-help' as const, respondents: 15 }, { name: 'Iepenlaan', character: 'ordinary' as const, respondents: 20 },
  ] }] };
  const context = syntheticReportContext(spec);
  const respondents = generateStudy(contactladder, spec).respondents.filter((respondent) => respondent.streetId === 1);
  const rows = aggregateRows(context.analysis.result, contactladder, context.definitions.exportWording, { streetId: 1 });
  // Student's t, 97.5th percentile, by degrees of freedom (statistical tables).
  const t975: Record<number, number> = { 9: 2.262157, 10: 2.228139, 11: 2.200985, 12: 2.178813, 13: 2.160369, 14: 2.144787 };

  it('gives every statement its n, its means with their t interval, its importance and its gap, worked out here from the answers', () => {
    const statements = rows.filter((row) => row[30] !== '');
    const paired = contactladder.items.filter((item) => item.kind === 'paired');
    expect(statements.map((row) => row[30])).toEqual(paired.filter((item) => rows.some((row) => row[30] === item.wording.nl)).map((item) => item.wording.nl));
    expect(statements.length).toBeGreaterThan(15);
    let checked = 0;
    for (const item of paired) {
      const row = statements.find((candidate) => candidate[30] === item.wording.nl)!;
      // Answered: now, desired and importance all given (respondent-scores.ts, instruments.md).
      const answers = respondents.map((respondent) => respondent.paired[item.id]!).filter((answer) => answer.actual !== null && answer.desired !== null && answer.importance !== null);
      expect(row[4], item.id).toBe(answers.length);
      const t = t975[answers.length - 1]!;
      const actual = answers.map((answer) => answer.actual!);
      const mean = actual.reduce((sum, value) => sum + value, 0) / actual.length;
      const sd = Math.sqrt(actual.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (actual.length - 1));
      const round = (value: number) => Math.round(value * 100) / 100 || 0;
      expect([row[6], row[20], row[21]], item.id).toEqual([round(mean), round(mean - t * sd / Math.sqrt(answers.length)), round(mean + t * sd / Math.sqrt(answers.length))]);
      const importance = answers.map((answer) => answer.importance!);
      expect(row[24], item.id).toBe(round(importance.reduce((sum, value) => sum + value, 0) / importance.length));
      // The gap (desired − now) / (K − 1), turned round for a negatively worded statement; every scale here has five points.
      if (item.kind !== 'paired') continue;
      const gaps = answers.map((answer) => item.polarity * (answer.desired! - answer.actual!) / 4);
      expect(row[27], item.id).toBe(round(gaps.reduce((sum, value) => sum + value, 0) / gaps.length));
      checked++;
    }
    expect(checked).toBe(statements.length);
  });
});

describe('the neighbourhood report\'s details per theme', () => {
  const spec = { seed: 24, neighbourhoods: [{ name: 'Oost', streets: [
    { name: 'Wilgenlaan', character: 'wants-mutual-help' as const, respondents: 25 }, { name: 'Populierenlaan', character: 'ordinary' as const, respondents: 20 },
  ] }] };
  const context = syntheticReportContext(spec);
  const respondents = generateStudy(contactladder, spec).respondents;
  const report = buildNeighbourhoodReport(context, 1)!;

  // Wilson's interval from its formula: (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n).
  const wilson = (yes: number, n: number) => {
    const z = 1.959963984540054;
    const p = yes / n;
    const centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return `${Math.round(p * 100)}% (${Math.round((centre - half) * 100)}–${Math.round((centre + half) * 100)}%)`;
  };

  it('gives each activity of the own contribution its shares with Wilson intervals, worked out here from the answers', () => {
    const theme = report.themes.find((candidate) => candidate.id === 'own-contribution')!;
    expect(theme.details).toHaveLength(1);
    expect(theme.details[0]!.header).toEqual(['Activiteit', 'n', 'Doet het nu', 'n', 'Wil het doen']);
    const activities = contactladder.items.filter((item) => item.kind === 'contribution');
    expect(theme.details[0]!.rows.map((row) => row[0])).toEqual(activities.map((item) => item.wording.nl));
    const share = (yes: number, n: number) => (yes > 0 && yes < 5 ? '< 5' : wilson(yes, n));
    for (const [index, item] of activities.entries()) {
      const now = respondents.map((respondent) => respondent.contribution?.[item.id]?.now ?? null).filter((value): value is number => value !== null);
      const willing = respondents.map((respondent) => respondent.contribution?.[item.id]?.willing ?? null).filter((value): value is number => value !== null);
      expect(theme.details[0]!.rows[index], item.id).toEqual([
        item.wording.nl, String(now.length), share(now.filter((value) => value > 1).length, now.length),
        String(willing.length), share(willing.filter((value) => value === 3).length, willing.length),
      ]);
    }
  });

  it('gives each theme its statements with n and the four figures', () => {
    const theme = report.themes.find((candidate) => candidate.id === 'surface-contact')!;
    const statements = contactladder.items.filter((item) => item.kind === 'paired' && item.dimension === 'surface-contact');
    expect(theme.details[0]!.rows.map((row) => row[0])).toEqual(statements.map((item) => item.wording.nl));
    for (const [index, item] of statements.entries()) {
      const answers = respondents.map((respondent) => respondent.paired[item.id]!).filter((answer) => answer.actual !== null && answer.desired !== null && answer.importance !== null);
      const mean = (values: number[]) => formatNumber(values.reduce((sum, value) => sum + value, 0) / values.length);
      // Each mean is printed with its interval, "1,43 (1,30–1,56)" (the intervals: interval-table.test.ts).
      const row = theme.details[0]!.rows[index]!;
      for (const cell of row.slice(2, 6)) expect(cell).toMatch(/^[−+]?\d,\d\d \(.+\)$/);
      expect([...row.slice(0, 2), ...row.slice(2, 5).map((cell) => cell.split(' (')[0])], item.id).toEqual([
        item.wording.nl, String(answers.length), mean(answers.map((answer) => answer.actual!)), mean(answers.map((answer) => answer.desired!)), mean(answers.map((answer) => answer.importance!)),
      ]);
    }
  });

  it('gives each statement the shares wanting more, satisfied and wanting less, with Wilson intervals, in the statement\'s own direction', () => {
    // Wanting more is a desired answer above the actual one, on a statement of nuisance as on any other (the theme table does the same).
    for (const dimension of ['surface-contact', 'negative-contacts']) {
      const theme = report.themes.find((candidate) => candidate.id === dimension)!;
      expect(theme.details).toHaveLength(2);
      const table = theme.details[1]!;
      expect(table.header).toEqual(['Stelling', 'n', 'Wil meer', 'Tevreden', 'Wil minder']);
      const statements = contactladder.items.filter((item) => item.kind === 'paired' && item.dimension === dimension);
      expect(table.rows.map((row) => row[0])).toEqual(statements.map((item) => item.wording.nl));
      for (const [index, item] of statements.entries()) {
        const answers = respondents.map((respondent) => respondent.paired[item.id]!).filter((answer) => answer.actual !== null && answer.desired !== null && answer.importance !== null);
        const count = (test: (actual: number, desired: number) => boolean) => answers.filter((answer) => test(answer.actual!, answer.desired!)).length;
        expect(table.rows[index], item.id).toEqual([
          item.wording.nl, String(answers.length),
          wilson(count((actual, desired) => desired > actual), answers.length), wilson(count((actual, desired) => desired === actual), answers.length), wilson(count((actual, desired) => desired < actual), answers.length),
        ]);
      }
    }
  });
});
