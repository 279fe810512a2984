/**
 * The demo study: a clearly labelled, entirely fictitious study with an
 * address frame, demo accounts, an assigned walk list and, when the
 * instruments are given, fieldwork already done (visits and interviews with
 * synthetic answers, synthetic/demo-fieldwork.ts), so that a newcomer sees
 * Buurtladder working at once, reports included. Created on first start
 * unless DEMO=0.
 */
import type { AddressRow } from '../domain/address-frame.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import { insertDemoFieldwork } from '../synthetic/demo-fieldwork.js';
import type { StreetCharacter } from '../synthetic/generate-study.js';
import { hashPassword, randomToken } from '../security/passwords.js';
import { insertAddresses, listAddressIdsByStreet, listStreets } from '../storage/address-frame.js';
import { assignStreet } from '../storage/assignments.js';
import type { Database } from '../storage/db.js';
import { addStudyMember, createStudy, findDemoStudy } from '../storage/studies.js';
import { createUser, findLogin, setPasswordHash } from '../storage/users.js';

/** Fictitious streets: name, neighbourhood, postcode prefix, number of addresses, character of its residents' answers. */
const demoStreets: [string, string, string, number, StreetCharacter][] = [
  ['Rozenstraat', 'Bloemenbuurt (demo)', '9991AB', 48, 'wants-mutual-help'],
  ['Tulpstraat', 'Bloemenbuurt (demo)', '9991AC', 36, 'ordinary'],
  ['Lelieplein', 'Bloemenbuurt (demo)', '9991AD', 30, 'quiet-content'],
  ['Merelstraat', 'Vogelwijk (demo)', '9992BA', 56, 'much-annoyance'],
  ['Zwaluwhof', 'Vogelwijk (demo)', '9992BB', 12, 'ordinary'],
  ['Spreeuwlaan', 'Vogelwijk (demo)', '9992BC', 40, 'wants-mutual-help'],
];

export function demoAddressRows(): AddressRow[] {
  let line = 1;
  return demoStreets.flatMap(([street, neighbourhood, postcode, count]) =>
    Array.from({ length: count }, (_, index) => ({
      line: ++line, street, neighbourhood, postcode, houseNumber: index + 1, addition: index % 7 === 6 ? 'A' : '',
    })));
}

export const demoUsernames = { coordinator: 'demo-coordinator', interviewer: 'demo-enqueteur', reader: 'demo-lezer' } as const;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Creates the demo study once; returns the demo accounts' password when it made them. */
export async function ensureDemoStudy(
  db: Database, adminUsername: string, today = new Date(), instruments?: InstrumentRegistry,
): Promise<{ created: boolean; studyId?: number; password?: string }> {
  if ((await findDemoStudy(db)) !== undefined) return { created: false };
  const admin = (await findLogin(db, adminUsername))?.user;
  if (!admin) throw new Error(`demo study needs the admin account "${adminUsername}"`);

  const password = randomToken(12);
  // Hashed before the transaction (scrypt must not hold the database); one hash for the three accounts' shared password.
  const passwordHash = await hashPassword(password);
  // Accounts and study in one transaction: a start that fails half-way (a full disk) leaves nothing
  // behind, and accounts left by an older failed start are taken over with the new password.
  const studyId = await db.transaction(async (tx) => {
    const demoAccount = async (username: string, displayName: string, role: 'coordinator' | 'interviewer' | 'reader') => {
      const existing = (await findLogin(tx, username))?.user;
      if (!existing) return { id: await createUser(tx, { username, displayName, role, passwordHash }) };
      await setPasswordHash(tx, existing.id, passwordHash);
      return existing;
    };
    const coordinator = await demoAccount(demoUsernames.coordinator, 'Demo-coördinator', 'coordinator');
    const interviewer = await demoAccount(demoUsernames.interviewer, 'Demo-enquêteur', 'interviewer');
    const reader = await demoAccount(demoUsernames.reader, 'Demo-lezer', 'reader');
    const start = new Date(today.getTime() - 14 * 86_400_000);
    const end = new Date(today.getTime() + 28 * 86_400_000);
    const studyId = await createStudy(tx, {
      name: 'DEMO – Buurtonderzoek Bloemenbuurt en Vogelwijk (fictief)',
      commissioner: 'Gemeente Voorbeeldstad (fictief)',
      area: 'Bloemenbuurt en Vogelwijk (fictief)',
      fieldworkStart: isoDate(start),
      fieldworkEnd: isoDate(end),
      instruments: ['contactladder@1', 'straatladder@1'],
      minReportSize: 10,
      maxVisitAttempts: 3,
    }, coordinator.id, true);
    await addStudyMember(tx, studyId, admin.id);
    await addStudyMember(tx, studyId, reader.id, 'reader');
    await insertAddresses(tx, studyId, demoAddressRows());
    const bloemenbuurt = (await listStreets(tx, studyId)).filter((street) => street.neighbourhood.startsWith('Bloemenbuurt'));
    for (const street of bloemenbuurt) await assignStreet(tx, street.id, interviewer.id);
    const contactladder = instruments?.get('contactladder', 1);
    const straatladder = instruments?.get('straatladder', 1);
    if (contactladder && straatladder) {
      const streets = await listStreets(tx, studyId);
      const addresses = await listAddressIdsByStreet(tx, studyId);
      await insertDemoFieldwork(tx, studyId, interviewer.id, contactladder, straatladder, demoStreets.map(([name, , , , character]) => {
        const street = streets.find((candidate) => candidate.name === name)!;
        // Fieldwork in the Vogelwijk is done; in the Bloemenbuurt the demo interviewer is still at it.
        return { id: street.id, name, character, addressIds: addresses.get(street.id) ?? [], completed: street.neighbourhood.startsWith('Vogelwijk') ? 0.6 : 0.5 };
      }), today);
    }
    return studyId;
  });
  return { created: true, studyId, password };
}
