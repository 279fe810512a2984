/**
 * The derivability checker over everything a reader of a study gets together:
 * the readers' tables (every theme and statement row of every unit) and the
 * street and neighbourhood reports (each unit's n, each theme's and
 * statement's n, the group sizes, the completed interviews of the response
 * tables). Written apart from the disclosure code it checks.
 *
 * A reader knows which streets make up a neighbourhood, and which
 * neighbourhoods the study. Every count adds up over that tree: a
 * neighbourhood's n of a figure is the sum of its streets' (their combined
 * unit's where they are reported together), a group variable's categories and
 * its "no answer" part make up the unit's n. When a sum is printed and all but
 * one of its parts are, the last part follows by subtraction. That is a leak
 * when the part is a hidden unit (any exact count of a hidden unit gives its
 * figures too, from the means) or a "no answer" part under the minimum; and
 * so is a count printed outright for a part the reader is told is hidden.
 */

/** One printed sum and its parts; a part is a number when printed, `undefined` when the reader does not see it. */
export interface CountEquation {
  what: string;
  total: number | undefined;
  /** `hidden`: the reader is told this part is not shown (a hidden unit, a street within its combined unit). */
  parts: { name: string; n: number | undefined; protectedBelow: number; hidden?: boolean }[];
}

/** What a reader can read or work out that is protected: "what: name = n" (worked out) or "what: name printed n". */
export function subtractionLeaks(equations: readonly CountEquation[]): string[] {
  return equations.flatMap((equation) => {
    const printedHidden = equation.parts.filter((part) => part.hidden && part.n !== undefined).map((part) => `${equation.what}: ${part.name} printed ${part.n}`);
    if (printedHidden.length > 0) return printedHidden;
    if (equation.total === undefined) return [];
    const unknown = equation.parts.filter((part) => part.n === undefined);
    if (unknown.length !== 1) return [];
    const derived = equation.total - equation.parts.reduce((sum, part) => sum + (part.n ?? 0), 0);
    return derived > 0 && derived < unknown[0]!.protectedBelow ? [`${equation.what}: ${unknown[0]!.name} = ${derived}`] : [];
  });
}

/**
 * The same question asked with what a reader knows as bounds rather than
 * exact counts: a percentage of a known total gives the counts it can round
 * from, "< 5" gives 1–4, "at least 10" gives 10 and more. Every sum then
 * narrows the bounds of its parts and its total, again and again until nothing
 * changes (interval propagation, as a disclosure audit does it short of linear
 * programming). A leak is a count the reader is meant not to know, small
 * enough to be protected, whose bounds close on one value.
 */
export interface BoundedCount {
  low: number;
  high: number;
  /** The true count, known to the test only. */
  truth: number;
  /** Whether a single value here, under the limit, is a leak (a "< 5" background count, say). */
  protectedBelow?: number;
}

export interface BoundedSystem {
  counts: Map<string, BoundedCount>;
  /** `total` is the sum of `parts`, all names of `counts`. */
  sums: { total: string; parts: string[] }[];
}

/** Narrows every count to what the sums allow; returns "name = n" for each protected count the reader can pin down. */
export function boundedLeaks(system: BoundedSystem): string[] {
  const { counts, sums } = system;
  const get = (name: string) => {
    const count = counts.get(name);
    if (!count) throw new Error(`no count "${name}"`);
    return count;
  };
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > 1000) throw new Error('the bounds do not settle');
    changed = false;
    const narrow = (count: BoundedCount, low: number, high: number) => {
      if (low > count.low) { count.low = low; changed = true; }
      if (high < count.high) { count.high = high; changed = true; }
      if (count.low > count.high) throw new Error('the printed counts contradict each other');
    };
    for (const sum of sums) {
      const total = get(sum.total);
      const parts = sum.parts.map(get);
      const low = parts.reduce((s, part) => s + part.low, 0);
      const high = parts.reduce((s, part) => s + part.high, 0);
      narrow(total, low, high);
      for (const part of parts) narrow(part, total.low - (high - part.high), total.high - (low - part.low));
    }
  }
  return [...counts].filter(([, count]) => count.protectedBelow !== undefined && count.truth > 0 && count.truth < count.protectedBelow && count.low === count.high)
    .map(([name, count]) => `${name} = ${count.low}`);
}
