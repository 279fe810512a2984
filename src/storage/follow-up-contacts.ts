/**
 * Consent for follow-up contact, kept in its own table: it names the study and
 * the street, never the interview or the address (instruments.md, Data separation).
 */
import { insertRows, type Queryable } from './db';

export interface NewFollowUpContact {
  id: string;
  studyId: number;
  streetId: number;
  name: string;
  phone: string;
  email: string;
  consentedAt: string;
}

export async function insertFollowUpContacts(tx: Queryable, contacts: readonly NewFollowUpContact[]): Promise<void> {
  await insertRows(tx, 'follow_up_contacts', ['id', 'study_id', 'street_id', 'name', 'phone', 'email', 'consented_at'],
    contacts.map((contact) => [contact.id, contact.studyId, contact.streetId, contact.name, contact.phone, contact.email, contact.consentedAt]));
}
