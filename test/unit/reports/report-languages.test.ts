/**
 * The report definitions in both languages, checked at start-up: Dutch and
 * English wording have exactly the same keys, every chart text refers to a
 * wording key, and every method and rule has its texts in both languages. A
 * gap in either stops the server naming the file and the key, so a report is
 * never printed half in the other language.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportDefinitions } from '../../../src/report-definitions/load-report-definitions';
import { instruments, projectDir, reportLanguages } from '../../helpers/test-app';

/** A JSON document as JSON.parse gives it: the loader under test checks its shape. */
type Json = ReturnType<typeof JSON.parse>;

/** A copy of reports/ with one file changed by `change`. */
function changedReports(file: string, change: (data: Json) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
  cpSync(path.join(projectDir, 'reports'), dir, { recursive: true });
  const data: Json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  change(data);
  writeFileSync(path.join(dir, file), JSON.stringify(data));
  return dir;
}

describe('report definitions in Dutch and English', () => {
  it('loads every text in its own language', () => {
    const { nl, en } = reportLanguages;
    expect(nl.say('document.streetReport')).toBe('Straatrapport');
    expect(en.say('document.streetReport')).toBe('Street report');
    const method = (language: typeof nl) => language.catalogue.methods.find((candidate) => candidate.id === 'buurthulpmethoden')!;
    expect(method(nl).goal).toMatch(/^Onderlinge hulp/);
    expect(method(en).goal).toMatch(/^Getting mutual help/);
    expect(method(en).name).toBe(method(nl).name);
    expect(en.rules.find((rule) => rule.id === 'no-need')!.rationale).toMatch(/^On no theme/);
    expect(JSON.stringify(en.charts.get('weighted-gaps'))).toContain('Weighted gap (desired − now, weighted by importance)');
    expect(JSON.stringify([...en.charts.values()])).not.toContain('"@');
  });

  it('refuses wording with a key in one language only, naming the key', () => {
    const dir = changedReports('wording.json', (data) => { delete data.en.unit.startingPoint; });
    expect(() => loadReportDefinitions(dir, instruments)).toThrow(/wording\.json: "unit\.startingPoint" is not in both languages/);
    const extra = changedReports('wording.json', (data) => { data.en.unit.extra = 'Only in English'; });
    expect(() => loadReportDefinitions(extra, instruments)).toThrow(/"unit\.extra" is not in both languages/);
  });

  it('refuses a chart text that refers to no wording key', () => {
    const dir = changedReports('charts/weighted-gaps.json', (data) => { data.description = '@charts.weightedGaps.nothing'; });
    expect(() => loadReportDefinitions(dir, instruments)).toThrow(/weighted-gaps\.json: not a valid vega-lite spec \(nl\): no wording for "charts\.weightedGaps\.nothing"/);
  });

  it('refuses a chart spec that vega-lite cannot compile, naming the file', () => {
    const dir = changedReports('charts/weighted-gaps.json', (data) => { data.layer[0].mark = { type: 'no-such-mark' }; });
    expect(() => loadReportDefinitions(dir, instruments)).toThrow(/weighted-gaps\.json: not a valid vega-lite spec \(nl\)/);
  });

  it('refuses a method or a rule without its English text', () => {
    const method = changedReports('methods.json', (data) => { delete data.methods[3].goal.en; });
    expect(() => loadReportDefinitions(method, instruments)).toThrow(/methods\.json: methods\.3\.goal\.en/);
    const rule = changedReports('rules.json', (data) => { data.rules[0].rationale = data.rules[0].rationale.nl; });
    expect(() => loadReportDefinitions(rule, instruments)).toThrow(/rules\.json: rules\.0\.rationale/);
    // Both languages cite the same figures.
    const cites = changedReports('rules.json', (data) => { data.rules[1].rationale.en = data.rules[1].rationale.en.replace('{wish.importance|percent}', 'little'); });
    expect(() => loadReportDefinitions(cites, instruments)).toThrow(/rule "no-need-wants-more-unimportant" cites other figures in English than in Dutch/);
  });
});
