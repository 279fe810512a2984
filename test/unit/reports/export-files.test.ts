import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dontKnowCode, exportVariables, respondentRow } from '../../../src/exports/codebook';
import { spreadsheetSafe } from '../../../src/exports/csv';
import { spssSyntax } from '../../../src/exports/spss-syntax';
import { loadReportDefinitions } from '../../../src/report-definitions/load-report-definitions';
import { definitions, instruments, projectDir } from '../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1)!;
const wording = definitions.exportWording;

describe('the respondent export', () => {
  it('has one variable per rating of every answerable item, after key, neighbourhood, street and version', () => {
    const variables = exportVariables(contactladder, wording);
    expect(variables.slice(0, 4).map((variable) => variable.name)).toEqual(['respondent', 'buurt', 'straat', 'versie']);
    expect(variables.find((variable) => variable.name === 'greet_actual')).toMatchObject({ label: 'Buren groeten elkaar op straat. (nu)', type: 'code' });
    expect(variables.find((variable) => variable.name === 'origin')?.specialCategory).toBe(true);
    expect(variables.some((variable) => variable.name.startsWith('closing_remarks'))).toBe(false);
    expect(new Set(variables.map((variable) => variable.name)).size).toBe(variables.length);
  });

  it('codes "don\'t know" as 99, leaves what was not asked empty, and keeps names from becoming formulas', () => {
    const variables = exportVariables(contactladder, wording);
    const row = respondentRow(variables, {
      respondentKey: '-abc', neighbourhood: 'Noord', street: '=1+1', instrumentVersion: 1, answers: { greet: { actual: 3, desired: null, importance: 4 } },
    });
    const value = (name: string) => row[variables.findIndex((variable) => variable.name === name)];
    expect([value('respondent'), value('straat'), value('greet_actual'), value('greet_desired'), value('age_class')]).toEqual(["'-abc", "'=1+1", 3, dontKnowCode, null]);
    expect(spreadsheetSafe('Rozenstraat')).toBe('Rozenstraat');
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('+SUM(1,2)')).toBe("'+SUM(1,2)");
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(spreadsheetSafe('-cmd')).toBe("'-cmd");
    // A negative figure written as text stays a number.
    expect(spreadsheetSafe('-0.25')).toBe('-0.25');
  });

  it('gets SPSS syntax that declares every variable, quotes labels and marks 99 as missing', () => {
    const variables = exportVariables(contactladder, wording).slice(0, 6);
    variables[4] = { ...variables[4]!, label: "Buurman's tuin" };
    const syntax = spssSyntax(variables, { csvFile: 'data.csv', title: 'Test', howTo: 'Lees mij.', textWidths: new Map([['straat', 40]]) });
    expect(syntax).toContain("GET DATA /TYPE=TXT /FILE='data.csv'");
    expect(syntax).toContain('  straat A40\r\n');
    expect(syntax).toContain("'Buurman''s tuin'");
    expect(syntax).toContain("MISSING VALUES gender age_class (99).");
  });
});

describe('the export wording file', () => {
  it('is checked at start-up: a missing part stops it, naming the file and the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
    cpSync(path.join(projectDir, 'reports'), dir, { recursive: true });
    const file = path.join(dir, 'exports.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete data.sheets;
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadReportDefinitions(dir, instruments)).toThrow(/exports\.json: sheets/);
  });
});
