/** Creating and editing studies: validation against the loaded instruments, then one transaction. */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import { studyInputSchema } from '../domain/study.js';
import { parseOrThrow } from '../domain/validation.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import { auditedChange } from '../storage/audit-log.js';
import type { Database, Queryable } from '../storage/db.js';
import { createStudy, getStudy, studyRoleOf, updateStudy } from '../storage/studies.js';

const choicesOf = (instruments: InstrumentRegistry) => instruments.list().map((instrument) => `${instrument.id}@${instrument.version}`);

export function parseStudyInput(instruments: InstrumentRegistry, input: unknown) {
  return parseOrThrow(studyInputSchema(choicesOf(instruments)), input);
}

/**
 * A follow-up wave repeats an earlier study the user may open, not itself and
 * not a study that (through its own earlier waves) already follows this one.
 */
async function checkFollowUpOf(db: Queryable, user: User, followUpOf: number | null, studyId?: number): Promise<void> {
  const reject = (reason: string) => { throw new Problem('invalidInput', { fields: [{ field: 'followUpOf', reason }] }); };
  if (followUpOf === null) return;
  if (followUpOf === studyId) reject('followUpOfItself');
  const earlier = await getStudy(db, followUpOf);
  if (!earlier || (user.role !== 'admin' && (await studyRoleOf(db, earlier.id, user.id)) !== 'coordinator')) reject('unknownStudy');
  for (let wave = earlier, steps = 0; wave && wave.followUpOf !== null && steps < 100; steps++) {
    if (wave.followUpOf === studyId) reject('followUpOfItself');
    wave = await getStudy(db, wave.followUpOf);
  }
}

export async function createStudyFor(db: Database, instruments: InstrumentRegistry, user: User, input: unknown): Promise<number> {
  const study = parseStudyInput(instruments, input);
  await checkFollowUpOf(db, user, study.followUpOf);
  return auditedChange(db, (tx) => createStudy(tx, study, user.id), (studyId) => ({ actor: user, action: 'study.created', studyId, subject: study.name }));
}

export async function editStudy(db: Database, instruments: InstrumentRegistry, user: User, studyId: number, input: unknown): Promise<void> {
  const study = parseStudyInput(instruments, input);
  await checkFollowUpOf(db, user, study.followUpOf, studyId);
  await auditedChange(db, (tx) => updateStudy(tx, studyId, study), () => ({ actor: user, action: 'study.changed', studyId, subject: study.name }));
}
