import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { binary, pdfText } from '../../helpers/files';
import { studyWithInterviews } from '../../helpers/interviews';

const streetNames = ['Rozenstraat', 'Merelstraat', '=HYPERLINK("http://x")', 'Lelieplein'];
const csvFrame = 'straat;huisnummer;postcode;buurt\n'
  + streetNames.flatMap((street, s) => Array.from({ length: 35 }, (_, i) => `"${street.replace(/"/g, '""')}";${i + 1};${4321 + s}XY;Vogelbuurt`)).join('\n') + '\n';

async function studyWithRespondents() {
  const app = await studyWithInterviews(csvFrame, [
    ['Rozenstraat', 'wants-mutual-help', 30], ['Merelstraat', 'much-annoyance', 20], ['=HYPERLINK("http://x")', 'ordinary', 25], ['Lelieplein', 'ordinary', 3],
  ]);
  const download = async (url: string) => (await app.coordinator.agent.get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
  return { ...app, download };
}

describe('respondent exports for coordinators', () => {
  it('give one row per respondent with key, street, neighbourhood and every rating, in UTF-8 with BOM, and never an address', async () => {
    const { coordinator, studyId, download, db } = await studyWithRespondents();
    const response = await coordinator.agent.get(`/studies/${studyId}/exports/contactladder/csv`).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="?buurtladder-${studyId}-contactladder-respondenten\\.csv"?$`));
    const bytes = await download(`/studies/${studyId}/exports/contactladder/csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 78);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['respondent', 'buurt', 'straat', 'versie']);
    expect(header).toContain('greet_actual');
    expect(header.some((name) => /huisnummer|postcode|adres/i.test(name))).toBe(false);
    const text = lines.join('\n');
    expect(text).not.toMatch(/\b43[2-9]\d ?XY\b/);
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"');
    const keys = await db.all<{ respondent_key: string }>('SELECT respondent_key FROM interviews');
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(keys.map((row) => row.respondent_key.replace(/^-/, "'-")).sort());

    const semicolon = (await download(`/studies/${studyId}/exports/contactladder/csv-semicolon`)).toString('utf8');
    expect(semicolon.slice(1).split('\r\n')[0]!.split(';').slice(0, 4)).toEqual(['respondent', 'buurt', 'straat', 'versie']);
    expect(await db.all("SELECT subject FROM audit_log WHERE action = 'export.downloaded' ORDER BY id"))
      .toEqual([{ subject: 'contactladder csv' }, { subject: 'contactladder csv' }, { subject: 'contactladder csv-semicolon' }]);
  });

  it('give an XLSX file with the data and the codebook as second sheet, which reads back', async () => {
    const { studyId, download } = await studyWithRespondents();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download(`/studies/${studyId}/exports/contactladder/xlsx`) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Gegevens', 'Codeboek']);
    const data = workbook.getWorksheet('Gegevens')!;
    expect(data.rowCount).toBe(1 + 78);
    expect(data.getRow(1).getCell(1).value).toBe('respondent');
    const codebook = workbook.getWorksheet('Codeboek')!;
    expect(codebook.rowCount).toBe(data.columnCount + 1);
    const greet = codebook.getRows(2, codebook.rowCount - 1)!.find((row) => row.getCell(1).value === 'greet_actual')!;
    expect(String(greet.getCell(4).value)).toMatch(/^1 = .+; 99 = weet niet \/ niet van toepassing$/);
  });

  it('give SPSS syntax that reads the CSV with every variable, label and missing code', async () => {
    const { studyId, download } = await studyWithRespondents();
    const syntax = (await download(`/studies/${studyId}/exports/contactladder/sps`)).toString('utf8');
    const header = (await download(`/studies/${studyId}/exports/contactladder/csv`)).toString('utf8').slice(1).split('\r\n')[0]!.split(',');
    expect(syntax).toContain(`/FILE='buurtladder-${studyId}-contactladder-respondenten.csv' /ENCODING='UTF8'`);
    for (const name of header) expect(syntax).toMatch(new RegExp(`^  ${name} (A\\d+|F2\\.0)\\r?$`, 'm'));
    expect(syntax).toMatch(/^VALUE LABELS\r$/m);
    expect(syntax).toMatch(/^MISSING VALUES .*greet_actual.* \(99\)\.\r$/m);

    // Read the data with the syntax in GNU PSPP, as a researcher would in SPSS.
    const folder = mkdtempSync(path.join(tmpdir(), 'spss-'));
    writeFileSync(path.join(folder, `buurtladder-${studyId}-contactladder-respondenten.csv`), await download(`/studies/${studyId}/exports/contactladder/csv`));
    writeFileSync(path.join(folder, 'export.sps'), syntax);
    writeFileSync(path.join(folder, 'check.sps'), "INSERT FILE='export.sps'.\nFREQUENCIES straat greet_actual.\nDISPLAY DICTIONARY.\n");
    const output = execFileSync('pspp', ['-O', 'format=txt', 'check.sps'], { cwd: folder, encoding: 'utf8' });
    expect(output).not.toMatch(/error|warning/i);
    expect(output).toMatch(/\|\s+Merelstraat\s*\|\s*20\|/);
    expect(output).toMatch(/\|\s+Rozenstraat\s*\|\s*30\|/);
    // The whole street name, with the apostrophe that keeps it from being a formula (PSPP wraps it over two lines).
    expect(output).toMatch(/'=HYPERLINK\("http:\/\/\s*\|[^\n]*\n\|\s+x"\)/);
    expect(output).toContain('Buren groeten elkaar op straat. (nu)');
    expect(output).toMatch(/\|Total\s*\|\s*78\|/);
  });

  it('are for coordinators of the study only', async () => {
    const { studyId, loginAs } = await studyWithRespondents();
    const reader = await loginAs('reader');
    await reader.agent.get(`/studies/${studyId}/exports/contactladder/csv`).expect(403);
    const other = await loginAs('coordinator');
    await other.agent.get(`/studies/${studyId}/exports/contactladder/csv`).expect(403);
    await other.agent.get(`/studies/${studyId}/exports/tables.csv`).expect(403);
  });
});

describe('aggregate tables', () => {
  it('show the figures of shown units, and a small street only inside the unit it joined, without its name or count', async () => {
    const { studyId, download } = await studyWithRespondents();
    const rows = parse((await download(`/studies/${studyId}/exports/tables.csv`)).toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 5)).toEqual(['niveau', 'eenheid', 'thema', 'status', 'respondenten']);
    expect(rows[0]!.at(-1)).toBe('stelling');
    const rozenstraat = rows.filter((row) => row[1] === 'Rozenstraat');
    expect(rozenstraat.length).toBeGreaterThan(1);
    // A theme's row (no statement) counts all 30 respondents; a statement's row counts who answered it.
    expect(rozenstraat.filter((row) => row.at(-1) === '').every((row) => row[3] === 'getoond' && row[4] === '30')).toBe(true);
    expect(rozenstraat.filter((row) => row.at(-1) !== '').length).toBeGreaterThan(10);
    expect(rozenstraat.every((row) => row[3] === 'getoond' && Number(row[4]) >= 10 && Number(row[4]) <= 30)).toBe(true);
    expect(rows.some((row) => row[1] === 'Lelieplein')).toBe(false);
    // Lelieplein (3) joined Merelstraat (20), the smallest street with figures of its own: one unit of 23, under Merelstraat's name.
    expect(rows.some((row) => row[1] === 'Merelstraat')).toBe(false);
    const merged = rows.filter((row) => row[1] === 'Vogelbuurt: Merelstraat met kleine straten');
    expect(merged.filter((row) => row.at(-1) === '').map((row) => [row[0], row[3], row[4]])).toEqual(Array(5).fill(['kleine straten samen', 'getoond', '23']));
    // Nothing had to be hidden beside it; a hidden row would carry no figure and no count.
    const hidden = rows.filter((row) => row[3] !== 'getoond' && row[0] !== 'niveau');
    for (const row of hidden) expect(row.slice(4).every((cell) => cell === '')).toBe(true);
  });

  it('of a published report reach its readers unchanged, without respondent rows', async () => {
    const { studyId, coordinator, streets, db, loginAs } = await studyWithRespondents();
    const reader = await loginAs('reader');
    await db.run('INSERT INTO study_members (study_id, user_id) VALUES (?, ?)', [studyId, reader.user.id]);
    await coordinator.agent.post(`/studies/${studyId}/reports/street/${streets.get('Rozenstraat')}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const reportId = (await db.get<{ id: number }>('SELECT id FROM published_reports'))!.id;
    const tables = (await reader.agent.get(`/studies/${studyId}/published/${reportId}/tables`).buffer(true).parse(binary).expect(200)).body.toString('utf8') as string;
    const lines = tables.slice(1).trimEnd().split('\r\n');
    expect(lines.slice(1).every((line) => line.startsWith('straat,Rozenstraat,'))).toBe(true);
    expect(tables).not.toContain('respondent,');
    const outsider = await loginAs('reader');
    await outsider.agent.get(`/studies/${studyId}/published/${reportId}/tables`).expect(403);
  });

  it('never hold a cell a spreadsheet would run as a formula, for the coordinator or for readers, in either dialect', async () => {
    const { studyId, coordinator, streets, db, loginAs, download } = await studyWithRespondents();
    const reader = await loginAs('reader');
    await db.run('INSERT INTO study_members (study_id, user_id) VALUES (?, ?)', [studyId, reader.user.id]);
    await coordinator.agent.post(`/studies/${studyId}/reports/street/${streets.get('=HYPERLINK("http://x")')}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const reportId = (await db.get<{ id: number }>('SELECT id FROM published_reports'))!.id;
    const published = async (query: string) => (await reader.agent.get(`/studies/${studyId}/published/${reportId}/tables${query}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const files: [string, Buffer, string][] = [
      ['tables.csv', await download(`/studies/${studyId}/exports/tables.csv`), ','],
      ['published tables', await published(''), ','],
      ['published tables for Dutch Excel', await published('?dialect=excel-nl'), ';'],
    ];
    for (const [name, bytes, delimiter] of files) {
      const cells = (parse(bytes, { bom: true, delimiter, relax_column_count: true }) as string[][]).flat();
      expect(cells, name).toContain('\'=HYPERLINK("http://x")');
      // A formula starts with = + @ (or - before anything but a number); tab and carriage return count too.
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-(?!\d+(?:[.,]\d+)?$)/.test(cell)), name).toEqual([]);
    }
  });

  it('never give a reader an address, and no figure of a hidden street, in any answer a reader can get', async () => {
    const { studyId, coordinator, db, loginAs } = await studyWithRespondents();
    const reader = await loginAs('reader');
    await db.run('INSERT INTO study_members (study_id, user_id) VALUES (?, ?)', [studyId, reader.user.id]);
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    await coordinator.agent.post(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const reportId = (await db.get<{ id: number }>('SELECT id FROM published_reports'))!.id;
    const answers: string[] = [];
    for (const url of ['/studies', `/studies/${studyId}/reports`, `/studies/${studyId}/published/${reportId}`, `/studies/${studyId}/published/${reportId}/tables`]) {
      answers.push((await reader.agent.get(url).buffer(true).parse(binary).expect(200)).body.toString('utf8'));
    }
    const pdf = (await reader.agent.get(`/studies/${studyId}/published/${reportId}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
    answers.push(pdfText(pdf));
    for (const answer of answers) {
      expect(answer).not.toMatch(/\b4[3-9]\d\d ?XY\b/);
      // A house number after a street name (a figure such as "Rozenstraat 0,00" is fine).
      expect(answer).not.toMatch(/(Rozenstraat|Merelstraat|Lelieplein) \d+(?![,\d])/);
    }
    expect(answers[3]).not.toContain('Lelieplein');
    expect(answers[3]).toContain('kleine straten samen');
  });
});
