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
