import { describe, expect, it } from 'vitest';
import { readRespondentTable } from '../../../src/storage/interviews';
import { fieldworkSetUp, interview, visit } from '../../helpers/fieldwork';
import { instruments } from '../../helpers/test-app';

describe('GET /studies/:id/fieldwork and POST /studies/:id/duplicates', () => {
  it('shows response per street and a duplicate, and keeping one sets the other aside for the analysis', async () => {
    const { db, coordinator, interviewer, colleague, studyId, addressId, sync, loginAs } = await fieldworkSetUp();
    const rozen2 = addressId('Rozenstraat', 2);
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: (await db.get<{ street_id: number }>('SELECT street_id FROM addresses WHERE id = ?', [rozen2]))!.street_id, interviewerId: colleague.user.id }).expect(303);
    const first = interview(studyId, rozen2);
    const second = interview(studyId, rozen2, { endedAt: '2026-03-03T18:40:00.000Z' });
    await sync(interviewer, [
      visit(studyId, addressId('Rozenstraat', 1), { outcome: 'ineligible' }),
      visit(studyId, addressId('Rozenstraat', 3), { outcome: 'appointment', appointmentAt: new Date(Date.now() + 3_600_000).toISOString() }),
      visit(studyId, rozen2, { outcome: 'interview' }), first,
    ]).expect(200);
    await sync(colleague, [visit(studyId, rozen2, { outcome: 'interview' }), second], 'tablet-0002').expect(200);

    const page = await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200);
    // Rozenstraat: 3 addresses, 1 vacant → 2 eligible, 1 completed → 50 %.
    expect(page.text).toMatch(/Rozenstraat[\s\S]*?<td class="number">3<\/td><td class="number">1<\/td><td class="number">4<\/td>\s*<td class="number">1<\/td>[\s\S]*?50%/);
    expect(page.text).toContain('Twee of meer interviews op Rozenstraat 2 (contactladder)');
    expect(page.text).toContain('Afspraken (tot over twee dagen)');

    await coordinator.agent.post(`/studies/${studyId}/duplicates`).type('form')
      .send({ _csrf: coordinator.csrf, addressId: rozen2, instrumentId: 'contactladder', keep: first.id }).expect(303);
    expect(await db.all('SELECT id, status FROM interviews ORDER BY ended_at')).toEqual([{ id: first.id, status: 'counted' }, { id: second.id, status: 'set-aside' }]);
    const after = await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200);
    expect(after.text).not.toContain('Twee of meer interviews');
    const counted = await readRespondentTable(db, studyId, instruments.get('contactladder', 1)!);
    expect(counted.size).toBe(1);

    // Resolving again (a second click) changes nothing and is no error; another study's coordinator cannot.
    await coordinator.agent.post(`/studies/${studyId}/duplicates`).type('form')
      .send({ _csrf: coordinator.csrf, addressId: rozen2, instrumentId: 'contactladder', keep: 'all' }).expect(303);
    expect(await db.all('SELECT id, status FROM interviews ORDER BY ended_at')).toEqual([{ id: first.id, status: 'counted' }, { id: second.id, status: 'set-aside' }]);
    const stranger = await loginAs('coordinator');
    await stranger.agent.get(`/studies/${studyId}/fieldwork`).expect(403);
    await interviewer.agent.get(`/studies/${studyId}/fieldwork`).expect(403);
  });

  it('takes the same decision twice without an error, and opens the duplicate again when a third interview is counted there', async () => {
    const { db, coordinator, interviewer, colleague, studyId, addressId, sync } = await fieldworkSetUp();
    const rozen2 = addressId('Rozenstraat', 2);
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: (await db.get<{ street_id: number }>('SELECT street_id FROM addresses WHERE id = ?', [rozen2]))!.street_id, interviewerId: colleague.user.id }).expect(303);
    await sync(interviewer, [visit(studyId, rozen2, { outcome: 'interview' }), interview(studyId, rozen2)]).expect(200);
    await sync(colleague, [visit(studyId, rozen2, { outcome: 'interview' }), interview(studyId, rozen2, { endedAt: '2026-03-03T18:40:00.000Z' })], 'tablet-0002').expect(200);
    const separate = () => coordinator.agent.post(`/studies/${studyId}/duplicates`).type('form')
      .send({ _csrf: coordinator.csrf, addressId: rozen2, instrumentId: 'contactladder', keep: 'all' });
    await separate().expect(303);
    await separate().expect(303);
    expect(await db.all("SELECT action FROM audit_log WHERE action = 'duplicate.resolved'")).toHaveLength(1);
    expect((await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200)).text).not.toContain('Twee of meer interviews');

    const third = interview(studyId, rozen2, { endedAt: '2026-03-04T10:00:00.000Z' });
    await sync(colleague, [third], 'tablet-0002').expect(200);
    expect((await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200)).text).toContain('Twee of meer interviews op Rozenstraat 2 (contactladder)');
    await coordinator.agent.post(`/studies/${studyId}/duplicates`).type('form')
      .send({ _csrf: coordinator.csrf, addressId: rozen2, instrumentId: 'contactladder', keep: third.id }).expect(303);
    expect(await db.all("SELECT status, count(*) AS n FROM interviews GROUP BY status ORDER BY status")).toEqual([{ status: 'counted', n: 1 }, { status: 'set-aside', n: 2 }]);
    expect((await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200)).text).not.toContain('Twee of meer interviews');
  });

  it('rejects a malformed resolution, naming each wrong field', async () => {
    const { coordinator, studyId } = await fieldworkSetUp();
    const response = await coordinator.agent.post(`/studies/${studyId}/duplicates`).type('form').set('accept', 'application/json')
      .send({ _csrf: coordinator.csrf, addressId: 'abc', instrumentId: 'contactladder', keep: 'x' }).expect(400);
    expect(response.body.error.fields.map((field: { field: string }) => field.field)).toEqual(['addressId', 'keep']);
  });
});

describe('quality flags on the fieldwork monitor', () => {
  it('flags interviews too fast for their questions, outside the fieldwork period and at night, and visits beyond the maximum, and leaves ordinary ones alone', async () => {
    const { db, coordinator, interviewer, studyId, sync } = await fieldworkSetUp();
    // Seven more houses in Rozenstraat, the interviewer's street.
    const more = 'straat,huisnummer,postcode,buurt\n' + [4, 5, 6, 7, 8, 9, 10].map((house) => `Rozenstraat,${house},1234AB,Noord`).join('\n') + '\n';
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(more), 'more.csv').expect(200);
    const houses = new Map((await db.all<{ id: number; house_number: number }>(
      "SELECT a.id, a.house_number FROM addresses a JOIN streets s ON s.id = a.street_id WHERE s.name = 'Rozenstraat'")).map((row) => [row.house_number, row.id]));
    const contactladderQuestions = instruments.get('contactladder', 1)!.items.length;
    const at = (address: number, startedAt: string, seconds: number) => interview(studyId, address, { startedAt, endedAt: new Date(Date.parse(startedAt) + seconds * 1000).toISOString() });
    const rozen = (house: number) => houses.get(house)!;
    await sync(interviewer, [
      // Ordinary: 24 minutes on a March evening (19:10 in Amsterdam).
      at(rozen(1), '2026-03-03T18:10:00.000Z', 24 * 60),
      // Too fast: one second per question, although not far from others in minutes (the relative rule needs five).
      at(rozen(2), '2026-03-04T18:10:00.000Z', contactladderQuestions),
      // Just fast enough: two seconds per question.
      at(rozen(3), '2026-03-05T18:10:00.000Z', 2 * contactladderQuestions),
      // Before the fieldwork period (it starts on 1 March): 28 February, 20:00 in Amsterdam.
      at(rozen(4), '2026-02-28T19:00:00.000Z', 20 * 60),
      // At night: 23:30 in Amsterdam, and 06:30; 07:00 is morning.
      at(rozen(5), '2026-03-06T22:30:00.000Z', 20 * 60),
      at(rozen(6), '2026-03-07T05:30:00.000Z', 20 * 60),
      at(rozen(7), '2026-03-08T06:00:00.000Z', 20 * 60),
      // Four visits at an address where the study allows three, and three without an outcome at another.
      ...[0, 1, 2, 3].map((day) => visit(studyId, rozen(8), { visitedAt: `2026-03-1${day}T18:00:00.000Z` })),
      ...[0, 1, 2].map((day) => visit(studyId, rozen(9), { visitedAt: `2026-03-1${day}T18:05:00.000Z` })),
      // Three visits ending in a refusal: nothing left to do there, so not flagged.
      ...[0, 1, 2].map((day) => visit(studyId, rozen(10), { visitedAt: `2026-03-1${day}T18:10:00.000Z`, outcome: day === 2 ? 'refused' : 'not-home' })),
    ]).expect(200);
    const page = (await coordinator.agent.get(`/studies/${studyId}/fieldwork`).expect(200)).text;
    const list = (title: string) => {
      const start = page.indexOf(`<h3>${title}`);
      return start < 0 ? [] : [...page.slice(start, page.indexOf('</ul>', start)).matchAll(/<li>([^<]+)<\/li>/g)].map((match) => match[1]!);
    };
    expect(list('Interviews te snel voor het aantal vragen')).toEqual([expect.stringMatching(new RegExp(`: ${contactladderQuestions} seconden \\(`))]);
    expect(list('Interviews buiten de veldwerkperiode')).toEqual([expect.stringContaining('28 feb 2026')]);
    expect(list('Interviews &#39;s nachts begonnen').map((item) => item.replace(/^.*, /, ''))).toEqual(['23:30', '06:30']);
    expect(list('Adressen met meer bezoeken dan het maximum (3)')).toEqual([expect.stringMatching(/^Rozenstraat 8 .*: 4 bezoeken$/)]);
    expect(list('Adressen zonder bezoek meer over')).toEqual([expect.stringMatching(/^Rozenstraat 9 /)]);
  });
});
