/**
 * The review of completed interviews over HTTP: the queue with its flags, one
 * interview's answers, the decisions and what the figures then count.
 */
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { studyWithInterviews } from '../../helpers/interviews';
import { createStudyAs, studyForm } from '../../helpers/test-app';

const frame = 'straat,huisnummer,postcode,buurt\n' + ['Rozenstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 35 }, (_, i) => `${street},${i + 1},123${s}AB,Noord`)).join('\n');

/** 30 + 25 interviews of 25 minutes each; interview-9-0 then lasts 40 seconds, interview-9-1 answers 3 on every rating. */
async function studyToReview() {
  const app = await studyWithInterviews(frame, [['Rozenstraat', 'wants-mutual-help', 30], ['Tulpstraat', 'ordinary', 25]]);
  await app.db.run("UPDATE interviews SET ended_at = '2026-03-02T10:00:40Z' WHERE id = 'interview-9-0'");
  const { answers } = (await app.db.get<{ answers: string }>("SELECT answers FROM interviews WHERE id = 'interview-9-1'"))!;
  const document = JSON.parse(answers) as Record<string, Record<string, number | null>>;
  const straight = Object.fromEntries(Object.entries(document).map(([item, ratings]) => [item, 'actual' in ratings ? { actual: 3, desired: 3, importance: 3 } : ratings]));
  await app.db.run("UPDATE interviews SET answers = ? WHERE id = 'interview-9-1'", [JSON.stringify(straight)]);
  const { coordinator, studyId } = app;
  const studyN = async () => ((await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200)).body as { study: { n?: number } }).study.n;
  const decide = (interviewId: string, decision: string, note = '') => coordinator.agent.post(`/studies/${studyId}/interviews/${interviewId}/review`).type('form')
    .send({ _csrf: coordinator.csrf, decision, note });
  const states = async () => Object.fromEntries((await app.db.all<{ id: string; review_state: string }>('SELECT id, review_state FROM interviews')).map((row) => [row.id, row.review_state]));
  return { ...app, studyN, decide, states };
}

describe('reviewing completed interviews', () => {
  it('lists new interviews with a flag first, and shows one interview\'s answers in words with its flags', async () => {
    const { coordinator, studyId } = await studyToReview();
    const page = (await coordinator.agent.get(`/studies/${studyId}/interviews`).expect(200)).text;
    expect(page).toContain('55 nieuw, 0 goedgekeurd, 0 teruggestuurd, 0 afgekeurd.');
    expect(page).toContain('Keur de 53 nieuwe interviews zonder signaal goed');
    const rows = [...page.matchAll(/interviews\/(interview-[\d-]+)">/g)].map((match) => match[1]);
    expect(rows).toHaveLength(55);
    expect(new Set(rows.slice(0, 2))).toEqual(new Set(['interview-9-0', 'interview-9-1']));
    expect(page).toContain('te snel voor het aantal vragen');
    expect(page).toContain('steeds hetzelfde antwoord');
    // Per interviewer (the test interviews have none): 55 interviews, 2 flagged.
    expect(page).toMatch(/<th scope="row">—<\/th><td class="number">55<\/td><td class="number">2<\/td>/);

    const detail = (await coordinator.agent.get(`/studies/${studyId}/interviews/interview-9-1`).expect(200)).text;
    expect(detail).toContain('steeds hetzelfde antwoord');
    expect(detail).toContain('Nu: Niet mee eens, niet mee oneens · Gewenst: Niet mee eens, niet mee oneens · Belang:');
    expect(detail).toContain('Rozenstraat (Noord)');
    await coordinator.agent.get(`/studies/${studyId}/interviews/interview-unknown-1`).expect(404);
  });

  it('rejects with a reason (the figures no longer count it), returns with a comment, and refuses either without one, changing nothing', async () => {
    const { decide, states, studyN, coordinator, studyId, db } = await studyToReview();
    expect(await studyN()).toBe(55);
    expect((await decide('interview-9-0', 'rejected', '  ')).status).toBe(400);
    expect((await decide('interview-9-0', 'returned')).status).toBe(400);
    expect((await decide('interview-9-0', 'approved-ish')).status).toBe(400);
    expect((await states())['interview-9-0']).toBe('new');

    await decide('interview-9-0', 'rejected', 'Veertig seconden voor de hele vragenlijst.').expect(303);
    await decide('interview-9-1', 'returned', 'Alles 3: vraag de bewoner opnieuw.').expect(303);
    expect(await states()).toMatchObject({ 'interview-9-0': 'rejected', 'interview-9-1': 'returned' });
    expect(await studyN()).toBe(54);
    const detail = (await coordinator.agent.get(`/studies/${studyId}/interviews/interview-9-1`).expect(200)).text;
    expect(detail).toContain('teruggestuurd: Alles 3: vraag de bewoner opnieuw.');
    expect(await db.all("SELECT subject, detail FROM audit_log WHERE action = 'interview.reviewed' ORDER BY id")).toEqual([
      { subject: 'interview-9-0', detail: 'rejected' }, { subject: 'interview-9-1', detail: 'returned' },
    ]);
  });

  it('approves every new interview without a flag at once, and leaves the flagged ones to be looked at', async () => {
    const { coordinator, studyId, states } = await studyToReview();
    await coordinator.agent.post(`/studies/${studyId}/interviews/approve-unflagged`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const after = await states();
    expect(Object.values(after).filter((state) => state === 'approved')).toHaveLength(53);
    expect(after).toMatchObject({ 'interview-9-0': 'new', 'interview-9-1': 'new' });
    const page = (await coordinator.agent.get(`/studies/${studyId}/interviews`).expect(200)).text;
    expect(page).toContain('2 nieuw, 53 goedgekeurd');
    expect(page).not.toContain('zonder signaal goed');
  });

  it('counts only approved interviews once the study says so, and the report\'s appendix says which interviews count', async () => {
    const { coordinator, studyId, decide, studyN, db } = await studyToReview();
    const neighbourhoodId = (await listStreets(db, studyId))[0]!.neighbourhoodId;
    const appendix = async () => (await coordinator.agent.get(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}`).expect(200)).text;
    expect(await appendix()).toContain('De cijfers rusten op alle afgeronde interviews, behalve de interviews die een coördinator na controle heeft afgekeurd');
    for (const id of ['interview-9-2', 'interview-9-3', 'interview-9-4']) await decide(id, 'approved').expect(303);
    expect(await studyN()).toBe(55);
    await coordinator.agent.post(`/studies/${studyId}`).type('form').send({ ...studyForm({ onlyApproved: 'on' }), _csrf: coordinator.csrf }).expect(303);
    // Three approved: under the minimum, so the study shows no figures; the setting took effect at once (no stale analysis).
    expect(await studyN()).toBeUndefined();
    expect(await appendix()).toContain('De cijfers rusten alleen op de interviews die een coördinator na controle heeft goedgekeurd');
    const edit = (await coordinator.agent.get(`/studies/${studyId}/edit`).expect(200)).text;
    expect(edit).toMatch(/name="onlyApproved" value="on" checked/);
    await coordinator.agent.post(`/studies/${studyId}/interviews/approve-unflagged`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    expect(await studyN()).toBe(53);
    await coordinator.agent.post(`/studies/${studyId}`).type('form').send({ ...studyForm(), _csrf: coordinator.csrf }).expect(303);
    expect(await studyN()).toBe(55);
  });

  it('keeps another coordinator out, and finds no interview of one study under another', async () => {
    const { loginAs, studyId, states } = await studyToReview();
    const other = await loginAs('coordinator');
    const otherStudy = await createStudyAs(other);
    await other.agent.get(`/studies/${studyId}/interviews`).expect(403);
    await other.agent.post(`/studies/${otherStudy}/interviews/interview-9-2/review`).type('form').send({ _csrf: other.csrf, decision: 'approved' }).expect(404);
    expect((await states())['interview-9-2']).toBe('new');
  });
});
