import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { fieldworkSetUp, interview, visit } from '../../helpers/fieldwork';
import { storeInterviews } from '../../helpers/interviews';
import { countRows, openTestDatabase } from '../../helpers/test-app';

const fieldworkTables = ['addresses', 'visits', 'interview_addresses', 'sync_conflicts', 'duplicate_resolutions'];

async function studyAfterFieldwork(options: Parameters<typeof fieldworkSetUp>[0] = {}) {
  const setUp = await fieldworkSetUp(options);
  const { db, studyId, addressId, sync, interviewer } = setUp;
  const answered = interview(studyId, addressId('Rozenstraat', 1));
  const records = [
    visit(studyId, addressId('Rozenstraat', 1), { outcome: 'interview' }), answered,
    visit(studyId, addressId('Rozenstraat', 2), { outcome: 'refused' }),
    visit(studyId, addressId('Rozenstraat', 3), { outcome: 'ineligible' }),
  ];
  await sync(interviewer, records).expect(200);
  // The same id with other content: a conflict kept on the fieldwork side.
  await sync(interviewer, [{ ...answered, endedAt: '2026-03-03T18:40:00.000Z' }]).expect(200);
  const streets = new Map((await listStreets(db, studyId)).map((street) => [street.name, street.id]));
  await db.transaction((tx) => storeInterviews(tx, studyId, streets, [['Rozenstraat', 'wants-mutual-help', 30], ['Tulpstraat', 'much-annoyance', 25]]));
  await db.run("INSERT INTO follow_up_contacts (id, study_id, street_id, name, consented_at, handled_at) VALUES ('contact-0001', ?1, ?2, 'A', '2026-03-03', '2026-03-10'), ('contact-0002', ?1, ?2, 'B', '2026-03-03', NULL)",
    [studyId, streets.get('Rozenstraat')!]);
  return setUp;
}

describe('purging the address frame after fieldwork', () => {
  it('deletes addresses, visits and handled contact details and leaves every figure byte for byte as it was', async () => {
    const { db, coordinator, studyId } = await studyAfterFieldwork();
    for (const table of fieldworkTables.slice(0, 4)) expect(await countRows(db, table), table).toBeGreaterThan(0);
    const analysisBefore = (await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200)).text;
    const streetId = (await listStreets(db, studyId)).find((street) => street.name === 'Rozenstraat')!.id;
    const reportBefore = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${streetId}`).expect(200)).text;
    const version = (html: string) => /Gegevensversie ([0-9a-f]{16})/.exec(html)?.[1];
    expect(version(reportBefore)).toBeDefined();

    const page = await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: ' buurtonderzoek oosterpark ' }).expect(200);
    expect(page.text).toContain('Verwijderd: 4 adressen, 3 bezoeken en 1 afgehandelde contactgegevens.');
    expect(page.text).toContain('1 contactgegevens voor vervolgcontact zijn nog niet afgehandeld en zijn bewaard.');
    for (const table of fieldworkTables) expect(await countRows(db, table), table).toBe(0);
    expect(await countRows(db, 'follow_up_contacts')).toBe(1);
    expect(await countRows(db, 'interviews')).toBe(56);
    expect((await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200)).text).toMatch(/De adresgegevens van dit onderzoek zijn op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} verwijderd/);
    expect((await coordinator.agent.get(`/studies/${studyId}`).expect(200)).text).toContain('De adresgegevens van dit onderzoek zijn op');

    const analysisAfter = (await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200)).text;
    expect(analysisAfter).toBe(analysisBefore);
    const reportAfter = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${streetId}`).expect(200)).text;
    expect(version(reportAfter)).toBe(version(reportBefore));
    expect(JSON.parse(analysisBefore).response.streets[streetId]).toMatchObject({ addresses: 3, completed: 1, refused: 1, ineligible: 1 });
    expect(await db.all('SELECT action, subject FROM audit_log WHERE action = ?', ['address-frame.purged'])).toEqual([{ action: 'address-frame.purged', subject: 'Buurtonderzoek Oosterpark' }]);
  });

  it('asks for the study\'s name and changes nothing on a wrong one', async () => {
    const { db, coordinator, studyId } = await studyAfterFieldwork();
    const page = await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'ja' }).expect(400);
    expect(page.text).toContain('Dit is niet de naam van het onderzoek.');
    expect(await countRows(db, 'addresses')).toBe(4);
    expect(await countRows(db, 'street_response_snapshots')).toBe(0);
  });

  it('closes fieldwork: no new import and no new visits afterwards, and a second purge is refused', async () => {
    const { coordinator, studyId, sync, interviewer } = await studyAfterFieldwork();
    const addressBefore = (await coordinator.agent.get(`/api/studies/${studyId}/analysis`)).body;
    await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'Buurtonderzoek Oosterpark' }).expect(200);
    const importPage = await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf })
      .attach('file', Buffer.from('straat,huisnummer,postcode,buurt\nRozenstraat,9,1234AB,Noord\n'), 'a.csv').expect(400);
    expect(importPage.text).toContain('De adresgegevens van dit onderzoek zijn verwijderd');
    const late = await sync(interviewer, [visit(studyId, 1)]).expect(200);
    expect(late.body.results[0].status).toBe('rejected');
    await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'Buurtonderzoek Oosterpark' }).expect(400);
    expect((await coordinator.agent.get(`/api/studies/${studyId}/analysis`)).body.response).toEqual(addressBefore.response);
  });

  it('deletes a follow-up contact once the coordinator has marked it handled', async () => {
    const { db, coordinator, studyId } = await studyAfterFieldwork();
    const page = (await coordinator.agent.get(`/studies/${studyId}/follow-ups`).expect(200)).text;
    expect(page).toContain('B als afgehandeld markeren');
    await coordinator.agent.post(`/studies/${studyId}/follow-ups/contact-0002/handled`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    await coordinator.agent.post(`/studies/${studyId}/follow-ups/contact-9999/handled`).type('form').send({ _csrf: coordinator.csrf }).expect(404);
    await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'Buurtonderzoek Oosterpark' }).expect(200);
    expect(await countRows(db, 'follow_up_contacts')).toBe(0);
    expect(await db.all("SELECT subject FROM audit_log WHERE action = 'follow-up.handled'")).toEqual([{ subject: 'contact-0002' }]);
  });

  it('purges once when two confirmations arrive at the same time, keeping the response figures', async () => {
    const { db, coordinator, studyId } = await studyAfterFieldwork();
    const before = await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200);
    const send = () => coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'Buurtonderzoek Oosterpark' });
    const statuses = (await Promise.all([send(), send()])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 400]);
    expect((await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200)).text).toBe(before.text);
    expect(await db.all("SELECT action FROM audit_log WHERE action = 'address-frame.purged'")).toHaveLength(1);
  });

  it('leaves no purged postcode, address pair or redacted original in the bytes of the database file', { timeout: 30_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'buurtladder-purge-'));
    const file = path.join(folder, 'buurtladder.sqlite');
    const db = await openTestDatabase(file);
    const { coordinator, studyId, sync, interviewer, addressId } = await studyAfterFieldwork({ db });
    const original = 'Bel Jan de Vries op 06-12345678, Dorpsstraat 12';
    const told = interview(studyId, addressId('Rozenstraat', 3), { comments: { 'closing-remarks': original } });
    await sync(interviewer, [visit(studyId, addressId('Rozenstraat', 3), { outcome: 'interview' }), told]).expect(200);
    await coordinator.agent.post(`/studies/${studyId}/comments`).type('form')
      .send({ _csrf: coordinator.csrf, interviewId: told.id, itemId: 'closing-remarks', decision: 'approve', reviewedBody: 'Bel […] op […], […]' }).expect(303);
    // What the purge must erase: the postcodes and the interview-to-address pairs, as SQLite stores them.
    const pairs = await db.all<{ interview_id: string }>('SELECT interview_id FROM interview_addresses');
    expect(pairs.length).toBeGreaterThan(0);
    await coordinator.agent.post(`/studies/${studyId}/purge`).type('form').send({ _csrf: coordinator.csrf, confirmation: 'Buurtonderzoek Oosterpark' }).expect(200);
    const traces = () => {
      const bytes = Buffer.concat([file, `${file}-wal`].filter((name) => existsSync(name)).map((name) => readFileSync(name)));
      return ['1234AB', '1234AC', original, 'Jan de Vries', '06-12345678', 'Dorpsstraat 12'].filter((text) => bytes.includes(Buffer.from(text)));
    };
    // While the server runs (the write-ahead log emptied at once), and after a clean stop.
    expect(traces()).toEqual([]);
    await db.close();
    expect(traces()).toEqual([]);
    // The interviews stay (the figures are theirs), but nothing ties them to an address any more: no other trace of the pairs' table.
    const reopened = await openTestDatabase(file);
    expect(await reopened.all('SELECT * FROM interview_addresses')).toEqual([]);
    expect((await reopened.get<{ body: string }>('SELECT body FROM comments WHERE interview_id = ?', [told.id]))!.body).toBe('Bel […] op […], […]');
    await reopened.close();
  });
});
