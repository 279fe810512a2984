/**
 * The address frame of a study: neighbourhoods, streets and addresses.
 * Streets and neighbourhoods are derived from the imported addresses. An
 * import is one transaction: either every row is stored or none is.
 */
import { postcodeKey, streetKey, type AddressRow } from '../domain/address-frame.js';
import type { LineError } from '../domain/errors.js';
import { insertRows, type Queryable } from './db.js';

/** Lines of the file whose address is already in the study's frame. */
export async function findAddressesAlreadyInFrame(db: Queryable, studyId: number, rows: AddressRow[]): Promise<LineError[]> {
  const existing = await db.all<{ neighbourhood: string; street: string; house_number: number; addition: string; postcode: string }>(
    `SELECT n.name AS neighbourhood, s.name AS street, a.house_number, a.addition, a.postcode
       FROM addresses a
       JOIN streets s ON s.id = a.street_id
       JOIN neighbourhoods n ON n.id = s.neighbourhood_id
      WHERE a.study_id = ?`,
    [studyId],
  );
  const keys = new Set(existing.flatMap((row) => {
    const address = { neighbourhood: row.neighbourhood, street: row.street, houseNumber: row.house_number, addition: row.addition, postcode: row.postcode };
    return [streetKey(address), postcodeKey(address)];
  }));
  return rows
    .filter((row) => keys.has(streetKey(row)) || keys.has(postcodeKey(row)))
    .map((row) => ({ line: row.line, reason: 'alreadyInFrame' }));
}

async function idsByName(tx: Queryable, sql: string, params: (string | number)[]): Promise<Map<string, number>> {
  const rows = await tx.all<{ id: number; name: string }>(sql, params);
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Stores the rows, creating neighbourhoods and streets as needed. Run inside a transaction. */
export async function insertAddresses(tx: Queryable, studyId: number, rows: AddressRow[]): Promise<void> {
  for (const name of new Set(rows.map((row) => row.neighbourhood))) {
    await tx.run('INSERT OR IGNORE INTO neighbourhoods (study_id, name) VALUES (?, ?)', [studyId, name]);
  }
  const neighbourhoodIds = await idsByName(tx, 'SELECT id, name FROM neighbourhoods WHERE study_id = ?', [studyId]);
  const streetKeyOf = (neighbourhoodId: number, street: string) => `${neighbourhoodId}|${street}`;
  for (const key of new Set(rows.map((row) => streetKeyOf(neighbourhoodIds.get(row.neighbourhood)!, row.street)))) {
    const [neighbourhoodId, ...nameParts] = key.split('|');
    await tx.run('INSERT OR IGNORE INTO streets (study_id, neighbourhood_id, name) VALUES (?, ?, ?)', [studyId, Number(neighbourhoodId), nameParts.join('|')]);
  }
  const streetIds = await idsByName(tx, "SELECT id, neighbourhood_id || '|' || name AS name FROM streets WHERE study_id = ?", [studyId]);

  await insertRows(tx, 'addresses', ['study_id', 'street_id', 'house_number', 'addition', 'postcode'], rows.map((row) => [
    studyId, streetIds.get(streetKeyOf(neighbourhoodIds.get(row.neighbourhood)!, row.street))!, row.houseNumber, row.addition, row.postcode,
  ]));
}

export interface StreetSummary {
  id: number;
  name: string;
  neighbourhoodId: number;
  neighbourhood: string;
  addresses: number;
  interviewers: { id: number; displayName: string }[];
}

/** Every street of a study with its address count and assigned interviewers. */
export async function listStreets(db: Queryable, studyId: number): Promise<StreetSummary[]> {
  const rows = await db.all<{ id: number; name: string; neighbourhoodId: number; neighbourhood: string; addresses: number; interviewers: string | null }>(
    `SELECT s.id, s.name, n.id AS neighbourhoodId, n.name AS neighbourhood,
            (SELECT count(*) FROM addresses a WHERE a.street_id = s.id) AS addresses,
            (SELECT json_group_array(json_object('id', u.id, 'displayName', u.display_name))
               FROM assignments x JOIN users u ON u.id = x.interviewer_id WHERE x.street_id = s.id) AS interviewers
       FROM streets s
       JOIN neighbourhoods n ON n.id = s.neighbourhood_id
      WHERE s.study_id = ?
      ORDER BY n.name, s.name`,
    [studyId],
  );
  return rows.map((row) => ({ ...row, interviewers: JSON.parse(row.interviewers ?? '[]') }));
}

/** The ids of a study's addresses per street, in walking order (house number, then addition). */
export async function listAddressIdsByStreet(db: Queryable, studyId: number): Promise<Map<number, number[]>> {
  const rows = await db.all<{ id: number; street_id: number }>('SELECT id, street_id FROM addresses WHERE study_id = ? ORDER BY street_id, house_number, addition', [studyId]);
  const byStreet = new Map<number, number[]>();
  for (const row of rows) {
    const list = byStreet.get(row.street_id);
    if (list) list.push(row.id);
    else byStreet.set(row.street_id, [row.id]);
  }
  return byStreet;
}

export async function countAddresses(db: Queryable, studyId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM addresses WHERE study_id = ?', [studyId]))?.n ?? 0;
}

export async function getStreetStudyId(db: Queryable, streetId: number): Promise<number | undefined> {
  return (await db.get<{ study_id: number }>('SELECT study_id FROM streets WHERE id = ?', [streetId]))?.study_id;
}
