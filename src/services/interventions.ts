/**
 * Recording an intervention held in a street (a catalogue method, a residents'
 * workshop, street agreements), for the report of the next wave; with its
 * audit entry, in one transaction.
 */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import { getStreetStudyId } from '../storage/address-frame.js';
import { auditedChange } from '../storage/audit-log.js';
import type { Database } from '../storage/db.js';
import { insertIntervention, type Intervention } from '../storage/reports.js';

export type InterventionInput = Pick<Intervention, 'streetId' | 'kind' | 'heldOn' | 'note'> & { methodId?: string };

export async function recordIntervention(db: Database, actor: User, study: Study, input: InterventionInput): Promise<void> {
  if ((await getStreetStudyId(db, input.streetId)) !== study.id) throw new Problem('notFound', { entity: 'street' });
  await auditedChange(db, (tx) => insertIntervention(tx, {
    studyId: study.id, streetId: input.streetId, kind: input.kind, methodId: input.kind === 'method' ? input.methodId ?? null : null,
    heldOn: input.heldOn, note: input.note, createdBy: actor.id,
  }), () => ({ actor, action: 'intervention.recorded', studyId: study.id, subject: `street ${input.streetId}`, detail: `${input.kind} ${input.methodId ?? ''} ${input.heldOn}`.trim() }));
}
