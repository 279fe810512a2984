/**
 * Consent for follow-up contact, kept in its own table: it names the study and
 * the street, never the interview or the address (instruments.md, Data separation).
 */
import { insertRows, type Queryable } from './db.js';

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

export interface FollowUpContact extends NewFollowUpContact {
  street: string;
  handledAt: string | null;
}

type ContactRow = { id: string; study_id: number; street_id: number; street: string; name: string; phone: string; email: string; consented_at: string; handled_at: string | null };

/** A study's follow-up contacts, those not yet handled first. */
export async function listFollowUpContacts(db: Queryable, studyId: number): Promise<FollowUpContact[]> {
  const rows = await db.all<ContactRow>(
    `SELECT f.*, s.name AS street FROM follow_up_contacts f JOIN streets s ON s.id = f.street_id
      WHERE f.study_id = ? ORDER BY f.handled_at IS NOT NULL, s.name, f.consented_at`, [studyId]);
  return rows.map((row) => ({
    id: row.id, studyId: row.study_id, streetId: row.street_id, street: row.street, name: row.name, phone: row.phone, email: row.email,
    consentedAt: row.consented_at, handledAt: row.handled_at,
  }));
}

/** Marks a contact handled; returns false when it is not one of the study's. Run inside a transaction. */
export async function markFollowUpHandled(tx: Queryable, studyId: number, contactId: string): Promise<boolean> {
  const { changes } = await tx.run(
    "UPDATE follow_up_contacts SET handled_at = coalesce(handled_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = ? AND study_id = ?", [contactId, studyId]);
  return changes === 1;
}
