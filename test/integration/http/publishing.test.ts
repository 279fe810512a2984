/**
 * Publishing for readers: a reader only ever gets a unit's current
 * publication (older versions answer 404 to readers and stay for the
 * coordinator), a withdrawn report is gone for readers at once, a publication
 * made from older data is marked out of date for the coordinator, all
 * reports of a neighbourhood or the study are published in one action, and a
 * new version that would let a reader with both versions work out a few
 * residents' answers is refused.
 */
import { describe, expect, it } from 'vitest';
import { storeCopies, studyWithInterviews } from '../../helpers/interviews';

const csv = 'straat;huisnummer;postcode;buurt\n'
  + ['Rozenstraat', 'Merelstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 30 }, (_, i) => `${street};${i + 1};${1234 + s}AB;${s < 2 ? 'Bloemenbuurt' : 'Vogelwijk'}`)).join('\n') + '\n';

const oneNeighbourhood = 'straat;huisnummer;postcode;buurt\n'
  + ['Rozenstraat', 'Merelstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 30 }, (_, i) => `${street};${i + 1};${1234 + s}AB;Bloemenbuurt`)).join('\n') + '\n';

async function publishedStudy() {
  const app = await studyWithInterviews(csv, [['Rozenstraat', 'wants-mutual-help', 20], ['Merelstraat', 'much-annoyance', 15], ['Tulpstraat', 'quiet-content', 12]]);
  const reader = await app.loginAs('reader', 'lezer-gemeente');
  await app.coordinator.agent.post(`/studies/${app.studyId}/members`).type('form').send({ _csrf: app.coordinator.csrf, username: 'lezer-gemeente', role: 'reader' }).expect(200);
  const publish = (streetName: string) => app.coordinator.agent.post(`/studies/${app.studyId}/reports/street/${app.streets.get(streetName)}/publish`).type('form').send({ _csrf: app.coordinator.csrf }).expect(303);
  const readerLinks = async () => [...(await reader.agent.get(`/studies/${app.studyId}/reports`).expect(200)).text.matchAll(/href="(\/studies\/\d+\/published\/\d+)"/g)].map((match) => match[1]!);
  const coordinatorPage = async () => (await app.coordinator.agent.get(`/studies/${app.studyId}/reports`).expect(200)).text;
  return { ...app, reader, publish, readerLinks, coordinatorPage };
}

describe('publishing for readers', () => {
  it('gives readers only the current version, and marks a publication out of date once the data change', async () => {
    const { db, studyId, streets, reader, coordinator, publish, readerLinks, coordinatorPage } = await publishedStudy();
    await publish('Rozenstraat');
    const [first] = await readerLinks();
    const page = (await reader.agent.get(first!).expect(200)).text;
    // The published page leads back to the study's reports and on to its PDF and tables.
    expect(page).toContain(`<nav class="report-nav" aria-label="Rapport">`);
    expect(page).toContain(`href="/studies/${studyId}/reports">← Alle rapporten van dit onderzoek</a>`);
    expect(page).toContain(`href="${first}/pdf">PDF</a>`);
    expect(page).toContain(`href="${first}/tables" download>Tabellen (CSV)</a>`);
    // The tables in the comma dialect and in Dutch Excel's: the same cells, semicolons and decimal commas.
    const comma = (await reader.agent.get(`${first}/tables`).expect(200)).text;
    const excel = (await reader.agent.get(`${first}/tables?dialect=excel-nl`).expect(200).expect('Content-Disposition', /-excel\.csv$/)).text;
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    const commaRows = comma.replace(/^\uFEFF/, '').trim().split('\r\n');
    const excelRows = excel.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(excelRows).toHaveLength(commaRows.length);
    expect(excelRows[0]).toBe(commaRows[0]!.replaceAll(',', ';'));
    const gapCell = /,(-?\d+\.\d+),/.exec(commaRows[1]!)![1]!;
    expect(excelRows[1]).toContain(`;${gapCell.replace('.', ',')};`);
    await reader.agent.get(`${first}/tables?dialect=tsv`).expect(400);
    expect(await coordinatorPage()).not.toContain('verouderd');

    // Ten more interviews (the minimum; fewer would be refused, see below): what was published is now out of date.
    await db.transaction((tx) => storeCopies(tx, studyId, streets.get('Rozenstraat')!, 'wants-mutual-help', 10, 77));
    const outdated = await coordinatorPage();
    expect(outdated).toContain('<span class="badge warning">verouderd</span>');
    expect(outdated).toContain('Nieuwe versie publiceren');
    expect(outdated).toContain('1 gepubliceerd rapport is gemaakt uit oudere gegevens');
    // Readers are not told; they keep the current publication until a new one is made.
    expect(await readerLinks()).toEqual([first]);

    await publish('Rozenstraat');
    const links = await readerLinks();
    expect(links).toHaveLength(1);
    expect(links[0]).not.toBe(first);
    // The older version is gone for readers in every format, and stays for the coordinator.
    for (const suffix of ['', '/pdf', '/tables']) await reader.agent.get(`${first}${suffix}`).expect(404);
    await coordinator.agent.get(first!).expect(200);
    await reader.agent.get(links[0]!).expect(200);
    expect(await coordinatorPage()).not.toContain('verouderd');
  });

  it('takes a withdrawn report away from readers at once, keeps it for the audit, and shows it again when published again', async () => {
    const { db, studyId, reader, coordinator, publish, readerLinks, coordinatorPage } = await publishedStudy();
    await publish('Merelstraat');
    const [link] = await readerLinks();
    const reportId = Number(link!.split('/').at(-1));
    await coordinator.agent.post(`/studies/${studyId}/published/${reportId}/withdraw`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    await reader.agent.get(link!).expect(404);
    expect(await readerLinks()).toEqual([]);
    expect(await coordinatorPage()).toContain('<span class="badge">ingetrokken</span>');
    await coordinator.agent.get(link!).expect(200);
    expect(await db.all("SELECT action, subject FROM audit_log WHERE action = 'report.withdrawn'")).toEqual([{ action: 'report.withdrawn', subject: 'Merelstraat (Bloemenbuurt)' }]);
    // Withdrawing twice finds nothing to withdraw.
    await coordinator.agent.post(`/studies/${studyId}/published/${reportId}/withdraw`).type('form').send({ _csrf: coordinator.csrf }).expect(404);

    await publish('Merelstraat');
    expect(await readerLinks()).toEqual([link]);
    await reader.agent.get(link!).expect(200);
  });

  it('refuses a new version that changes a hidden or a shown street by fewer than the minimum, and publishes it once enough interviews came in', async () => {
    const app = await studyWithInterviews(oneNeighbourhood, [['Rozenstraat', 'wants-mutual-help', 20], ['Merelstraat', 'much-annoyance', 15], ['Tulpstraat', 'quiet-content', 9]]);
    const { db, studyId, streets, coordinator } = app;
    const reader = await app.loginAs('reader', 'lezer-gemeente');
    await coordinator.agent.post(`/studies/${studyId}/members`).type('form').send({ _csrf: coordinator.csrf, username: 'lezer-gemeente', role: 'reader' }).expect(200);
    const neighbourhoodId = (await db.get<{ id: number }>('SELECT id FROM neighbourhoods WHERE study_id = ?', [studyId]))!.id;
    const publishNeighbourhood = () => coordinator.agent.post(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}/publish`).type('form').send({ _csrf: coordinator.csrf });
    const published = async () => (await db.all<{ data_version: string }>('SELECT DISTINCT data_version FROM published_reports WHERE study_id = ?', [studyId])).length;
    await publishNeighbourhood().expect(303);
    const [first] = [...(await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text.matchAll(/href="(\/studies\/\d+\/published\/\d+)"/g)].map((match) => match[1]!);

    // The review's attack: one more interview in the hidden Tulpstraat (9 respondents). The old and the new
    // neighbourhood figure together would give that one resident's scores; the new version is refused.
    await db.transaction((tx) => storeCopies(tx, studyId, streets.get('Tulpstraat')!, 'quiet-content', 1, 81));
    const refused = await publishNeighbourhood().expect(409);
    expect(refused.text).toContain('Deze versie is niet gepubliceerd: sinds een eerdere publicatie is het aantal respondenten van Tulpstraat met minder dan 10 veranderd.');
    expect(await published()).toBe(1);
    await reader.agent.get(first!).expect(200);
    // Publishing all reports at once is refused for the same reason, and the page says why.
    await coordinator.agent.post(`/studies/${studyId}/reports/publish-all`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    let page = '';
    for (let attempt = 0; attempt < 200 && !page.includes('role="alert"'); attempt++) page = (await coordinator.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    expect(page).toContain('<p class="error-summary" role="alert">Deze versie is niet gepubliceerd');
    expect(await published()).toBe(1);

    // Nine more there, alike: every count changed by 0 or 10 since the published version, so no resident stands
    // out. But one more in the shown Rozenstraat is refused: the two versions would give that interview away.
    await db.transaction(async (tx) => {
      await storeCopies(tx, studyId, streets.get('Tulpstraat')!, 'quiet-content', 9, 81);
      await storeCopies(tx, studyId, streets.get('Rozenstraat')!, 'wants-mutual-help', 1, 82);
    });
    expect((await publishNeighbourhood().expect(409)).text).toContain('het aantal respondenten van Rozenstraat');
    await db.transaction((tx) => storeCopies(tx, studyId, streets.get('Rozenstraat')!, 'wants-mutual-help', 9, 82));
    await publishNeighbourhood().expect(303);
    expect(await published()).toBe(2);
    const versions = await db.all<{ counts: string }>('SELECT counts FROM published_versions WHERE study_id = ? ORDER BY recorded_at', [studyId]);
    const [before, after] = versions.map((version) => JSON.parse(version.counts) as Record<string, number>);
    // What a reader with both versions has: every count changed by nothing or by at least ten.
    const changedTooLittle = [...new Set([...Object.keys(before!), ...Object.keys(after!)])].filter((cell) => {
      const difference = Math.abs((after![cell] ?? 0) - (before![cell] ?? 0));
      return difference > 0 && difference < 10;
    });
    expect(changedTooLittle).toEqual([]);
    expect(after![`street:${streets.get('Tulpstraat')}`]! - before![`street:${streets.get('Tulpstraat')}`]!).toBe(10);
  });

  it('publishes all reports of a neighbourhood, then of the study, in one action, and shows readers them grouped by neighbourhood', async () => {
    const { db, studyId, coordinator, reader, readerLinks } = await publishedStudy();
    const bloemenbuurt = (await db.get<{ id: number }>("SELECT id FROM neighbourhoods WHERE study_id = ? AND name = 'Bloemenbuurt'", [studyId]))!.id;
    const finished = async () => {
      // Each look at the page is a request of its own; the publication runs between them.
      for (let attempt = 0; attempt < 2000; attempt++) {
        const page = (await coordinator.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
        if (!page.includes('bezig met publiceren')) return page;
        expect(page).toContain('<meta http-equiv="refresh" content="2">');
      }
      throw new Error('the publication did not finish');
    };
    await coordinator.agent.post(`/studies/${studyId}/reports/publish-all`).type('form').send({ _csrf: coordinator.csrf, neighbourhoodId: bloemenbuurt }).expect(303);
    expect(await finished()).toContain('Bloemenbuurt: klaar: 3 van 3 rapporten gepubliceerd.');
    expect(await readerLinks()).toHaveLength(3);

    await coordinator.agent.post(`/studies/${studyId}/reports/publish-all`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    expect(await finished()).toContain('Het hele onderzoek: klaar: 5 van 5 rapporten gepubliceerd.');
    const page = (await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    expect([...page.matchAll(/<h3>([^<]+)<\/h3>|>(Buurtrapport|Straatrapport): ([^<]+)</g)].map((match) => match[1] ?? `${match[2]}: ${match[3]}`)).toEqual([
      'Bloemenbuurt', 'Buurtrapport: Bloemenbuurt', 'Straatrapport: Merelstraat (Bloemenbuurt)', 'Straatrapport: Rozenstraat (Bloemenbuurt)',
      'Vogelwijk', 'Buurtrapport: Vogelwijk', 'Straatrapport: Tulpstraat (Vogelwijk)',
    ]);
    // An unknown neighbourhood publishes nothing.
    await coordinator.agent.post(`/studies/${studyId}/reports/publish-all`).type('form').send({ _csrf: coordinator.csrf, neighbourhoodId: 99999 }).expect(404);
  });
});
