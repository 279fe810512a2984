/** Which interviewer works which street, and the walk lists that follow from it. */
import type { Queryable } from './db.js';

export async function assignStreet(db: Queryable, streetId: number, interviewerId: number): Promise<void> {
  await db.run('INSERT OR IGNORE INTO assignments (street_id, interviewer_id) VALUES (?, ?)', [streetId, interviewerId]);
}

export async function unassignStreet(db: Queryable, streetId: number, interviewerId: number): Promise<void> {
  await db.run('DELETE FROM assignments WHERE street_id = ? AND interviewer_id = ?', [streetId, interviewerId]);
}

export interface WalkListAddress {
  id: number;
  houseNumber: number;
  addition: string;
  postcode: string;
}

export interface WalkListStreet {
  id: number;
  name: string;
  neighbourhood: string;
  studyId: number;
  studyName: string;
  isDemo: boolean;
  addresses: WalkListAddress[];
}

/**
 * An interviewer's walk list (looplijst): their assigned streets, addresses in
 * walking order: up the odd-numbered side of the street, then the even side.
 */
export async function listWalkList(db: Queryable, interviewerId: number): Promise<WalkListStreet[]> {
  const rows = await db.all<{
    street_id: number; street: string; neighbourhood: string; study_id: number; study: string; is_demo: number;
    address_id: number | null; house_number: number | null; addition: string | null; postcode: string | null;
  }>(
    `SELECT s.id AS street_id, s.name AS street, n.name AS neighbourhood, st.id AS study_id, st.name AS study, st.is_demo,
            a.id AS address_id, a.house_number, a.addition, a.postcode
       FROM assignments x
       JOIN streets s ON s.id = x.street_id
       JOIN neighbourhoods n ON n.id = s.neighbourhood_id
       JOIN studies st ON st.id = s.study_id
       LEFT JOIN addresses a ON a.street_id = s.id
      WHERE x.interviewer_id = ?
      ORDER BY st.name, n.name, s.name, a.house_number % 2 = 0, a.house_number, a.addition`,
    [interviewerId],
  );
  const streets = new Map<number, WalkListStreet>();
  for (const row of rows) {
    let street = streets.get(row.street_id);
    if (!street) {
      street = { id: row.street_id, name: row.street, neighbourhood: row.neighbourhood, studyId: row.study_id, studyName: row.study, isDemo: row.is_demo === 1, addresses: [] };
      streets.set(row.street_id, street);
    }
    if (row.address_id !== null) {
      street.addresses.push({ id: row.address_id, houseNumber: row.house_number!, addition: row.addition!, postcode: row.postcode! });
    }
  }
  return [...streets.values()];
}
