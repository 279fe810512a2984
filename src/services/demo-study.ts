/**
 * The demo study: a clearly labelled, entirely fictitious study with a small
 * address frame, demo accounts and an assigned walk list, so that a newcomer
 * sees Buurtladder working at once. Created on first start unless DEMO=0.
 */
import type { AddressRow } from '../domain/address-frame';
import { randomToken } from '../security/passwords';
import { insertAddresses, listStreets } from '../storage/address-frame';
import { assignStreet } from '../storage/assignments';
import type { Database } from '../storage/db';
import { addStudyMember, createStudy, findDemoStudy } from '../storage/studies';
import { findLogin } from '../storage/users';
import { createAccount } from './accounts';

/** Fictitious streets: name, neighbourhood, postcode prefix, number of addresses. */
const demoStreets: [string, string, string, number][] = [
  ['Rozenstraat', 'Bloemenbuurt (demo)', '9991AB', 24],
  ['Tulpstraat', 'Bloemenbuurt (demo)', '9991AC', 18],
  ['Lelieplein', 'Bloemenbuurt (demo)', '9991AD', 12],
  ['Merelstraat', 'Vogelwijk (demo)', '9992BA', 30],
  ['Zwaluwhof', 'Vogelwijk (demo)', '9992BB', 8],
  ['Spreeuwlaan', 'Vogelwijk (demo)', '9992BC', 20],
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
export async function ensureDemoStudy(db: Database, adminUsername: string, today = new Date()): Promise<{ created: boolean; password?: string }> {
  if ((await findDemoStudy(db)) !== undefined) return { created: false };
  const admin = (await findLogin(db, adminUsername))?.user;
  if (!admin) throw new Error(`demo study needs the admin account "${adminUsername}"`);

  const password = randomToken(12);
  const coordinator = await createAccount(db, { username: demoUsernames.coordinator, displayName: 'Demo-coördinator', role: 'coordinator', password });
  const interviewer = await createAccount(db, { username: demoUsernames.interviewer, displayName: 'Demo-enquêteur', role: 'interviewer', password });
  const reader = await createAccount(db, { username: demoUsernames.reader, displayName: 'Demo-lezer', role: 'reader', password });

  await db.transaction(async (tx) => {
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
    await addStudyMember(tx, studyId, reader.id);
    await insertAddresses(tx, studyId, demoAddressRows());
    const bloemenbuurt = (await listStreets(tx, studyId)).filter((street) => street.neighbourhood.startsWith('Bloemenbuurt'));
    for (const street of bloemenbuurt) await assignStreet(tx, street.id, interviewer.id);
  });
  return { created: true, password };
}
