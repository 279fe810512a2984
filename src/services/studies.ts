/** Creating and editing studies: validation against the loaded instruments, then one transaction. */
import type { User } from '../domain/account';
import { studyInputSchema } from '../domain/study';
import { parseOrThrow } from '../domain/validation';
import type { InstrumentRegistry } from '../instruments/load-instruments';
import { recordAudit } from '../storage/audit-log';
import type { Database } from '../storage/db';
import { createStudy, updateStudy } from '../storage/studies';

const choicesOf = (instruments: InstrumentRegistry) => instruments.list().map((instrument) => `${instrument.id}@${instrument.version}`);

export function parseStudyInput(instruments: InstrumentRegistry, input: unknown) {
  return parseOrThrow(studyInputSchema(choicesOf(instruments)), input);
}

export async function createStudyFor(db: Database, instruments: InstrumentRegistry, user: User, input: unknown): Promise<number> {
  const study = parseStudyInput(instruments, input);
  return db.transaction(async (tx) => {
    const studyId = await createStudy(tx, study, user.id);
    await recordAudit(tx, { actor: user, action: 'study.created', studyId, subject: study.name });
    return studyId;
  });
}

export async function editStudy(db: Database, instruments: InstrumentRegistry, user: User, studyId: number, input: unknown): Promise<void> {
  const study = parseStudyInput(instruments, input);
  await db.transaction(async (tx) => {
    await updateStudy(tx, studyId, study);
    await recordAudit(tx, { actor: user, action: 'study.changed', studyId, subject: study.name });
  });
}
