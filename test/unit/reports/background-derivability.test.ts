/**
 * No "< 5" count of a background answer can be worked out from everything a
 * reader gets together: every neighbourhood report's profile (answers to each
 * question, a percentage or "< 5" or "afgeschermd" per answer), each
 * neighbourhood's number of respondents, and the study's table of groups
 * printed in each of them (the number of residents per answer, or "at least
 * the minimum"). The counts add up over the neighbourhoods of the study and
 * over the answers of a question; test/helpers/reader-derivability.ts narrows
 * what a reader can know until nothing changes. The true counts come from the
 * generated answers, not from the analysis.
 */
import { describe, expect, it } from 'vitest';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import type { ReportContext } from '../../../src/reports/report-context';
import type { SyntheticStudy, SyntheticStudySpec } from '../../../src/synthetic/generate-study';
import { boundedLeaks, type BoundedCount, type BoundedSystem } from '../../helpers/reader-derivability';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';

type RespondentAnswers = SyntheticStudy['respondents'][number];

const minimum = 10;
const unknown = 1e9;
const characters = ['ordinary', 'wants-mutual-help', 'much-annoyance', 'quiet-content'] as const;
const questions = contactladder.items.flatMap((item) => (item.kind === 'choice' ? [item] : []));

/** Neighbourhoods of 5 to about 120 respondents; the smallest is hidden. */
function study(seed: number): SyntheticStudySpec {
  let street = 0;
  const sizes = [[30, 25, 12], [40, 22], [14, 18, 9, 20], [5], [60, 45, 15]];
  return {
    seed,
    neighbourhoods: sizes.map((streets, index) => ({
      name: `Wijk ${index + 1}`,
      streets: streets.map((respondents) => ({ name: `Straat ${++street}`, character: characters[(street + seed) % characters.length]!, respondents: respondents + ((seed * street) % 4) })),
    })),
  };
}

/** The study with an answer to every question (the generator answers only group questions), rare answers included. */
function studyContext(seed: number, spec = study(seed), adjust?: (respondents: RespondentAnswers[]) => void): { context: ReportContext; respondents: RespondentAnswers[] } {
  let respondents: RespondentAnswers[] = [];
  const context = syntheticReportContext(spec, minimum, (synthetic) => {
    synthetic.respondents = synthetic.respondents.map((respondent, index) => {
      const background = { ...respondent.background };
      for (const question of questions) {
        if (question.id in background) continue;
        const points = contactladder.scales[question.scale]!.points.length;
        // Mostly the first answer, now and then another: many answers under 5 in a neighbourhood.
        const draw = (index * 7919 + seed * 104729 + question.id.length * 31) % 97;
        background[question.id] = draw < 3 ? null : draw < 80 ? 1 : 1 + (draw % points);
      }
      return { ...respondent, background };
    });
    adjust?.(synthetic.respondents);
    respondents = synthetic.respondents;
  });
  return { context, respondents };
}

/** Every count of a share "p%" of `answered` could round from (1–4 would have been printed "< 5"). */
function countsBehind(share: string, answered: number): [number, number] {
  if (share === '< 5') return [1, 4];
  if (share === 'afgeschermd') return [5, answered];
  const percent = Number(/^(\d+)%$/.exec(share)?.[1]);
  if (!Number.isInteger(percent)) throw new Error(`a share "${share}"`);
  const counts = Array.from({ length: answered + 1 }, (_, n) => n).filter((n) => (n === 0 || n >= 5) && Math.round((100 * n) / answered) === percent);
  return [counts[0]!, counts.at(-1)!];
}

/** What a reader of all the neighbourhood reports knows about the background counts, and the sums they obey. */
function readersKnowledge(context: ReportContext, respondents: readonly RespondentAnswers[]): BoundedSystem {
  const { result } = context.analysis;
  const counts = new Map<string, BoundedCount>();
  const sums: BoundedSystem['sums'] = [];
  const units = ['study', ...result.neighbourhoods.map((neighbourhood) => neighbourhood.name)];
  const inUnit = (unit: string) => respondents.filter((respondent) => unit === 'study' || result.neighbourhoods.find((entry) => entry.neighbourhoodId === respondent.neighbourhoodId)!.name === unit);
  const add = (name: string, truth: number, protectedBelow?: number) => counts.set(name, { low: 0, high: unknown, truth, ...(protectedBelow ? { protectedBelow } : {}) });
  const know = (name: string, low: number, high: number) => {
    const count = counts.get(name)!;
    count.low = Math.max(count.low, low);
    count.high = Math.min(count.high, high);
  };

  for (const unit of units) {
    const members = inUnit(unit);
    add(`n ${unit}`, members.length);
    for (const question of questions) {
      const points = contactladder.scales[question.scale]!.points.length;
      const answers = members.map((respondent) => respondent.background[question.id] ?? null);
      add(`${question.id} answered ${unit}`, answers.filter((answer) => answer !== null).length);
      add(`${question.id} none ${unit}`, answers.filter((answer) => answer === null).length);
      for (let value = 1; value <= points; value++) add(`${question.id}=${value} ${unit}`, answers.filter((answer) => answer === value).length, 5);
      sums.push({ total: `${question.id} answered ${unit}`, parts: Array.from({ length: points }, (_, index) => `${question.id}=${index + 1} ${unit}`) });
      sums.push({ total: `n ${unit}`, parts: [`${question.id} answered ${unit}`, `${question.id} none ${unit}`] });
    }
  }
  // The study is its neighbourhoods together, count by count.
  for (const name of [...counts.keys()].filter((key) => key.endsWith(' study'))) {
    const stem = name.slice(0, -' study'.length);
    sums.push({ total: name, parts: result.neighbourhoods.map((neighbourhood) => `${stem} ${neighbourhood.name}`) });
  }
  // The hidden neighbourhoods together: a reader who subtracts the shown ones from the study gets their sum, which is
  // as protected as any count (two hidden neighbourhoods with 2 and 1 carers: "3 carers live there").
  const hidden = result.neighbourhoods.filter((neighbourhood) => neighbourhood.result.kind !== 'shown').map((neighbourhood) => neighbourhood.name);
  if (hidden.length > 1) {
    for (const name of [...counts.keys()].filter((key) => key.endsWith(' study'))) {
      const stem = name.slice(0, -' study'.length);
      const truth = hidden.reduce((sum, unit) => sum + counts.get(`${stem} ${unit}`)!.truth, 0);
      add(`${stem} hidden neighbourhoods`, truth, stem.includes('=') ? 5 : undefined);
      sums.push({ total: `${stem} hidden neighbourhoods`, parts: hidden.map((unit) => `${stem} ${unit}`) });
      sums.push({ total: name, parts: [...result.neighbourhoods.filter((entry) => !hidden.includes(entry.name)).map((entry) => `${stem} ${entry.name}`), `${stem} hidden neighbourhoods`] });
    }
  }
  // The study's size is printed in its method appendix; take it as known.
  know('n study', respondents.length, respondents.length);

  for (const neighbourhood of result.neighbourhoods) {
    const report = buildNeighbourhoodReport(context, neighbourhood.neighbourhoodId)!;
    if (report.section.kind === 'shown') know(`n ${neighbourhood.name}`, report.section.n, report.section.n);
    for (const printed of report.profile) {
      const question = questions.find((item) => item.wording.nl === printed.question)!;
      know(`${question.id} answered ${neighbourhood.name}`, printed.answered, printed.answered);
      const points = contactladder.scales[question.scale]!.points;
      for (const row of printed.rows) {
        const value = points.findIndex((point) => point.label.nl === row.label) + 1;
        const [low, high] = countsBehind(row.share, printed.answered);
        know(`${question.id}=${value} ${neighbourhood.name}`, low, high);
      }
    }
    // The study's groups, the same in every neighbourhood report.
    for (const group of report.groups) {
      const question = questions.find((item) => item.wording.nl === group.question)!;
      const points = contactladder.scales[question.scale]!.points;
      for (const row of group.rows) {
        const value = points.findIndex((point) => point.label.nl === row.label) + 1;
        const n = Number(row.n);
        know(`${question.id}=${value} study`, n, row.nAtLeast ? unknown : n);
      }
    }
  }
  return { counts, sums };
}

describe('background counts over every profile and the groups together', () => {
  it('reads the reports as a reader would (the knowledge is true, and narrows to exact counts where they are printed)', () => {
    const { context, respondents } = studyContext(1);
    const system = readersKnowledge(context, respondents);
    for (const [name, count] of system.counts) {
      if (count.high === unknown && count.low === 0) continue;
      expect(count.truth, name).toBeGreaterThanOrEqual(count.low);
      expect(count.truth, name).toBeLessThanOrEqual(count.high);
    }
    // The study holds a hidden neighbourhood and answers under 5, or the check below could not fail.
    expect(context.analysis.result.neighbourhoods.filter((neighbourhood) => neighbourhood.result.kind !== 'shown').length).toBeGreaterThanOrEqual(1);
    const small = [...system.counts.values()].filter((count) => count.protectedBelow && count.truth > 0 && count.truth < 5);
    expect(small.length).toBeGreaterThan(20);
    // The checker finds what subtraction gives: 57 answers, 47 and 8 printed, the "< 5" is 2.
    expect(boundedLeaks({
      counts: new Map([
        ['answered', { low: 57, high: 57, truth: 57 }], ['a', { low: 47, high: 47, truth: 47 }],
        ['b', { low: 1, high: 4, truth: 2, protectedBelow: 5 }], ['c', { low: 8, high: 8, truth: 8 }],
      ]),
      sums: [{ total: 'answered', parts: ['a', 'b', 'c'] }],
    })).toEqual(['b = 2']);
  });

  it('does not let the study\'s groups minus the shown neighbourhoods give the renters of the hidden ones (19 − 8 − 8 = 3)', () => {
    const spec: SyntheticStudySpec = { seed: 7, neighbourhoods: [
      { name: 'Noord', streets: [{ name: 'Beukstraat', character: 'ordinary', respondents: 20 }, { name: 'Eikstraat', character: 'ordinary', respondents: 20 }] },
      { name: 'Zuid', streets: [{ name: 'Iepstraat', character: 'wants-mutual-help', respondents: 20 }, { name: 'Lindestraat', character: 'ordinary', respondents: 20 }] },
      { name: 'Oost', streets: [{ name: 'Hofje', character: 'ordinary', respondents: 5 }] },
      { name: 'West', streets: [{ name: 'Pleintje', character: 'ordinary', respondents: 6 }] },
    ] };
    // Tenure "huur, particulier" (2): 8 in each large neighbourhood, 1 and 2 in the two hidden ones; the rest owns (3).
    const { context, respondents } = studyContext(7, spec, (all) => {
      const renters = new Map([[1, 8], [2, 8], [3, 1], [4, 2]]);
      for (const respondent of all) {
        const left = renters.get(respondent.neighbourhoodId)!;
        respondent.background = { ...respondent.background, tenure: left > 0 ? 2 : 3 };
        renters.set(respondent.neighbourhoodId, left - 1);
      }
    });
    const { result } = context.analysis;
    expect(result.neighbourhoods.map((neighbourhood) => neighbourhood.result.kind)).toEqual(['shown', 'shown', 'suppressed', 'suppressed']);
    const tenure = result.groups.find((group) => group.variable === 'tenure')!.categories.find((category) => category.value === 2)!;
    expect(tenure.result.kind === 'shown' && tenure.result.n).toBe(19);
    const report = buildNeighbourhoodReport(context, result.neighbourhoods[0]!.neighbourhoodId)!;
    const row = report.groups.find((group) => group.question.startsWith('Huurt u'))!.rows.find((candidate) => candidate.label.includes('particulier'))!;
    // Printed as 19, it would give the 3 renters of Oost and West together.
    expect(row).toMatchObject({ n: '10', nAtLeast: true });
    expect(boundedLeaks(readersKnowledge(context, respondents))).toEqual([]);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives no "< 5" count away (seed ${seed})`, () => {
      const { context, respondents } = studyContext(seed);
      expect(boundedLeaks(readersKnowledge(context, respondents))).toEqual([]);
    });
  }
});
