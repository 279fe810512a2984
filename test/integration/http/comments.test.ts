import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { studyWithInterviews } from '../../helpers/interviews';
import { createStudyAs } from '../../helpers/test-app';

const comment = 'Meneer Jansen op nummer 12 helpt iedereen, bel hem op 06-12345678 of mail jansen@voorbeeld.nl.';

async function studyWithComment() {
  const csv = 'straat,huisnummer,postcode,buurt\n' + ['Rozenstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 35 }, (_, i) => `${street},${i + 1},123${s}AB,Noord`)).join('\n');
  const app = await studyWithInterviews(csv, [['Rozenstraat', 'wants-mutual-help', 30], ['Tulpstraat', 'ordinary', 25]]);
  const { coordinator, studyId } = app;
  await app.db.run("INSERT INTO comments (interview_id, item_id, body) VALUES ('interview-9-0', 'closing-remarks', ?), ('interview-9-1', 'closing-remarks', '<script>alert(1)</script> Gezellig hier.')", [comment]);
  const neighbourhoodId = (await listStreets(app.db, studyId))[0]!.neighbourhoodId;
  const neighbourhoodReport = async () => (await coordinator.agent.get(`/studies/${studyId}/reports/neighbourhood/${neighbourhoodId}`).expect(200)).text;
  return { ...app, coordinator, studyId, neighbourhoodReport };
}

describe('reviewing residents\' comments', () => {
  it('highlights names, house numbers, phone numbers and e-mail addresses and suggests a redacted text', async () => {
    const { coordinator, studyId } = await studyWithComment();
    const page = (await coordinator.agent.get(`/studies/${studyId}/comments`).expect(200)).text;
    expect(page).toContain('2 van de 2 opmerkingen wachten op beoordeling.');
    for (const passage of ['Meneer Jansen', 'nummer 12', '06-12345678', 'jansen@voorbeeld.nl']) expect(page).toContain(`<mark class="flag" title="mogelijk herkenbaar">${passage}</mark>`);
    expect(page).toContain('[…] op […] helpt iedereen, bel hem op […] of mail […].');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('shows a comment in the neighbourhood report only once approved, and only as redacted', async () => {
    const { coordinator, studyId, neighbourhoodReport, db } = await studyWithComment();
    expect(await neighbourhoodReport()).not.toContain('helpt iedereen');
    const redacted = '[…] op […] helpt iedereen.';
    await coordinator.agent.post(`/studies/${studyId}/comments`).type('form')
      .send({ _csrf: coordinator.csrf, interviewId: 'interview-9-0', itemId: 'closing-remarks', decision: 'approve', reviewedBody: redacted }).expect(303);
    await coordinator.agent.post(`/studies/${studyId}/comments`).type('form')
      .send({ _csrf: coordinator.csrf, interviewId: 'interview-9-1', itemId: 'closing-remarks', decision: 'reject' }).expect(303);
    const report = await neighbourhoodReport();
    expect(report).toContain('[…] op […] helpt iedereen.');
    expect(report).not.toContain('Jansen');
    expect(report).not.toContain('Gezellig hier');
    expect(await db.all("SELECT detail FROM audit_log WHERE action = 'comment.reviewed' ORDER BY id")).toEqual([{ detail: 'approved' }, { detail: 'rejected' }]);
  });

  it('refuses an approval without text and a comment of another study, changing nothing', async () => {
    const { coordinator, studyId, db, loginAs } = await studyWithComment();
    await coordinator.agent.post(`/studies/${studyId}/comments`).type('form')
      .send({ _csrf: coordinator.csrf, interviewId: 'interview-9-0', itemId: 'closing-remarks', decision: 'approve', reviewedBody: '  ' }).expect(400);
    const other = await loginAs('coordinator');
    const otherStudy = await createStudyAs(other);
    await other.agent.post(`/studies/${otherStudy}/comments`).type('form')
      .send({ _csrf: other.csrf, interviewId: 'interview-9-0', itemId: 'closing-remarks', decision: 'approve', reviewedBody: 'overgenomen' }).expect(404);
    await other.agent.get(`/studies/${studyId}/comments`).expect(403);
    expect(await db.all("SELECT review_status FROM comments WHERE interview_id = 'interview-9-0'")).toEqual([{ review_status: 'pending' }]);
  });
});
