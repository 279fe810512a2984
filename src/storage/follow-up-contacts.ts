/**
 * Consent for follow-up contact, kept in its own table: it names the study and
 * the street, never the interview or the address (instruments.md, Data separation).
 */
import type { Queryable } from './db';

export interface NewFollowUpContact {
  id: string;
  studyId: number;
  streetId: number;
  name: string;
  phone: string;
  email: string;
  consentedAt: string;
}

export async function insertFollowUpContact(tx: Queryable, contact: NewFollowUpContact): Promise<void> {
  await tx.run(
    'INSERT INTO follow_up_contacts (id, study_id, street_id, name, phone, email, consented_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [contact.id, contact.studyId, contact.streetId, contact.name, contact.phone, contact.email, contact.consentedAt],
  );
}
