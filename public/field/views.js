// The field app's screens besides the interview: my streets, one street, one
// address with its visits, and the outbox. Each draws from the bundle kept on
// the device plus what this device recorded since, so it works offline.
import { addressLabel, formatTime, h, say, t } from './dom.js';
import { newDraft } from './interview.js';
import { enqueue, getAll, getValue, newId } from './store.js';

/** The status of one address from every visit known to the device. */
export function addressStatus(address, visits, interviewedHere) {
  if (address.interviewed || interviewedHere) return { key: 'completed' };
  const last = visits[visits.length - 1];
  if (!last) return { key: 'notVisited' };
  if (visits.some((visit) => visit.outcome === 'ineligible')) return { key: 'ineligible' };
  if (last.outcome === 'refused') return { key: 'refused' };
  if (last.outcome === 'appointment') return { key: 'appointment', at: last.appointmentAt };
  return { key: 'visited' };
}

/** Everything a screen needs: the bundle, and per address the visits from the server and from this device. */
export async function loadState(bundle) {
  const localVisits = await getAll('visits');
  const drafts = await getAll('drafts');
  const byAddress = new Map();
  for (const street of bundle.streets) {
    for (const address of street.addresses) {
      byAddress.set(address.id, { address, street, visits: new Map(address.visits.map((visit) => [visit.id, visit])) });
    }
  }
  for (const visit of localVisits) byAddress.get(visit.addressId)?.visits.set(visit.id, visit);
  const addresses = new Map([...byAddress].map(([id, entry]) => {
    const visits = [...entry.visits.values()].sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : 1));
    const status = addressStatus(entry.address, visits, visits.some((visit) => visit.outcome === 'interview'));
    return [id, { ...entry, visits, status }];
  }));
  return { bundle, addresses, drafts: new Map(drafts.map((draft) => [draft.addressId, draft])) };
}

const statusText = (status) => (status.key === 'appointment' && status.at ? t('field.appointmentFor', { time: formatTime(status.at) }) : t(`field.status.${status.key}`));
const statusBadge = (status) => h('span', { className: `status status-${status.key}` }, statusText(status));

const isDone = (status) => ['completed', 'ineligible', 'refused'].includes(status.key);

export function streetsView(state) {
  const { bundle, addresses, drafts } = state;
  if (bundle.streets.length === 0) return [h('h1', {}, t('field.streets')), h('p', {}, t('field.noStreets'))];
  const unfinished = [...drafts.values()].map((draft) => addresses.get(draft.addressId)).filter(Boolean);
  return [
    h('h1', {}, t('field.streets')),
    unfinished.length > 0 ? h('section', { className: 'unfinished' }, h('h2', {}, t('field.unfinished')),
      h('ul', { className: 'plain-list' }, unfinished.map((entry) => h('li', {}, h('a', { className: 'button', href: `#/address/${entry.address.id}` },
        `${entry.street.name} ${addressLabel(entry.address)}`))))) : null,
    h('ul', { className: 'street-list' }, bundle.streets.map((street) => {
      const done = street.addresses.filter((address) => isDone(addresses.get(address.id).status)).length;
      return h('li', {}, h('a', { className: 'street-link', href: `#/street/${street.id}` },
        h('span', { className: 'street-name' }, street.name),
        h('span', { className: 'muted' }, `${street.neighbourhood} · ${street.studyName}`),
        h('progress', { max: street.addresses.length || 1, value: done }),
        h('span', {}, t('field.progress', { done, total: street.addresses.length }))));
    })),
  ];
}

export function streetView(state, streetId) {
  const street = state.bundle.streets.find((candidate) => candidate.id === streetId);
  if (!street) return streetsView(state);
  return [
    h('a', { href: '#/', className: 'back-link' }, t('field.backToStreets')),
    h('h1', {}, street.name, ' ', h('span', { className: 'muted' }, `· ${street.neighbourhood}`)),
    h('ul', { className: 'address-grid' }, street.addresses.map((address) => {
      const entry = state.addresses.get(address.id);
      // The accessible name keeps what the tile shows: the address, its status and its visits ("Adres Rozenstraat 1 · Afgerond · 1 bezoek").
      const name = [t('field.openAddress', { address: `${street.name} ${addressLabel(address)}` }), statusText(entry.status),
        ...(entry.visits.length > 0 ? [t('field.visitCount', { count: entry.visits.length })] : [])].join(' · ');
      return h('li', {}, h('a', { className: `address address-link status-${entry.status.key}`, href: `#/address/${address.id}`, 'aria-label': name },
        h('span', { className: 'house-number' }, addressLabel(address)),
        h('span', { className: 'postcode' }, address.postcode),
        statusBadge(entry.status),
        entry.visits.length > 0 ? h('span', { className: 'muted' }, t('field.visitCount', { count: entry.visits.length })) : null));
    })),
  ];
}

const visitOutcomes = ['not-home', 'refused', 'language-barrier', 'ineligible'];

export function addressView(state, addressId, { onChange, startInterview }) {
  const entry = state.addresses.get(addressId);
  if (!entry) return streetsView(state);
  const { address, street, visits, status } = entry;
  const study = state.bundle.studies.find((candidate) => candidate.id === street.studyId);
  const record = async (outcome, appointmentAt) => {
    const visit = { kind: 'visit', id: newId(), studyId: street.studyId, addressId, visitedAt: new Date().toISOString(), outcome, ...(appointmentAt ? { appointmentAt } : {}) };
    await enqueue([visit]);
    onChange();
  };
  const appointmentInput = h('input', { type: 'datetime-local', id: 'appointment-at' });
  const appointmentError = h('p', { className: 'field-error', role: 'alert', hidden: true }, t('field.appointmentMissing'));
  const draft = state.drafts.get(addressId);
  return [
    h('a', { href: `#/street/${street.id}`, className: 'back-link' }, t('field.backToStreet', { street: street.name })),
    h('h1', {}, `${street.name} ${addressLabel(address)}`, ' ', statusBadge(status)),
    h('p', { className: 'muted' }, address.postcode),
    visits.length >= (study?.maxVisitAttempts ?? Infinity) && status.key !== 'completed'
      ? h('p', { className: 'field-warning' }, t('field.maxVisitsReached', { max: study.maxVisitAttempts })) : null,
    status.key === 'completed' ? null : h('section', { className: 'visit-actions' },
      h('h2', {}, t('field.recordVisit')),
      h('div', { className: 'outcome-buttons' }, visitOutcomes.map((outcome) => h('button', { type: 'button', onclick: () => record(outcome) }, t(`field.outcomes.${outcome}`)))),
      h('div', { className: 'appointment' },
        h('label', { for: 'appointment-at' }, t('field.appointmentAt')), appointmentInput,
        h('button', { type: 'button', onclick: () => {
          const when = appointmentInput.value ? new Date(appointmentInput.value) : null;
          if (!when || Number.isNaN(when.getTime())) { appointmentError.hidden = false; return; }
          void record('appointment', when.toISOString());
        } }, t('field.saveAppointment')),
        appointmentError),
      h('button', { type: 'button', className: 'primary start-interview', onclick: () => startInterview(draft ?? newDraft(address, study)) },
        draft ? t('field.resumeInterview') : t('field.startInterview'))),
    h('h2', {}, t('field.visits')),
    visits.length === 0 ? h('p', {}, t('field.noVisits')) : h('ol', { className: 'visit-list' }, visits.map((visit) => h('li', {},
      `${formatTime(visit.visitedAt)}: ${t(`field.outcomes.${visit.outcome}`)}`,
      visit.appointmentAt ? ` (${formatTime(visit.appointmentAt)})` : ''))),
  ];
}

export async function outboxView(state, { exportOutbox, dismissRejected }) {
  const entries = (await getAll('outbox')).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const receipts = (await getAll('receipts')).sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, 50);
  const lastExport = await getValue('lastExport');
  const where = (addressId) => {
    const entry = state.addresses.get(addressId);
    return entry ? `${entry.street.name} ${addressLabel(entry.address)}` : `#${addressId}`;
  };
  const instrumentOf = (record) => state.bundle.instruments.find((instrument) => instrument.id === record.instrumentId && instrument.version === record.instrumentVersion);
  // An interview line names its questionnaire: one visit leaves one per questionnaire.
  const kind = (entry) => (entry.kind === 'interview' && instrumentOf(entry.record) ? `${t('field.kinds.interview')} ${say(instrumentOf(entry.record).title)}` : t(`field.kinds.${entry.kind}`));
  const describe = (entry) => `${kind(entry)} · ${where(entry.record.addressId)} · ${formatTime(entry.createdAt)}`;
  /** The question a rejection is about, in words, where its field names one ("answers.care-burden.answer"). */
  const questionOf = (entry) => {
    const itemId = /^answers\.([^.]+)/.exec(entry.field ?? '')?.[1];
    const item = itemId && instrumentOf(entry.record)?.items.find((candidate) => candidate.id === itemId);
    return item ? t('field.rejectedQuestion', { question: say(item.wording) }) : '';
  };
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  const rejected = entries.filter((entry) => entry.state === 'rejected');
  return [
    h('a', { href: '#/', className: 'back-link' }, t('field.backToStreets')),
    h('h1', {}, t('field.outbox')),
    waiting.length === 0 ? h('p', {}, t('field.outboxEmpty')) : h('ul', { className: 'plain-list', id: 'waiting-list' }, waiting.map((entry) => h('li', {}, describe(entry)))),
    rejected.length > 0 ? h('section', { className: 'rejected' }, h('h2', {}, t('field.rejected')), h('p', {}, t('field.rejectedHelp')),
      h('ul', { className: 'plain-list', id: 'rejected-list' }, rejected.map((entry) => {
        // Only once exported (after it was set aside) may a rejected record go: nothing leaves the tablet unkept.
        const exported = Boolean(lastExport && lastExport >= entry.createdAt);
        return h('li', {}, describe(entry), h('br'),
          h('strong', {}, `${t(`syncErrors.${entry.reason}`)}${questionOf(entry)}`), h('br'),
          h('button', { type: 'button', className: 'dismiss', disabled: !exported, onclick: () => dismissRejected(entry) }, t('field.dismissRejected')),
          exported ? null : h('span', { className: 'muted' }, ` ${t('field.dismissAfterExport')}`));
      }))) : null,
    h('button', { type: 'button', onclick: exportOutbox }, t('field.exportOutbox')),
    h('h2', {}, t('field.receipts')),
    h('ul', { className: 'plain-list', id: 'receipt-list' }, receipts.map((receipt) => h('li', {},
      `${t(`field.kinds.${receipt.kind}`)} · ${where(receipt.addressId)} · ${formatTime(receipt.receivedAt)} · `,
      receipt.status === 'conflict' ? t('field.receiptConflict') : t('field.receiptStored')))),
  ];
}
