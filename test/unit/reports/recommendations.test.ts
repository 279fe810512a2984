import path from 'node:path';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Diagnosis, MeasureValue } from '../../../src/domain/recommendations/diagnosis';
import { holds, recommend } from '../../../src/domain/recommendations/recommend';
import { checkRules, loadReportDefinitions, ReportDefinitionError } from '../../../src/report-definitions/load-report-definitions';
import { instruments, projectDir } from '../../helpers/test-app';

const definitions = loadReportDefinitions(path.join(projectDir, 'reports'), instruments).nl;
const format = (value: MeasureValue) => value.value.toFixed(2);

/** A diagnosis from plain values: starting points and measures as given, everything else absent. */
function diagnosis(startingPoints: string[], measures: Record<string, number | [number, number]> = {}): Diagnosis {
  return {
    n: 40, noNeed: startingPoints.length === 0, startingPoints,
    measure: (name) => {
      if (name === 'startingPoints.count' && !(name in measures)) return { value: startingPoints.length };
      const value = measures[name];
      if (value === undefined) return undefined;
      return Array.isArray(value) ? { value: value[0], count: value[1] } : { value };
    },
  };
}

const ruleIds = (d: Diagnosis) => recommend(d, definitions.rules, definitions.catalogue, format).map((r) => r.ruleId);

describe('the method catalogue', () => {
  it('holds all 44 methods with unique ids, in the eight themes', () => {
    expect(definitions.catalogue.methods).toHaveLength(44);
    expect(new Set(definitions.catalogue.methods.map((method) => method.id)).size).toBe(44);
    expect(definitions.catalogue.themes).toHaveLength(8);
    for (const theme of definitions.catalogue.themes) expect(definitions.catalogue.methods.some((method) => method.theme === theme.id)).toBe(true);
  });

  it('has rules that name only existing methods and dimensions, and refuses ones that do not', () => {
    expect(() => checkRules(definitions.rules, definitions.catalogue, instruments)).not.toThrow();
    const broken = [{ ...definitions.rules[1]!, methods: ['no-such-method'] }];
    expect(() => checkRules(broken, definitions.catalogue, instruments)).toThrow(ReportDefinitionError);
    const unknownDimension = [{ ...definitions.rules[1]!, when: { startingPoint: 'happiness' } }];
    expect(() => checkRules(unknownDimension, definitions.catalogue, instruments)).toThrow(/unknown dimension "happiness"/);
  });

  it('has a spec for every chart the reports draw, each of which vega-lite compiles to a vega spec with marks', () => {
    expect([...definitions.charts.keys()]).toEqual(['actual-desired', 'street-ladder', 'street-vs-neighbourhood', 'streets-heatmap', 'weighted-gaps']);
    for (const [name, spec] of definitions.charts) {
      const compiled = compile(spec).spec;
      expect(compiled.marks?.length, name).toBeGreaterThan(0);
    }
  });
});

describe('recommendation rules', () => {
  it('says "no need" and recommends nothing for a street without starting points', () => {
    const result = recommend(diagnosis([], { 'share:contribution.willing': [0.1, 4] }), definitions.rules, definitions.catalogue, format);
    expect(result.map((r) => r.ruleId)).toEqual(['no-need']);
    expect(result[0]!.methods).toEqual([]);
  });

  const cases: [string, Diagnosis, Diagnosis][] = [
    ['mutual-help-and-willing',
      diagnosis(['mutual-help'], { 'share:contribution.willing': [0.6, 24], 'dimension:mutual-help.weightedGap': 0.3, 'dimension:mutual-help.shareWantingImprovement': 0.7 }),
      diagnosis(['mutual-help'], { 'share:contribution.willing': [0.1, 4] })],
    ['low-attachment-willing',
      diagnosis(['attachment'], { 'share:contribution.doesNow': [0.2, 8], 'share:contribution.willing': [0.5, 20], 'dimension:attachment.actual': 0.3 }),
      diagnosis(['attachment'], { 'share:contribution.doesNow': [0.6, 24], 'share:contribution.willing': [0.5, 20] })],
    ['living-together-or-ladder-gap',
      diagnosis(['living-together'], { 'dimension:negative-contacts.weightedGap': 0.2 }),
      diagnosis(['living-together'], { 'dimension:negative-contacts.weightedGap': 0.05, 'ladder.gapMean': 0.4, 'ladder.shareWantingHigher': 0.3 })],
    ['surface-contact', diagnosis(['surface-contact']), diagnosis(['attachment'])],
    ['vulnerable-residents',
      diagnosis(['negative-contacts'], { 'share:household=1': [0.4, 16] }),
      diagnosis(['negative-contacts'], { 'share:household=1': [0.1, 4] })],
    ['dementia-carers', diagnosis(['attachment'], { 'share:gives-care=2': [0.15, 6] }), diagnosis(['attachment'], { 'share:gives-care=2': [0.1, 4] })],
    ['burdened-carers', diagnosis(['attachment'], { 'residents:care-burden=3,4': [0.2, 8] }), diagnosis(['attachment'], { 'residents:care-burden=3,4': [0.02, 1] })],
    ['older-residents-contact',
      diagnosis(['surface-contact'], { 'share:age-class=5': [0.3, 12] }),
      diagnosis(['negative-contacts'], { 'share:age-class=5': [0.3, 12] })],
    ['negative-contacts-alone',
      diagnosis(['negative-contacts'], { 'dimension:negative-contacts.weightedGap': 0.3, 'dimension:negative-contacts.shareWantingImprovement': 0.6 }),
      diagnosis(['negative-contacts', 'living-together'], { 'dimension:negative-contacts.weightedGap': 0.3 })],
    ['no-need-streets-differ', diagnosis([], { 'streets.withStartingPoint': 2 }), diagnosis([], { 'streets.withStartingPoint': 0 })],
    ['no-need-wants-more-unimportant',
      diagnosis([], { 'wish.shareWantingImprovement': 0.8, 'wish.importance': 0.1 }),
      diagnosis([], { 'wish.shareWantingImprovement': 0.8, 'wish.importance': 0.7 })],
    ['no-need-good-contact', diagnosis([], { 'contact.actual': 0.75, 'contact.desired': 0.78 }), diagnosis([], { 'contact.actual': 0.3, 'contact.desired': 0.3 })],
    ['no-need-content-with-little', diagnosis([], { 'contact.actual': 0.2, 'contact.desired': 0.25 }), diagnosis([], { 'contact.actual': 0.75, 'contact.desired': 0.78 })],
    ['small-network-wants-more',
      diagnosis(['attachment'], { 'share:household=1': [0.5, 20], 'dimension:surface-contact.shareWantingImprovement': 0.3, 'dimension:surface-contact.actual': 0.2 }),
      diagnosis(['attachment'], { 'share:household=1': [0.5, 20], 'dimension:surface-contact.shareWantingImprovement': 0.3, 'dimension:surface-contact.actual': 0.6 })],
  ];

  it.each(cases)('rule %s fires on a unit built to trigger it and not on one built not to', (ruleId, triggering, notTriggering) => {
    expect(ruleIds(triggering)).toContain(ruleId);
    expect(ruleIds(notTriggering)).not.toContain(ruleId);
  });

  it('covers every rule in rules.json with a case', () => {
    expect([...cases.map(([id]) => id), 'no-need'].sort()).toEqual(definitions.rules.map((rule) => rule.id).sort());
  });

  it('says one thing where there is no starting point: the first no-need rule that holds', () => {
    // Streets that differ come first, then a wish that is not important, then good or little contact, then the plain statement.
    expect(ruleIds(diagnosis([], { 'streets.withStartingPoint': 1, 'contact.actual': 0.8, 'contact.desired': 0.8 }))).toEqual(['no-need-streets-differ']);
    expect(ruleIds(diagnosis([], { 'wish.shareWantingImprovement': 1, 'wish.importance': 0, 'contact.actual': 0.2, 'contact.desired': 0.2 }))).toEqual(['no-need-wants-more-unimportant']);
    expect(ruleIds(diagnosis([], { 'contact.actual': 0.75, 'contact.desired': 0.8 }))).toEqual(['no-need-good-contact']);
    // Actual low but desired at the middle or above: neither "content with little" nor "good contact".
    expect(ruleIds(diagnosis([], { 'contact.actual': 0.3, 'contact.desired': 0.55 }))).toEqual(['no-need']);
    // Where there is a starting point, no no-need rule speaks.
    expect(ruleIds(diagnosis(['surface-contact'], { 'contact.actual': 0.2, 'contact.desired': 0.2 })).filter((id) => id.startsWith('no-need'))).toEqual([]);
  });

  it('cites only the figures of the branch that fired', () => {
    const byAnnoyance = recommend(diagnosis(['living-together'], { 'dimension:negative-contacts.weightedGap': 0.2, 'ladder.gapMean': 0.4, 'ladder.shareWantingHigher': 0.3 }),
      definitions.rules, definitions.catalogue, format).find((r) => r.ruleId === 'living-together-or-ladder-gap')!;
    expect(byAnnoyance.rationale).toContain('ergernis en last van elkaar (gewogen kloof negatieve contacten 0.20)');
    expect(byAnnoyance.rationale).not.toContain('straatladder wil');
    expect(byAnnoyance.figures.map((figure) => figure.measure)).toEqual(['dimension:negative-contacts.weightedGap']);
    // The case of the review: the ladder fired, annoyance was +0,01 and is not cited as evidence.
    const byLadder = recommend(diagnosis(['attachment'], { 'dimension:negative-contacts.weightedGap': 0.01, 'ladder.gapMean': 1.8, 'ladder.shareWantingHigher': 1 }),
      definitions.rules, definitions.catalogue, format).find((r) => r.ruleId === 'living-together-or-ladder-gap')!;
    expect(byLadder.rationale).toContain('Op de straatladder wil 1.00 een hogere trede');
    expect(byLadder.rationale).not.toContain('0.01');
  });

  it('refuses a rule that cites a figure of an `any` branch outside a [[passage]]', () => {
    const rule = definitions.rules.find((candidate) => candidate.id === 'living-together-or-ladder-gap')!;
    const unguarded = [{ ...rule, rationale: rule.rationale.replace(/\[\[|\]\]/g, '') }];
    expect(() => checkRules(unguarded, definitions.catalogue, instruments)).toThrow(/cites "dimension:negative-contacts.weightedGap" outside a \[\[passage\]\]/);
  });

  it('fills the rationale with the unit\'s own figures and keeps them for tracing', () => {
    const [first] = recommend(cases[0]![1], definitions.rules, definitions.catalogue, format);
    expect(first!.rationale).toContain('0.70');
    expect(first!.rationale).toContain('0.60');
    expect(first!.methods.map((method) => method.name)).toEqual(['Buurthulpmethoden', 'Zorgvoorelkaar']);
    expect(first!.figures).toContainEqual({ measure: 'share:contribution.willing', value: 0.6, count: 24 });
  });

  it('never counts a share that rests on fewer than five residents', () => {
    expect(holds({ measure: 'share:gives-care=2', atLeast: 0.05 }, diagnosis([], { 'share:gives-care=2': [0.4, 4] }))).toBe(false);
  });
});
