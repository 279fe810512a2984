/**
 * Everything the tablet needs to work a day offline, in one answer the field
 * app keeps on the device: the interviewer's studies, walk list with each
 * address's visits so far, and the full instrument files it will render.
 */
import type { User } from '../domain/account.js';
import type { Instrument } from '../domain/instrument.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { Queryable } from '../storage/db.js';
import { listWalkList, type WalkListStreet } from '../storage/assignments.js';
import { listInterviewedAddresses, listVisitsOnAssignedStreets, type VisitSummary } from '../storage/fieldwork.js';
import { getStudy } from '../storage/studies.js';

export interface FieldworkBundle {
  interviewer: { id: number; displayName: string };
  csrfToken: string;
  fetchedAt: string;
  studies: { id: number; name: string; isDemo: boolean; maxVisitAttempts: number; instruments: { id: string; version: number }[] }[];
  streets: (Omit<WalkListStreet, 'addresses'> & {
    addresses: (WalkListStreet['addresses'][number] & { visits: Omit<VisitSummary, 'addressId'>[]; interviewed: boolean })[];
  })[];
  instruments: Instrument[];
}

export async function buildFieldworkBundle(db: Queryable, instruments: InstrumentRegistry, interviewer: User, csrfToken: string): Promise<FieldworkBundle> {
  const walkList = await listWalkList(db, interviewer.id);
  const visits = await listVisitsOnAssignedStreets(db, interviewer.id);
  const interviewed = new Set(await listInterviewedAddresses(db, interviewer.id));
  const visitsByAddress = new Map<number, Omit<VisitSummary, 'addressId'>[]>();
  for (const { addressId, ...visit } of visits) {
    const list = visitsByAddress.get(addressId) ?? [];
    list.push(visit);
    visitsByAddress.set(addressId, list);
  }

  const studies: FieldworkBundle['studies'] = [];
  const used = new Map<string, Instrument>();
  for (const studyId of new Set(walkList.map((street) => street.studyId))) {
    const study = await getStudy(db, studyId);
    if (!study) continue;
    const studyInstruments = study.instruments.filter(({ instrumentId, version }) => instruments.get(instrumentId, version));
    for (const { instrumentId, version } of studyInstruments) used.set(`${instrumentId}@${version}`, instruments.get(instrumentId, version)!);
    studies.push({
      id: study.id, name: study.name, isDemo: study.isDemo, maxVisitAttempts: study.maxVisitAttempts,
      instruments: studyInstruments.map(({ instrumentId, version }) => ({ id: instrumentId, version })),
    });
  }

  return {
    interviewer: { id: interviewer.id, displayName: interviewer.displayName },
    csrfToken,
    fetchedAt: new Date().toISOString(),
    studies,
    streets: walkList.map((street) => ({
      ...street,
      addresses: street.addresses.map((address) => ({ ...address, visits: visitsByAddress.get(address.id) ?? [], interviewed: interviewed.has(address.id) })),
    })),
    instruments: [...used.values()],
  };
}
