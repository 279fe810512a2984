import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from '../../../src/storage/data-folder-lock';

describe('the data folder lock', () => {
  it('refuses a second server while the first runs, and takes over the lock of one that stopped', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'buurtladder-lock-'));
    const lock = path.join(folder, 'buurtladder.lock');
    // Another server: a process that is alive and holds the lock.
    const other = spawn(process.execPath, ['--eval', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(lock, String(other.pid));
      expect(() => lockDataFolder(folder)).toThrow(DataFolderInUse);
      expect(() => lockDataFolder(folder)).toThrow(`another Buurtladder server (process ${other.pid}) is already using ${folder}`);
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    // Killed without cleaning up: its lock is left, and the next server takes it over.
    const unlock = lockDataFolder(folder);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock naming a process that no longer exists', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'buurtladder-lock-'));
    const gone = spawnSync(process.execPath, ['--eval', 'process.exit(0)']).pid!;
    writeFileSync(path.join(folder, 'buurtladder.lock'), String(gone));
    const unlock = lockDataFolder(folder);
    unlock();
  });
});
