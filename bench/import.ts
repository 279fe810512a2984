/**
 * Address-frame import: a 50,000-address CSV (500 streets in 25 neighbourhoods)
 * parsed, checked and stored in one transaction on a file database with the
 * same durability settings as the server (WAL, synchronous FULL); then a
 * 400,000-address file near the upload limit and the files that used to take
 * the server down (issue 19): two million lines of ";", and 15 MB without a
 * line break. For each: the time, the longest the HTTP thread was held up
 * (other requests wait that long) and the process's peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { importAddressFrame } from '../src/services/import-address-frame';
import { createStudy } from '../src/storage/studies';
import { createUser } from '../src/storage/users';
import { Database } from '../src/storage/db';
import { migrate } from '../src/storage/migrate';

function frameCsv(addresses: number): Buffer {
  // 100 addresses a street; postcodes 1000AB and up (four digits, so at most 9,000 streets).
  const lines = ['straat;huisnummer;toevoeging;postcode;buurt'];
  for (let index = 0; index < addresses; index++) {
    const street = Math.floor(index / 100);
    const postcode = `${1000 + (street % 9000)}${street < 9000 ? 'AB' : 'CD'}`;
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
    const files: [string, Buffer][] = [
      ['50,000 addresses', frameCsv(addresses)],
      ['400,000 addresses', frameCsv(400_000)],
      ['2,097,152 lines of ";"', Buffer.from(`straat;huisnummer;postcode;buurt\n${';\n'.repeat(2_097_152)}`)],
      ['15 MB without a line break', Buffer.from(`straat;huisnummer;postcode;buurt\n${'a;'.repeat(7_500_000)}`)],
    ];
    for (const [name, csv] of files) {
      const stalls = monitorEventLoopDelay({ resolution: 10 });
      stalls.enable();
      const start = performance.now();
      const outcome = await importAddressFrame(db, studyId, csv).then((summary) => `${summary.addresses} addresses`, (error: { details?: { lines?: unknown[] } }) => `rejected, ${error.details?.lines?.length ?? 0} lines named`);
      const ms = Math.round(performance.now() - start);
      stalls.disable();
      const longestStallMs = Math.round(stalls.max / 1e6);
      const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(`import ${name} (${(csv.length / 1024 / 1024).toFixed(1)} MB): ${outcome} in ${ms} ms, HTTP thread held up at most ${longestStallMs} ms (peak rss ${peakMB} MB)`);
      console.log(JSON.stringify({ bench: 'import', file: name, megabytes: Number((csv.length / 1024 / 1024).toFixed(1)), ms, longestStallMs, peakMB }));
      await db.run('DELETE FROM addresses');
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
