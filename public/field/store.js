// The on-device store of the field app, in IndexedDB. It holds what must
// survive a closed tab, a flat battery or a day without signal:
//   kv        the day's bundle (walk list, instruments), the device id, the last sync;
//   outbox    records waiting for the server, or set aside with the server's reason;
//   visits    every visit recorded on this device, for the address status;
//   drafts    interviews in progress, one per address, to resume where they stopped;
//   receipts  records the server has acknowledged.
// A record leaves the outbox only in the same transaction that writes its receipt.

const databaseName = 'buurtladder-field';
const schemaVersion = 1;
let opening = null;

function openDatabase() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(databaseName, schemaVersion);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('kv');
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('visits', { keyPath: 'id' });
        db.createObjectStore('drafts', { keyPath: 'addressId' });
        db.createObjectStore('receipts', { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // The browser may close the database (storage pressure, another version): open it again next time.
        db.onclose = () => { opening = null; };
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
    });
  }
  return opening;
}

/**
 * Runs `work` in one transaction over the named stores and resolves with what
 * it returned once the transaction has committed. `work` gets the stores by
 * name and must issue its requests synchronously; `request(r)` turns a request
 * into a holder whose `.value` is filled when it succeeds.
 */
export async function transact(storeNames, mode, work) {
  for (let attempt = 0; ; attempt++) {
    try {
      const db = await openDatabase();
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(storeNames, mode);
        const stores = Object.fromEntries(storeNames.map((name) => [name, tx.objectStore(name)]));
        let result;
        try {
          result = work(stores);
        } catch (error) {
          tx.abort();
          reject(error);
          return;
        }
        tx.oncomplete = () => resolve(typeof result === 'function' ? result() : result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
      });
    } catch (error) {
      if (attempt === 0 && error && error.name === 'InvalidStateError') { opening = null; continue; }
      throw error;
    }
  }
}

/** A holder for a request's result, read after the transaction completes. */
export function request(idbRequest) {
  const holder = { value: undefined };
  idbRequest.onsuccess = () => { holder.value = idbRequest.result; };
  return holder;
}

export const getValue = (key) => transact(['kv'], 'readonly', ({ kv }) => { const r = request(kv.get(key)); return () => r.value; });
export const setValue = (key, value) => transact(['kv'], 'readwrite', ({ kv }) => { kv.put(value, key); });
export const getAll = (storeName) => transact([storeName], 'readonly', (stores) => { const r = request(stores[storeName].getAll()); return () => r.value ?? []; });
export const getOne = (storeName, key) => transact([storeName], 'readonly', (stores) => { const r = request(stores[storeName].get(key)); return () => r.value; });
export const putOne = (storeName, value) => transact([storeName], 'readwrite', (stores) => { stores[storeName].put(value); });
export const countWaiting = async () => (await getAll('outbox')).filter((entry) => entry.state === 'waiting').length;

/** This device's id, made once and kept. */
export async function deviceId() {
  let id = await getValue('deviceId');
  if (!id) {
    id = newId();
    await setValue('deviceId', id);
  }
  return id;
}

export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Puts records in the outbox, visits also in the visit log, and clears the
 * finished draft, in one transaction: either all of it is on the device, or none.
 */
export function enqueue(records, { finishedDraftOf } = {}) {
  return transact(['outbox', 'visits', 'drafts'], 'readwrite', (stores) => {
    const createdAt = new Date().toISOString();
    for (const record of records) {
      stores.outbox.put({ id: record.id, kind: record.kind, record, state: 'waiting', createdAt });
      if (record.kind === 'visit') stores.visits.put(record);
    }
    if (finishedDraftOf !== undefined) stores.drafts.delete(finishedDraftOf);
  });
}

/** Applies the server's answer to a batch: acknowledged records leave the outbox for a receipt; rejected ones are set aside. */
export function settle(results, receivedAt) {
  return transact(['outbox', 'receipts'], 'readwrite', (stores) => {
    for (const result of results) {
      if (!result || !result.id) continue;
      const lookup = stores.outbox.get(result.id);
      lookup.onsuccess = () => {
        const entry = lookup.result;
        if (!entry) return;
        if (result.status === 'rejected') {
          stores.outbox.put({ ...entry, state: 'rejected', reason: result.reason, field: result.field });
        } else {
          stores.receipts.put({ id: entry.id, kind: entry.kind, addressId: entry.record.addressId, status: result.status, receivedAt });
          stores.outbox.delete(entry.id);
        }
      };
    }
  });
}
