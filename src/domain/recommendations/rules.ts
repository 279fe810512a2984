/**
 * Recommendation rules as data (reports/rules.json; recommendations.md, "Rules
 * as data"): a condition over a unit's diagnosis, the methods it points to, a
 * rationale template that names the figures that triggered it, a confidence
 * (high when the signal is measured directly, low when it rests on an
 * indirect sign) and a scope (collective, or referral through a
 * professional, since the survey identifies nobody).
 *
 * Conditions: { noNeed: true } | { startingPoint: dimension } |
 * { measure, atLeast } | { measure, below } | { all: [...] } | { any: [...] }.
 * Measures are named in diagnosis.ts. Placeholders in a rationale are
 * {measure|format}, format one of percent, gap, rungs, number, count, or name
 * (what the value is about, such as the theme of `wish.*`).
 *
 * A rationale cites only the figures that met the condition that fired: a
 * passage in [[double brackets]] is printed only when every figure in it that
 * the condition tests passed its test. A figure tested only inside an `any`
 * (one branch may fire without it) must stand in such a passage; the loader
 * checks that (load-report-definitions.ts).
 */
import { z } from 'zod';
import { textSchema, type Language } from '../instrument.js';

export const measurePattern = /^(dimension:[a-z0-9-]+\.(weightedGap|shareWantingImprovement|actual)|ladder\.(gapMean|shareWantingHigher)|share:contribution\.(willing|doesNow)|(share|residents):[a-z0-9-]+=\d+(,\d+)*|contact\.(actual|desired)|wish\.(shareWantingImprovement|importance)|startingPoints\.count|streets\.withStartingPoint)$/;
const measure = z.string().regex(measurePattern, 'unknown measure');

export type Condition =
  | { noNeed: true }
  | { startingPoint: string }
  | { measure: string; atLeast: number }
  | { measure: string; below: number }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([
  z.object({ noNeed: z.literal(true) }).strict(),
  z.object({ startingPoint: z.string().min(1) }).strict(),
  z.object({ measure, atLeast: z.number() }).strict(),
  z.object({ measure, below: z.number() }).strict(),
  z.object({ all: z.array(conditionSchema).min(1) }).strict(),
  z.object({ any: z.array(conditionSchema).min(1) }).strict(),
]));

export const placeholderPattern = /\{([^{}|]+)\|(percent|gap|rungs|number|count|name)\}/g;

/** A passage that is printed only when the figures in it met the condition. */
export const conditionalPassagePattern = /\[\[((?:(?!\]\]).)*)\]\]/gs;

const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  when: conditionSchema,
  methods: z.array(z.string()),
  confidence: z.enum(['high', 'low']),
  scope: z.enum(['collective', 'referral']),
  /** The rationale in each language of the reports; both cite the same figures (checked at start-up). */
  rationale: textSchema,
}).strict();

export const rulesSchema = z.object({ about: z.string(), rules: z.array(ruleSchema).min(1) }).strict();

/** A rule as a report of one language uses it: its rationale in that language. */
export type Rule = Omit<z.output<typeof ruleSchema>, 'rationale'> & { rationale: string };

export function rulesIn(rules: readonly z.output<typeof ruleSchema>[], language: Language): Rule[] {
  return rules.map((rule) => ({ ...rule, rationale: rule.rationale[language] }));
}

/** The measures a condition tests only inside an `any`, where a branch can fire without them. */
export function optionalMeasures(condition: Condition, insideAny = false): string[] {
  if ('all' in condition) return condition.all.flatMap((part) => optionalMeasures(part, insideAny));
  if ('any' in condition) return condition.any.flatMap((part) => optionalMeasures(part, true));
  if ('measure' in condition) return insideAny ? [condition.measure] : [];
  return [];
}

/** Every measure a condition reads, and every dimension it names. */
export function conditionParts(condition: Condition): { measures: string[]; dimensions: string[] } {
  if ('all' in condition || 'any' in condition) {
    const parts = ('all' in condition ? condition.all : condition.any).map(conditionParts);
    return { measures: parts.flatMap((part) => part.measures), dimensions: parts.flatMap((part) => part.dimensions) };
  }
  if ('startingPoint' in condition) return { measures: [], dimensions: [condition.startingPoint] };
  if ('measure' in condition) {
    const dimension = /^dimension:([a-z0-9-]+)\./.exec(condition.measure)?.[1];
    return { measures: [condition.measure], dimensions: dimension ? [dimension] : [] };
  }
  return { measures: [], dimensions: [] };
}
