/**
 * Recommendations for one unit: every rule whose condition holds for the
 * unit's diagnosis, with its methods from the catalogue and its rationale
 * filled in with the unit's own figures, so each recommendation can be traced
 * to the rule and the figures that produced it (recommendations.md, "In the
 * report").
 *
 * A share only counts as a signal when it rests on at least 5 respondents
 * (disclosure-control.ts, smallCountBelow): a rule never fires on, or prints,
 * the answers of fewer people. Rules are tried in file order; a method named
 * by several rules is listed once, under the first. A unit without any
 * starting point gets only the first rule about "no need" that holds: the
 * survey found no need, so the report says why in one statement and
 * recommends no method (recommendations.md).
 *
 * A rationale prints only figures that met the condition: a [[passage]] with
 * a figure whose test did not pass (an `any` branch that did not fire) is
 * left out (rules.ts).
 */
import { smallCountBelow } from '../analysis/disclosure-control.js';
import type { Catalogue, Method } from './catalogue.js';
import type { Diagnosis, MeasureValue } from './diagnosis.js';
import { conditionalPassagePattern, conditionParts, placeholderPattern, type Condition, type Rule } from './rules.js';

export type FigureFormat = 'percent' | 'gap' | 'rungs' | 'number' | 'count' | 'name';

export interface Recommendation {
  ruleId: string;
  methods: Method[];
  confidence: Rule['confidence'];
  scope: Rule['scope'];
  rationale: string;
  /** The figures the rationale names, for tracing. */
  figures: { measure: string; value: number; count?: number }[];
}

/** Formats a figure for a rationale; the report's locale decides how. */
export type FigureFormatter = (value: MeasureValue, format: FigureFormat) => string;

function usable(value: MeasureValue | undefined, name: string): value is MeasureValue {
  if (!value) return false;
  return !name.startsWith('share:') || (value.count ?? 0) >= smallCountBelow;
}

export function holds(condition: Condition, diagnosis: Diagnosis): boolean {
  if ('all' in condition) return condition.all.every((part) => holds(part, diagnosis));
  if ('any' in condition) return condition.any.some((part) => holds(part, diagnosis));
  if ('noNeed' in condition) return diagnosis.noNeed;
  if ('startingPoint' in condition) return diagnosis.startingPoints.includes(condition.startingPoint);
  const value = diagnosis.measure(condition.measure);
  if (!usable(value, condition.measure)) return false;
  return 'atLeast' in condition ? value.value >= condition.atLeast : value.value < condition.below;
}

/** The measures whose own test passed, inside the parts of the condition that held. */
export function metMeasures(condition: Condition, diagnosis: Diagnosis): Set<string> {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    return new Set(parts.filter((part) => holds(part, diagnosis)).flatMap((part) => [...metMeasures(part, diagnosis)]));
  }
  return 'measure' in condition && holds(condition, diagnosis) ? new Set([condition.measure]) : new Set();
}

/** Whether the rule's condition is only about "no need" at its top: a no-need rule, tried only for units without a starting point. */
const isNoNeedRule = (rule: Rule) => 'noNeed' in rule.when || ('all' in rule.when && rule.when.all.some((part) => 'noNeed' in part));

export function recommend(diagnosis: Diagnosis, rules: readonly Rule[], catalogue: Catalogue, format: FigureFormatter): Recommendation[] {
  const methods = new Map(catalogue.methods.map((method) => [method.id, method]));
  const listed = new Set<string>();
  const fired = rules.filter((rule) => isNoNeedRule(rule) === diagnosis.noNeed && holds(rule.when, diagnosis));
  // Without a starting point, one statement: the first no-need rule that holds.
  return (diagnosis.noNeed ? fired.slice(0, 1) : fired).map((rule) => {
    const figures: Recommendation['figures'] = [];
    const tested = new Set(conditionParts(rule.when).measures);
    const met = metMeasures(rule.when, diagnosis);
    const placeholders = (text: string) => [...text.matchAll(placeholderPattern)].map((match) => match[1]!);
    const kept = rule.rationale.replace(conditionalPassagePattern, (_match, passage: string) => (
      placeholders(passage).every((name) => !tested.has(name) || met.has(name)) ? passage : ''));
    const filled = kept.replace(placeholderPattern, (_match, name: string, style: FigureFormat) => {
      const value = diagnosis.measure(name);
      if (!value) return '–';
      figures.push({ measure: name, value: value.value, ...(value.count === undefined ? {} : { count: value.count }) });
      return format(value, style);
    });
    // A figure said in words ("een deel") may open the sentence.
    const rationale = filled.charAt(0).toUpperCase() + filled.slice(1);
    const ruleMethods = rule.methods.filter((id) => !listed.has(id)).map((id) => methods.get(id)!);
    ruleMethods.forEach((method) => listed.add(method.id));
    return { ruleId: rule.id, methods: ruleMethods, confidence: rule.confidence, scope: rule.scope, rationale, figures };
  });
}
