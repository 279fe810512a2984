/** Creating and editing studies: validation against the loaded instruments, then one transaction. */
import type { User } from '../domain/account';
import { studyInputSchema } from '../domain/study';
import { parseOrThrow } from '../domain/validation';
import type { InstrumentRegistry } from '../instruments/load-instruments';
import type { Database } from '../storage/db';
import { createStudy, updateStudy } from '../storage/studies';

const choicesOf = (instruments: InstrumentRegistry) => instruments.list().map((instrument) => `${instrument.id}@${instrument.version}`);

export function parseStudyInput(instruments: InstrumentRegistry, input: unknown) {
  return parseOrThrow(studyInputSchema(choicesOf(instruments)), input);
}

export async function createStudyFor(db: Database, instruments: InstrumentRegistry, user: User, input: unknown): Promise<number> {
  const study = parseStudyInput(instruments, input);
  return db.transaction((tx) => createStudy(tx, study, user.id));
}

export async function editStudy(db: Database, instruments: InstrumentRegistry, studyId: number, input: unknown): Promise<void> {
  const study = parseStudyInput(instruments, input);
  await db.transaction((tx) => updateStudy(tx, studyId, study));
}
