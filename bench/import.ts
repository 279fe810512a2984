/**
 * Address-frame import: a 50,000-address CSV (500 streets in 25 neighbourhoods)
 * parsed, checked and stored in one transaction on a file database with the
 * same durability settings as the server (WAL, synchronous FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importAddressFrame } from '../src/services/import-address-frame';
import { createStudy } from '../src/storage/studies';
import { createUser } from '../src/storage/users';
import { Database } from '../src/storage/db';
import { migrate } from '../src/storage/migrate';

function frameCsv(addresses: number): Buffer {
  const lines = ['straat;huisnummer;toevoeging;postcode;buurt'];
  for (let index = 0; index < addresses; index++) {
    const street = Math.floor(index / 100);
    const postcode = `${1000 + street}AB`;
    lines.push(`Straat ${street};${(index % 100) + 1};${index % 9 === 0 ? 'A' : ''};${postcode};Buurt ${street % 25}`);
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function run(): Promise<void> {
  const addresses = 50_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const db = await Database.open(path.join(dir, 'bench.sqlite'));
  try {
    await migrate(db);
    const userId = await createUser(db, { username: 'bench', displayName: 'Bench', role: 'coordinator', passwordHash: 'x' });
    const studyId = await db.transaction((tx) => createStudy(tx, {
      name: 'Bench', commissioner: 'Bench', area: 'Bench', fieldworkStart: '2026-01-01', fieldworkEnd: '2026-02-01',
      instruments: ['contactladder@1'], minReportSize: 10, maxVisitAttempts: 3,
    }, userId));
    const csv = frameCsv(addresses);
    const start = performance.now();
    const summary = await importAddressFrame(db, studyId, csv);
    const ms = Math.round(performance.now() - start);
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`import: ${summary.addresses} addresses, ${summary.streets} streets, ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV in ${ms} ms (rss ${peakMB} MB)`);
    console.log(JSON.stringify({ bench: 'import', addresses: summary.addresses, streets: summary.streets, ms, peakMB }));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
