/**
 * Compact ratings beside the answer documents: for every interview the
 * column and the document give the same respondent table; sync writes the
 * column in the same transaction; the back-fill writes it for interviews
 * stored before; ratings written for another layout are refused.
 */
import { describe, expect, it } from 'vitest';
import { encodeRatings } from '../../../src/domain/analysis/compact-ratings';
import { tableLayoutOf, type RespondentTable } from '../../../src/domain/analysis/respondent-table';
import type { Instrument } from '../../../src/domain/instrument';
import { backfillCompactRatings, readRespondentTable } from '../../../src/storage/interviews';
import { fieldworkSetUp, interview } from '../../helpers/fieldwork';
import { studyWithInterviews } from '../../helpers/interviews';
import { instruments } from '../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;
const frame = 'straat,huisnummer,postcode,buurt\n' + ['Rozenstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 35 }, (_, i) => `${street},${i + 1},123${s}AB,Noord`)).join('\n');

const columns = (table: RespondentTable) => ({
  size: table.size, streetIds: [...table.streetIds], neighbourhoodIds: [...table.neighbourhoodIds], actual: [...table.actual], desired: [...table.desired],
  importance: [...table.importance], questions: [...table.questions], contributionNow: [...table.contributionNow], contributionWilling: [...table.contributionWilling],
});

describe('compact ratings', () => {
  it('give, after the back-fill, the same respondent table as the answer documents, interview for interview', async () => {
    const { db, studyId } = await studyWithInterviews(frame, [['Rozenstraat', 'wants-mutual-help', 30], ['Tulpstraat', 'much-annoyance', 25]]);
    // A "weet niet" on every kind of rating in one interview, so that 0 is compared too.
    const { answers } = (await db.get<{ answers: string }>("SELECT answers FROM interviews WHERE id = 'interview-9-0'"))!;
    const document = JSON.parse(answers) as Record<string, Record<string, number | null>>;
    for (const ratings of Object.values(document)) for (const rating of Object.keys(ratings).slice(0, 1)) ratings[rating] = null;
    await db.run("UPDATE interviews SET answers = ? WHERE id = 'interview-9-0'", [JSON.stringify(document)]);

    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM interviews WHERE ratings IS NULL'))!.n).toBe(55);
    const fromDocuments = columns(await readRespondentTable(db, studyId, contactladder));
    expect(await backfillCompactRatings(db, [contactladder])).toBe(55);
    expect(await backfillCompactRatings(db, [contactladder])).toBe(0);
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM interviews WHERE ratings IS NULL'))!.n).toBe(0);
    const fromRatings = columns(await readRespondentTable(db, studyId, contactladder));
    expect(fromRatings).toEqual(fromDocuments);
    expect(fromDocuments.actual.filter((value) => value === 0).length).toBeGreaterThan(0);

    // Each stored value, read back by hand: the byte after the fingerprint is the first item's actual answer.
    const first = contactladder.items.find((item) => item.kind === 'paired')!.id;
    const row = (await db.get<{ ratings: Uint8Array; answers: string }>("SELECT ratings, answers FROM interviews WHERE id = 'interview-9-3'"))!;
    expect(row.ratings[4]).toBe((JSON.parse(row.answers) as Record<string, { actual: number | null }>)[first]!.actual ?? 0);
  });

  it('are written by sync with the interview, on the inspector thread, as the document gives them', async () => {
    const { db, interviewer, studyId, addressId, sync } = await fieldworkSetUp();
    const held = interview(studyId, addressId('Rozenstraat', 3));
    await sync(interviewer, [held]).expect(200);
    const stored = (await db.get<{ ratings: Uint8Array | null }>('SELECT ratings FROM interviews'))!;
    expect(stored.ratings).not.toBeNull();
    expect([...stored.ratings!]).toEqual([...encodeRatings(tableLayoutOf(contactladder), held.answers)]);
  });

  it('written for another layout of the version are refused, not read as this one\'s', async () => {
    const { db, studyId } = await studyWithInterviews(frame, [['Rozenstraat', 'ordinary', 12]]);
    await backfillCompactRatings(db, [contactladder]);
    // The same version with one statement less: a layout change that must never happen to a version with answers.
    const changed: Instrument = { ...contactladder, items: contactladder.items.filter((item, index) => !(item.kind === 'paired' && index === contactladder.items.findIndex((candidate) => candidate.kind === 'paired'))) };
    await expect(readRespondentTable(db, studyId, changed)).rejects.toThrow(/another layout/);
    // With the documents alone, the changed instrument reads them (the document is the source of truth).
    await db.run('UPDATE interviews SET ratings = NULL');
    expect((await readRespondentTable(db, studyId, changed)).size).toBe(12);
  });
});
