import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { binary, overlappingWords, pdfInfo, pdfText, pdfWords } from '../../helpers/files';
import { storeInterviews, studyWithInterviews } from '../../helpers/interviews';
import { createStudyAs } from '../../helpers/test-app';

const streetNames = ['Rozenstraat', 'Merelstraat', 'Tulpstraat', 'Lelieplein', 'Zonnebloemstraat'];
const csv = 'straat;huisnummer;postcode;buurt\n'
  + streetNames.flatMap((street, s) => Array.from({ length: 40 }, (_, i) => `${street};${i + 1};${1234 + s}AB;Bloemenbuurt`)).join('\n') + '\n';

async function studyWithAnswers() {
  // Rozenstraat wants mutual help, Merelstraat has much annoyance, Tulpstraat is quiet and content, Lelieplein is too small,
  // and joins Zonnebloemstraat, the smallest street with figures of its own: the two are reported together.
  const app = await studyWithInterviews(csv, [
    ['Rozenstraat', 'wants-mutual-help', 30], ['Merelstraat', 'much-annoyance', 25], ['Tulpstraat', 'quiet-content', 22], ['Lelieplein', 'ordinary', 4],
    ['Zonnebloemstraat', 'ordinary', 12],
  ]);
  const { coordinator, studyId, streets } = app;
  const getPdf = async (url: string) => (await coordinator.agent.get(url).buffer(true).parse(binary).expect(200).expect('Content-Type', 'application/pdf')).body as Buffer;
  return { ...app, coordinator, studyId, streets, getPdf };
}

describe('street reports', () => {
  it('shows the street\'s figures, starting points and recommended methods in HTML and PDF', async () => {
    const { coordinator, studyId, streets, getPdf } = await studyWithAnswers();
    const id = streets.get('Rozenstraat')!;
    const html = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${id}`).expect(200)).text;
    expect(html).toContain('Straatrapport: Rozenstraat (Bloemenbuurt)');
    expect(html).toContain('Latente contacten en onderlinge hulp <span class="badge">aangrijpingspunt</span>');
    expect(html).toContain('Buurthulpmethoden');
    expect(html).toMatch(/<svg[^>]*class="marks"/);
    expect(html).not.toContain('<script');

    const text = pdfText(await getPdf(`/studies/${studyId}/reports/street/${id}/pdf`));
    // Every fixed word comes from reports/wording.json, looked up strictly: no key is ever printed.
    expect(text).not.toMatch(/\b(document|unit|street|neighbourhood|appendix|figures)\.[a-zA-Z]/);
    expect(text).toContain('Rozenstraat');
    expect(text).toContain('Buurthulpmethoden');
    expect(text).toContain('Zorgvoorelkaar');
    expect(text).toMatch(/pagina 1 van \d/);
    // The weighted gap the HTML table prints for mutual help is in the PDF too.
    const gap = /onderlinge hulp <span class="badge">aangrijpingspunt<\/span><\/th>(?:<td>[^<]*<\/td>){4}<td class="num">([^<]+)</.exec(html)![1]!;
    expect(text).toContain(gap);
  });

  it('lays out the PDFs with every word inside the text area and none drawn over another', async () => {
    const { db, studyId, streets, getPdf } = await studyWithAnswers();
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    for (const pdf of [
      await getPdf(`/studies/${studyId}/reports/street/${streets.get('Rozenstraat')}/pdf`),
      await getPdf(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/pdf`),
    ]) {
      const { pageWidth, words } = pdfWords(pdf);
      // Margins are 56 pt; a chart wider than the text used to run into the right one, its legend over its caption.
      expect(words.filter((word) => word.xMin < 55 || word.xMax > pageWidth - 55).map((word) => word.text)).toEqual([]);
      expect(overlappingWords(words).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      // Table headings stay whole words in their columns.
      expect(words.map((word) => word.text)).toEqual(expect.arrayContaining(['Gewenst', 'Belang', 'Tevreden']));
    }
  });

  it('keeps every word inside the page and none over another with the longest street and neighbourhood names', async () => {
    const long = 'Burgemeester Jonkheer Mr. Dr. Van Heemskerck Düzgünstraatweg';
    const neighbourhood = 'Nieuw-Sloten en Oud-Osdorp-Noord (Slotervaart-Zuidwest)';
    const frame = 'straat;huisnummer;postcode;buurt\n' + [long, 'Kortestraat'].flatMap((street, s) => Array.from({ length: 30 }, (_, i) => `${street};${i + 1};${1234 + s}AB;${neighbourhood}`)).join('\n') + '\n';
    const { db, coordinator, studyId, streets } = await studyWithInterviews(frame, [[long, 'wants-mutual-help', 24], ['Kortestraat', 'much-annoyance', 20]]);
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    for (const url of [`/studies/${studyId}/reports/street/${streets.get(long)}/pdf`, `/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/pdf`]) {
      const pdf = (await coordinator.agent.get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
      const { pageWidth, words } = pdfWords(pdf);
      expect(words.filter((word) => word.xMin < 55 || word.xMax > pageWidth - 55).map((word) => word.text), url).toEqual([]);
      expect(overlappingWords(words).map(([a, b]) => `${a.text} / ${b.text}`), url).toEqual([]);
      expect(words.map((word) => word.text)).toEqual(expect.arrayContaining(['Düzgünstraatweg', 'Heemskerck']));
    }
  });

  it('is a tagged PDF in Dutch: headings, tables with header cells and charts with their text alternative, in reading order', async () => {
    const { studyId, streets, getPdf } = await studyWithAnswers();
    const pdf = await getPdf(`/studies/${studyId}/reports/street/${streets.get('Rozenstraat')}/pdf`);
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    const structure = pdfInfo(pdf, ['-struct-text']);
    // The title is the one H1; the sections are H2, in the order the HTML page has them.
    expect([...structure.matchAll(/^\s*(H\d) \(block\)\n\s*"([^"]+)"/gm)].map((match) => `${match[1]} ${match[2]}`).slice(0, 6)).toEqual([
      'H1 Straatrapport: Rozenstraat (Bloemenbuurt)', 'H2 Respons', 'H2 Contactladder per thema', 'H2 Straatladder', 'H2 Aangrijpingspunten en aanbevolen methoden', 'H3 Buurthulpmethoden',
    ]);
    expect(structure).toMatch(/Table \(block\)\n\s*Caption\n\s*"Per thema[^"]*"\n\s*TR\n\s*TH:\n\s*\/Scope \/Column\n\s*"Thema"/);
    expect(structure).toMatch(/TH:\n\s*\/Scope \/Row\n\s*"Latente contacten en onderlinge hulp \(aangrijpingspunt\)"/);
    expect(structure.match(/^\s*Figure:/gm)).toHaveLength(3);
    expect(pdf.toString('latin1').match(/\/S \/Figure[^>]*\/Alt/g)?.length ?? 0).toBe(3);
    // Running headers and page numbers are artifacts, outside the structure.
    expect(structure).not.toContain('pagina 1 van');
  });

  it('says plainly that a street without starting points has no need, and recommends nothing', async () => {
    const { coordinator, studyId, streets } = await studyWithAnswers();
    const html = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${streets.get('Tulpstraat')}`).expect(200)).text;
    // Tulpstraat is quiet and content: little contact, and no wish for more.
    expect(html).toContain('<p class="no-need"><strong>Geen aangrijpingspunt.</strong> Bewoners hebben weinig contact met elkaar');
    expect(html).toContain('Weinig contact is hier geen probleem: bewoners willen het zo.');
    expect(html).not.toContain('class="method"');
  });

  it('prints a negative weighted gap with its minus sign in the PDF', async () => {
    const { coordinator, studyId, streets, getPdf } = await studyWithAnswers();
    const html = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${streets.get('Merelstraat')}`).expect(200)).text;
    const negative = /<td class="num">(\u2212\d,\d\d)<\/td>/.exec(html)?.[1];
    expect(negative).toBeDefined();
    expect(pdfText(await getPdf(`/studies/${studyId}/reports/street/${streets.get('Merelstraat')}/pdf`))).toContain(negative);
  });

  it('shows a small street only together with the street it joined, never either one\'s own figures or interview count', async () => {
    const { db, coordinator, studyId, streets, getPdf } = await studyWithAnswers();
    const figures: string[] = [];
    for (const name of ['Lelieplein', 'Zonnebloemstraat']) {
      const id = streets.get(name)!;
      const html = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${id}`).expect(200)).text;
      expect(html).toContain('de cijfers hieronder zijn van Lelieplein en Zonnebloemstraat samen');
      expect(html).toContain('16 respondenten.');
      // Not the number of interviews: Zonnebloemstraat's 12 beside the unit's 16 would give Lelieplein's 4.
      expect(html).toContain('Het aantal interviews van deze straat wordt niet getoond: naast het aantal respondenten van de straten samen');
      expect(html).not.toMatch(/\d+ interviews afgenomen/);
      figures.push([...html.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((match) => match[1]).join(' '));
      expect(pdfText(await getPdf(`/studies/${studyId}/reports/street/${id}/pdf`))).toContain('Lelieplein en Zonnebloemstraat samen');
    }
    // Both reports show the one unit's figures.
    expect(figures[0]).toBe(figures[1]);
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    const html = (await coordinator.agent.get(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}`).expect(200)).text;
    // Never under one street's name: not in the rankings, the heat map or a street's own section.
    expect(html).not.toMatch(/(Zonnebloemstraat|Lelieplein) [+\u2212]\d/);
    expect(html).not.toMatch(/<text[^>]*>(Zonnebloemstraat|Lelieplein)<\/text>/);
    const section = html.slice(html.indexOf('<h3>Zonnebloemstraat</h3>'));
    expect(section.slice(0, section.indexOf('</section>'))).not.toMatch(/class="num"/);
    expect(html).toContain('<h3>Lelieplein en Zonnebloemstraat samen</h3>');
    for (const name of ['Lelieplein', 'Zonnebloemstraat']) expect(html).toMatch(new RegExp(`<th scope="row">${name}</th><td>40</td><td>40</td><td>niet getoond</td><td>–</td>`));
    expect(html).toMatch(/<th scope="row">Rozenstraat<\/th><td>40<\/td><td>40<\/td><td>\d+<\/td><td>\d+%<\/td>/);
  });
});

describe('neighbourhood report and publishing', () => {
  it('builds the neighbourhood report with a table of contents and a method appendix, and publishes it to readers unchanged', async () => {
    const { db, coordinator, studyId, loginAs, getPdf } = await studyWithAnswers();
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    const html = (await coordinator.agent.get(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}`).expect(200)).text;
    for (const heading of ['Methode en respons', 'Wie deden er mee', 'Straten en straattypen', 'Methodebijlage', 'Niet getoetst aan de oorspronkelijke vragenlijst']) expect(html).toContain(heading);
    const text = pdfText(await getPdf(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/pdf`), true);
    // Every fixed word comes from reports/wording.json, looked up strictly: no key is ever printed.
    expect(text).not.toMatch(/\b(document|unit|street|neighbourhood|appendix|figures)\.[a-zA-Z]/);
    expect(text).toContain('Inhoud');
    // The table of contents gives the appendix's page, and that page has the appendix.
    const page = Number(/Methodebijlage\s+(\d+)/.exec(text)![1]);
    const pages = text.split('\f');
    expect(pages[page - 1]).toMatch(/^\s*Methodebijlage/m);
    expect(pages[page - 1]).toContain(`pagina ${page} van ${pages.length - 1}`);

    const reader = await loginAs('reader');
    const readerId = (await db.get<{ id: number }>("SELECT id FROM users WHERE role = 'reader' ORDER BY id DESC LIMIT 1"))!.id;
    await db.run("INSERT INTO study_members (study_id, user_id, role) VALUES (?, ?, 'reader')", [studyId, readerId]);
    // Nothing published yet: the reader sees no report and cannot open a preview.
    expect((await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text).toContain('Er zijn nog geen rapporten gepubliceerd.');
    await reader.agent.get(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}`).expect(403);

    await coordinator.agent.post(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const list = (await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    const link = /href="(\/studies\/\d+\/published\/\d+)"/.exec(list)![1]!;
    const published = (await reader.agent.get(link).expect(200)).text;
    expect(published).toContain('Buurtrapport: Bloemenbuurt');
    expect(published).not.toContain('Publiceren voor lezers');
    // A change in the data does not change what was published.
    await db.run("UPDATE interviews SET status = 'set-aside' WHERE street_id = (SELECT id FROM streets WHERE study_id = ? AND name = 'Rozenstraat')", [studyId]);
    expect((await reader.agent.get(link).expect(200)).text).toBe(published);
    await reader.agent.get(`${link}/pdf`).expect(200).expect('Content-Type', 'application/pdf');
  });

  it('keeps the files of a published version as they are when the same version is published again', async () => {
    const { coordinator, studyId, streets, deps, db } = await studyWithAnswers();
    const publish = () => coordinator.agent.post(`/studies/${studyId}/reports/street/${streets.get('Rozenstraat')}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    await publish();
    const { html_file: htmlFile } = (await db.get<{ html_file: string }>('SELECT html_file FROM published_reports'))!;
    const file = path.join(deps.config.dataDir, 'reports', htmlFile);
    // A mark in the stored file: a second publication that wrote the file again would take it away (no clock needed).
    appendFileSync(file, '<!-- kept -->');
    await publish();
    expect(readFileSync(file, 'utf8').endsWith('<!-- kept -->')).toBe(true);
    expect(await db.all("SELECT action FROM audit_log WHERE action = 'report.published'")).toHaveLength(2);
  });

  it('needs a CSRF token to publish, and refuses unknown report kinds', async () => {
    const { coordinator, studyId, streets } = await studyWithAnswers();
    await coordinator.agent.post(`/studies/${studyId}/reports/street/${streets.get('Rozenstraat')}/publish`).type('form').send({}).expect(403);
    await coordinator.agent.get(`/studies/${studyId}/reports/city/1`).expect(404);
  });

  it('records an intervention per street and rejects one without a method or date', async () => {
    const { coordinator, studyId, streets } = await studyWithAnswers();
    await coordinator.agent.post(`/studies/${studyId}/interventions`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streets.get('Rozenstraat'), kind: 'method', methodId: 'buurthulpmethoden', heldOn: '2026-05-01', note: 'Start burenhulp' }).expect(303);
    const bad = await coordinator.agent.post(`/studies/${studyId}/interventions`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streets.get('Rozenstraat'), kind: 'method', methodId: '', heldOn: 'gisteren' }).expect(400);
    expect(bad.text).toContain('Methode');
    expect(bad.text).toContain('Datum');
    const page = (await coordinator.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    expect(page).toContain('1 mei 2026 · Rozenstraat · Methode uit de catalogus: Buurthulpmethoden – Start burenhulp');
  });
});

describe('a follow-up wave', () => {
  it('shows per street the change since the earlier wave and the interventions recorded in between, in HTML and PDF', async () => {
    const { coordinator, studyId: first, streets: firstStreets, db, getPdf } = await studyWithAnswers();
    await coordinator.agent.post(`/studies/${first}/interventions`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: firstStreets.get('Rozenstraat'), kind: 'method', methodId: 'buurthulpmethoden', heldOn: '2026-05-01', note: 'Start burenhulp' }).expect(303);
    const second = await createStudyAs(coordinator, { name: 'Oosterpark, tweede meting', fieldworkStart: '2027-03-01', fieldworkEnd: '2027-04-15', followUpOf: String(first) });
    await coordinator.agent.post(`/studies/${second}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(csv), 'a.csv').expect(200);
    const streets = new Map((await listStreets(db, second)).map((street) => [street.name, street.id]));
    // After the help network started, Rozenstraat is as content as Tulpstraat was.
    await db.transaction((tx) => storeInterviews(tx, second, streets, [['Rozenstraat', 'quiet-content', 30], ['Merelstraat', 'much-annoyance', 25]], 31));
    const url = `/studies/${second}/reports/street/${streets.get('Rozenstraat')}`;
    const html = (await coordinator.agent.get(url).expect(200)).text;
    expect(html).toContain('Verandering sinds Buurtonderzoek Oosterpark');
    expect(html).toMatch(/Latente contacten en onderlinge hulp<\/th><td>\+0,\d\d<\/td><td>[^<]+<\/td><td class="num">−0,\d\d \(duidelijk\)/);
    expect(html).toContain('Interventies tussen de metingen: 1 mei 2026: Methode: Buurthulpmethoden – Start burenhulp.');
    const text = pdfText(await getPdf(`${url}/pdf`));
    // Every fixed word comes from reports/wording.json, looked up strictly: no key is ever printed.
    expect(text).not.toMatch(/\b(document|unit|street|neighbourhood|appendix|figures)\.[a-zA-Z]/);
    expect(text).toContain('Verandering sinds Buurtonderzoek Oosterpark');
    expect(text).toContain('Buurthulpmethoden – Start burenhulp');
  });
});
