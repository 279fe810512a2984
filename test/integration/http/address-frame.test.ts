import { describe, expect, it } from 'vitest';
import { buildTestApp, countRows, createStudyAs } from '../../helpers/test-app';

const goodCsv = '\uFEFFstraat;huisnummer;toevoeging;postcode;buurt\r\nRozenstraat;1;;1234 AB;Bloemenbuurt\r\nRozenstraat;2;;1234AB;Bloemenbuurt\r\nTulpstraat;5;A;1234AC;Bloemenbuurt\r\nMerelstraat;8;;1235BA;Vogelwijk\r\n';

async function setUp(maxUploadBytes?: number) {
  const context = await buildTestApp({ maxUploadBytes });
  const coordinator = await context.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  const upload = (content: string | Buffer, filename = 'adressen.csv') => coordinator.agent
    .post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(content), filename);
  const frameCounts = async () => Promise.all(['addresses', 'streets', 'neighbourhoods'].map((table) => countRows(context.db, table)));
  return { ...context, coordinator, studyId, upload, frameCounts };
}

describe('POST /studies/:id/addresses/import', () => {
  it('imports a good file and derives the streets and neighbourhoods', async () => {
    const { upload, coordinator, studyId, frameCounts } = await setUp();
    const response = await upload(goodCsv).expect(200);
    expect(response.text).toContain('4 adressen geïmporteerd in 3 straten en 2 buurten.');
    expect(await frameCounts()).toEqual([4, 3, 2]);
    const page = await coordinator.agent.get(`/studies/${studyId}`).expect(200);
    for (const name of ['Rozenstraat', 'Tulpstraat', 'Merelstraat', 'Bloemenbuurt', 'Vogelwijk']) expect(page.text).toContain(name);
  });

  it('imports a municipal BAG extract: its column names, house letter and addition together, and the columns it does not use named', async () => {
    const { upload, frameCounts } = await setUp();
    const bag = 'openbareruimtenaam;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaatsnaam;buurtcode;buurtnaam;identificatie\n'
      + 'Rozenstraat;12;A;2;1234AB;Voorbeeldstad;BU03630001;Bloemenbuurt;0363010000000001\n'
      + 'Rozenstraat;12;;;1234AB;Voorbeeldstad;BU03630001;Bloemenbuurt;0363010000000002\n'
      + 'Merelstraat;3;B;;1234AC;Voorbeeldstad;BU03630002;;0363010000000003\n';
    const response = await upload(bag).expect(200);
    expect(response.text).toContain('3 adressen geïmporteerd in 2 straten en 2 buurten.');
    expect(response.text).toContain('Niet gebruikt (deze kolommen zijn genegeerd): woonplaatsnaam, identificatie.');
    expect(await frameCounts()).toEqual([3, 2, 2]);
  });

  const badFiles: [string, string, string][] = [
    ['a missing house number', 'straat;huisnummer;postcode;buurt\nRozenstraat;1;1234AB;B\nRozenstraat;;1234AB;B\n', 'Het huisnummer ontbreekt.'],
    ['an invalid postcode', 'straat;huisnummer;postcode;buurt\nRozenstraat;1;123AB;B\n', 'Ongeldige postcode &#39;123AB&#39;'],
    ['a duplicate address', 'straat;huisnummer;postcode;buurt\nRozenstraat;1;1234AB;B\nRozenstraat;1;1234AB;B\n', 'Dit adres staat al op regel 2.'],
    ['two columns of the same meaning', 'straat;openbareruimtenaam;huisnummer;postcode;buurt\nRozenstraat;Rozenstraat;1;1234AB;B\n', 'Deze kolommen betekenen hetzelfde; laat er één staan: &#39;straat&#39;, &#39;openbareruimtenaam&#39;.'],
    ['several problems on one line', 'straat;huisnummer;postcode;buurt\nRozenstraat;;123AB;B\n', 'Ongeldige postcode &#39;123AB&#39;'],
    ['a file that is not CSV', '%PDF-1.7\n\u0000\u0001binary', 'Dit is geen CSV-bestand.'],
  ];
  for (const [kind, content, message] of badFiles) {
    it(`rejects a file with ${kind} whole, with the line and reason in Dutch, and changes nothing`, async () => {
      const { upload, frameCounts } = await setUp();
      await upload(goodCsv).expect(200);
      const before = await frameCounts();
      const response = await upload(content).expect(422);
      expect(response.text).toContain('Het adresbestand is afgewezen.');
      expect(response.text).toContain('Er is niets geïmporteerd.');
      expect(response.text).toContain(message);
      expect(await frameCounts()).toEqual(before);
    });
  }

  it('names the line of each bad row', async () => {
    const { upload } = await setUp();
    const response = await upload('straat;huisnummer;postcode;buurt\nA;1;1234AB;B\nA;;1234AB;B\nA;3;1234AB;B\nA;4;xx;B\n', 'a.csv').set('Accept', 'application/json').expect(422);
    expect(response.body.error.lines.map((line: { line: number; reason: string }) => [line.line, line.reason])).toEqual([[3, 'missingHouseNumber'], [5, 'invalidPostcode']]);
  });

  it('rejects a file whose addresses are already in the frame, and changes nothing', async () => {
    const { upload, frameCounts } = await setUp();
    await upload(goodCsv).expect(200);
    const response = await upload('straat,huisnummer,postcode,buurt\nLindelaan,1,1299ZZ,Bomenbuurt\nRozenstraat,2,1234AB,Bloemenbuurt\n').expect(422);
    expect(response.text).toContain('Dit adres staat al in het adresbestand van dit onderzoek.');
    expect(await frameCounts()).toEqual([4, 3, 2]);
  });

  it('rejects a file that is too large before reading it, and changes nothing', async () => {
    const { upload, frameCounts } = await setUp(1024);
    const rows = Array.from({ length: 100 }, (_, index) => `Rozenstraat;${index + 1};1234AB;B`).join('\n');
    const response = await upload(`straat;huisnummer;postcode;buurt\n${rows}\n`).expect(413);
    expect(response.text).toContain('Het bestand of verzoek is te groot.');
    expect(await frameCounts()).toEqual([0, 0, 0]);
  });

  it('asks for a file when none is chosen', async () => {
    const { coordinator, studyId } = await setUp();
    const response = await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).field('note', '').expect(400);
    expect(response.text).toContain('Kies een bestand om te uploaden.');
  });

  it('is closed to interviewers and to coordinators of other studies', async () => {
    const { loginAs, studyId, frameCounts } = await setUp();
    for (const role of ['interviewer', 'coordinator'] as const) {
      const other = await loginAs(role);
      await other.agent.post(`/studies/${studyId}/addresses/import`).field('_csrf', other.csrf).attach('file', Buffer.from(goodCsv), 'a.csv').expect(403);
    }
    expect(await frameCounts()).toEqual([0, 0, 0]);
  });
});
