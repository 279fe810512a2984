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
 * starting point gets only the rules about "no need": the survey found no
 * need, so the report recommends no method (recommendations.md).
 */
import { smallCountBelow } from '../analysis/disclosure-control';
import type { Catalogue, Method } from './catalogue';
import type { Diagnosis, MeasureValue } from './diagnosis';
import { placeholderPattern, type Condition, type Rule } from './rules';

export type FigureFormat = 'percent' | 'gap' | 'rungs' | 'number';

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

export function recommend(diagnosis: Diagnosis, rules: readonly Rule[], catalogue: Catalogue, format: FigureFormatter): Recommendation[] {
  const methods = new Map(catalogue.methods.map((method) => [method.id, method]));
  const listed = new Set<string>();
  const applicable = diagnosis.noNeed ? rules.filter((rule) => 'noNeed' in rule.when) : rules;
  return applicable.filter((rule) => holds(rule.when, diagnosis)).map((rule) => {
    const figures: Recommendation['figures'] = [];
    const rationale = rule.rationale.replace(placeholderPattern, (_match, name: string, style: FigureFormat) => {
      const value = diagnosis.measure(name);
      if (!value) return '–';
      figures.push({ measure: name, value: value.value, ...(value.count === undefined ? {} : { count: value.count }) });
      return format(value, style);
    });
    const ruleMethods = rule.methods.filter((id) => !listed.has(id)).map((id) => methods.get(id)!);
    ruleMethods.forEach((method) => listed.add(method.id));
    return { ruleId: rule.id, methods: ruleMethods, confidence: rule.confidence, scope: rule.scope, rationale, figures };
  });
}
