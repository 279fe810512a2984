/** An address frame as an Excel workbook, and the empty template to start from. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTestApp, countRows, createStudyAs } from '../../helpers/test-app';

async function setUp() {
  const context = await buildTestApp();
  const coordinator = await context.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  const upload = (content: Buffer, filename = 'adressen.xlsx') => coordinator.agent
    .post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', content, filename);
  return { ...context, coordinator, studyId, upload };
}

/** A workbook whose first sheet holds `rows`, numbers as numbers (as Excel stores a typed house number). */
async function workbook(rows: (string | number | null)[][], otherSheetFirst = false): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (otherSheetFirst) book.addWorksheet('Toelichting').addRow(['Dit werkblad is geen adreslijst']);
  const sheet = book.addWorksheet('Adressen');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing an Excel workbook', () => {
  it('imports the first sheet of a BAG-style workbook: numbers typed as numbers, empty cells at the end of a row, unused columns named', async () => {
    const { upload, db } = await setUp();
    const file = await workbook([
      ['openbareruimtenaam', 'huisnummer', 'huisletter', 'huisnummertoevoeging', 'postcode', 'buurtnaam', 'woonplaatsnaam'],
      ['Rozenstraat', 12, 'A', 2, '1234 AB', 'Bloemenbuurt', 'Voorbeeldstad'],
      ['Rozenstraat', 14, null, null, '1234AB', 'Bloemenbuurt'],
      [],
      ['Merelstraat', 3, null, null, '1235BA', 'Vogelwijk', 'Voorbeeldstad'],
    ]);
    const response = await upload(file).expect(200);
    expect(response.text).toContain('3 adressen geïmporteerd in 2 straten en 2 buurten.');
    expect(response.text).toContain('Niet gebruikt (deze kolommen zijn genegeerd): woonplaatsnaam.');
    expect(await db.all('SELECT house_number, addition, postcode FROM addresses ORDER BY id')).toEqual([
      { house_number: 12, addition: 'A-2', postcode: '1234AB' }, { house_number: 14, addition: '', postcode: '1234AB' }, { house_number: 3, addition: '', postcode: '1235BA' },
    ]);
  });

  it('reports every problem by its row number in Excel and imports nothing', async () => {
    const { upload, db } = await setUp();
    const file = await workbook([
      ['straat', 'huisnummer', 'postcode', 'buurt'],
      ['Rozenstraat', 1, '1234AB', 'Noord'],
      ['Rozenstraat', null, '123AB', 'Noord'],
      ['', 5, '1234AB', 'Noord'],
    ]);
    const response = await upload(file).expect(422);
    expect(response.text).toContain('Er is niets geïmporteerd.');
    const lines = [...response.text.matchAll(/<td class="number">(\d+)<\/td><td>([^<]*)<\/td>/g)].map((match) => [match[1], match[2]]);
    expect(lines).toEqual([
      ['3', 'Het huisnummer ontbreekt.'], ['3', expect.stringContaining('Ongeldige postcode')], ['4', expect.stringContaining('straat')],
    ]);
    expect(await countRows(db, 'addresses')).toBe(0);
  });

  it('says so when a ZIP file is no workbook, or the workbook\'s first sheet is not the address list', async () => {
    const { upload, db } = await setUp();
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect((await upload(broken).expect(422)).text).toContain('Dit Excel-bestand kan niet worden gelezen');
    const wrongSheet = await workbook([['straat', 'huisnummer', 'postcode', 'buurt'], ['Rozenstraat', 1, '1234AB', 'Noord']], true);
    expect((await upload(wrongSheet).expect(422)).text).toContain('Het eerste werkblad (&#39;Toelichting&#39;) is geen adreslijst.');
    expect(await countRows(db, 'addresses')).toBe(0);
  });
});

describe('the address template', () => {
  it('is an empty CSV with the column names, separated as Dutch Excel saves them, that imports once filled in', async () => {
    const { coordinator, studyId, db } = await setUp();
    const response = await coordinator.agent.get(`/studies/${studyId}/addresses/template.csv`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-disposition']).toContain('adressen-sjabloon.csv');
    const template = (response.body as Buffer).toString('utf8');
    expect(template).toBe('\uFEFFstraat;huisnummer;huisletter;toevoeging;postcode;buurt\r\n');
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf })
      .attach('file', Buffer.from(`${template}Rozenstraat;7;B;;1234AB;Noord\r\n`), 'sjabloon.csv').expect(200);
    expect(await db.all('SELECT house_number, addition FROM addresses')).toEqual([{ house_number: 7, addition: 'B' }]);
  });
});
