/**
 * Who answered in a unit (respondent profile): per single-answer question the
 * number of respondents per answer, and from the own-contribution block the
 * share who already do something for their neighbours and the share willing
 * to (instruments.md, "Computations"; recommendations.md uses these shares:
 * 75-plussers, people living alone, informal carers, willingness to
 * contribute).
 *
 * - "Does something now": at least one contribution item answered with a
 *   value above the scale's lowest (for example "sometimes" or "regularly").
 * - "Willing": at least one contribution item answered with the willing
 *   scale's highest value ("yes").
 * Both are shares of the respondents who answered at least one contribution
 * item. Per item the same two shares, each of the respondents who answered
 * that part of the item ("does now" or "willing"), for the report's table of
 * the own contribution. Counts are printed as "< 5" where small, with a second count hidden
 * where the small one could be worked out (category-disclosure.ts);
 * special-category questions (origin) are left out of street profiles.
 */
import type { Instrument } from '../instrument.js';
import { discloseCategories, type DisclosedCategories } from './category-disclosure.js';
import { tableLayoutOf, type RespondentTable } from './respondent-table.js';

export interface ProfileModel {
  questions: { id: string; values: number; specialCategory: boolean }[];
  contribution: { id: string; willingTop: number }[];
}

/** The profile reads the respondent table's question and contribution columns by position, so it takes their order from the table's layout. */
export function profileModelOf(instrument: Instrument): ProfileModel {
  const layout = tableLayoutOf(instrument);
  const special = new Set(instrument.items.flatMap((item) => (item.kind === 'choice' && item.specialCategory ? [item.id] : [])));
  return {
    questions: layout.questions.map((question) => ({ id: question.id, values: question.max, specialCategory: special.has(question.id) })),
    contribution: layout.contribution.map((item) => ({ id: item.id, willingTop: item.willingMax })),
  };
}

export interface UnitProfile {
  /**
   * Per question: how many answered, how many gave each value (index 0 = value 1),
   * and what of that a report may print (category-disclosure.ts).
   */
  questions: Map<string, { answered: number; counts: number[]; disclosed: DisclosedCategories }>;
  /** Who does or would do something for the neighbourhood; absent where fewer than the minimum answered (a share on fewer is never printed). */
  contribution?: { answered: number; doesNow: number; willing: number; items: ContributionItemCounts[] };
}

/** One own-contribution item: how many answered what they do now and how many do it, the same for willing. */
export interface ContributionItemCounts {
  id: string;
  now: { answered: number; yes: number };
  willing: { answered: number; yes: number };
}

export class ProfileAccumulator {
  private readonly counts: Int32Array[];
  private readonly answered: Int32Array;
  private contributionAnswered = 0;
  private doesNow = 0;
  private willing = 0;
  /** Per contribution item: answered now, does now, answered willing, willing (4 counts each). */
  private readonly itemCounts: Int32Array;

  constructor(private readonly model: ProfileModel) {
    this.counts = model.questions.map((question) => new Int32Array(question.values));
    this.answered = new Int32Array(model.questions.length);
    this.itemCounts = new Int32Array(model.contribution.length * 4);
  }

  /** Adds row `row` of the table; its question and contribution columns follow the instrument, as this model does. */
  add(table: RespondentTable, row: number): void {
    const questionCount = this.model.questions.length;
    for (let index = 0; index < questionCount; index++) {
      const value = table.questions[row * questionCount + index]!;
      if (value === 0) continue;
      this.answered[index]! += 1;
      this.counts[index]![value - 1]! += 1;
    }
    const contributionCount = this.model.contribution.length;
    let answered = false;
    let doesNow = false;
    let willing = false;
    for (let index = 0; index < contributionCount; index++) {
      const now = table.contributionNow[row * contributionCount + index]!;
      const willingAnswer = table.contributionWilling[row * contributionCount + index]!;
      const counts = this.itemCounts;
      if (now !== 0) {
        answered = true;
        counts[index * 4]! += 1;
        if (now > 1) { doesNow = true; counts[index * 4 + 1]! += 1; }
      }
      if (willingAnswer !== 0) {
        answered = true;
        counts[index * 4 + 2]! += 1;
        if (willingAnswer === this.model.contribution[index]!.willingTop) { willing = true; counts[index * 4 + 3]! += 1; }
      }
    }
    if (answered) this.contributionAnswered += 1;
    if (doesNow) this.doesNow += 1;
    if (willing) this.willing += 1;
  }

  /** Adds another unit's counts (same model): a neighbourhood's profile is the sum of its streets'. */
  merge(other: ProfileAccumulator): void {
    this.counts.forEach((counts, question) => { for (let index = 0; index < counts.length; index++) counts[index]! += other.counts[question]![index]!; });
    for (let index = 0; index < this.answered.length; index++) this.answered[index]! += other.answered[index]!;
    this.contributionAnswered += other.contributionAnswered;
    this.doesNow += other.doesNow;
    this.willing += other.willing;
    for (let index = 0; index < this.itemCounts.length; index++) this.itemCounts[index]! += other.itemCounts[index]!;
  }

  toProfile(options: { withSpecialCategories: boolean; minReportSize: number }): UnitProfile {
    const questions: UnitProfile['questions'] = new Map();
    this.model.questions.forEach((question, index) => {
      if (question.specialCategory && !options.withSpecialCategories) return;
      const counts = [...this.counts[index]!];
      questions.set(question.id, { answered: this.answered[index]!, counts, disclosed: discloseCategories(counts, options.minReportSize) });
    });
    const counts = this.itemCounts;
    const items = this.model.contribution.map((item, index) => ({
      id: item.id, now: { answered: counts[index * 4]!, yes: counts[index * 4 + 1]! }, willing: { answered: counts[index * 4 + 2]!, yes: counts[index * 4 + 3]! },
    }));
    const contribution = this.contributionAnswered >= options.minReportSize
      ? { answered: this.contributionAnswered, doesNow: this.doesNow, willing: this.willing, items } : undefined;
    return { questions, ...(contribution ? { contribution } : {}) };
  }
}
