/**
 * One server per data folder. Two processes on one database would each keep
 * their own login limits and group commits, and a purge in one would not see
 * the other's cache. The first server writes its process id to
 * `buurtladder.lock`; a second one finds that process alive and refuses to
 * start. A lock left by a process that no longer runs (a kill -9, a power
 * cut) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataFolderInUse extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Takes the folder's lock; the returned function gives it back (at shutdown). */
export function lockDataFolder(dataDir: string): () => void {
  const file = path.join(dataDir, 'buurtladder.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = openSync(file, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch { /* already gone */ }
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataFolderInUse(`another Buurtladder server (process ${holder}) is already using ${dataDir}; stop it first, or give this one another DATA_DIR`);
      }
      unlinkSync(file);
    }
  }
  throw new DataFolderInUse(`could not take the lock ${file}`);
}
