/**
 * The database handle: one sqlite3 connection with promise helpers.
 *
 * sqlite3 runs every statement of one connection on the same handle, so two
 * requests that interleave inside a transaction would see each other's
 * half-done work. Every statement therefore goes through one queue: a
 * transaction holds the queue until it commits or rolls back, and plain
 * statements wait their turn. Storage modules take a `Queryable`, so the same
 * function runs alone or inside a caller's transaction.
 *
 * A file database also has a second, read-only connection (`reader`) for
 * reads that need only committed data, such as finding a session: with
 * write-ahead logging they run beside a transaction instead of waiting for it.
 * A third connection copies the write-ahead log into the database file in
 * the background (`Checkpointer`).
 */
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[];

export interface RunResult {
  lastId: number;
  changes: number;
}

export interface Queryable {
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** Statements on the raw connection, with no queueing. */
class Connection implements Queryable {
  constructor(private readonly handle: sqlite3.Database) {}

  static open(filename: string, mode: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const handle = new sqlite3.Database(filename, mode, (error) => (error ? reject(error) : resolve(new Connection(handle))));
    });
  }

  run(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.handle.run(sql, params, function onRun(error) {
        if (error) reject(error);
        else resolve({ lastId: this.lastID, changes: this.changes });
      });
    });
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.handle.get(sql, params, (error, row) => (error ? reject(error) : resolve(row as T | undefined)));
    });
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.handle.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.handle.exec(sql, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.handle.close((error) => (error ? reject(error) : resolve())));
  }
}

/**
 * Write-ahead log checkpoints away from the commits. By default SQLite copies
 * the log into the database file inside whichever commit takes the log past
 * 1,000 pages, and that commit waits for the copy and its sync to disk: while
 * a hundred tablets synced, every few hundred interviews one group commit
 * took tens of milliseconds longer. Automatic checkpoints are therefore off,
 * and a connection of its own runs a passive checkpoint every second beside
 * the writers: it copies what no reader still needs and never holds up a
 * commit. Commits are durable in the log either way (synchronous = FULL);
 * SQLite checkpoints once more when the last connection closes. A passive
 * checkpoint never shrinks the log file, so after five seconds without a
 * write the log is checkpointed and truncated to nothing (it reached 44 MB
 * after 50,000 interviews otherwise).
 */
const idleBeforeTruncateMs = 5000;

class Checkpointer {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  /** Whether the log was emptied since the last write. */
  private truncated = false;

  constructor(private readonly connection: Connection, lastWriteAt: () => number, intervalMs = 1000) {
    this.timer = setInterval(() => {
      if (Date.now() - lastWriteAt() < intervalMs) this.truncated = false;
      const idle = Date.now() - lastWriteAt() >= idleBeforeTruncateMs;
      if (idle && this.truncated) return;
      // At idle the log is emptied to nothing; a checkpoint that cannot (a reader still in the log,
      // this connection waits for nobody) or fails (a full disk) is tried again next time.
      this.running ??= (idle
        ? this.connection.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)').then((result) => { this.truncated = result?.busy === 0; })
        : this.connection.exec('PRAGMA wal_checkpoint(PASSIVE)'))
        .catch(() => undefined).finally(() => { this.running = undefined; });
    }, intervalMs).unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.connection.close();
  }
}

export class Database implements Queryable {
  private queue: Promise<unknown> = Promise.resolve();
  private lastWriteAt = Date.now();

  private constructor(
    private readonly connection: Connection, readonly filename: string,
    private readonly readConnection?: Connection, private checkpointer?: Checkpointer,
  ) {}

  /** Reads of committed data that must not wait behind a running transaction; the same connection for an in-memory database. */
  get reader(): Queryable {
    return this.readConnection ?? this;
  }

  /**
   * Opens (or creates) the database. Foreign keys are enforced; a file
   * database uses write-ahead logging with full sync, so a write that was
   * acknowledged survives a crash or power loss.
   */
  static async open(filename: string): Promise<Database> {
    const connection = await Connection.open(filename, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX);
    // secure_delete: deleted rows are overwritten with zeros, so a purged address leaves no trace in the file.
    await connection.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
    if (filename === ':memory:') return new Database(connection, filename);
    await connection.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;');
    const reader = await Connection.open(filename, sqlite3.OPEN_READONLY);
    await reader.exec('PRAGMA busy_timeout = 5000;');
    const checkpoints = await Connection.open(filename, sqlite3.OPEN_READWRITE | sqlite3.OPEN_FULLMUTEX);
    const db = new Database(connection, filename, reader);
    db.checkpointer = new Checkpointer(checkpoints, () => db.lastWriteAt);
    return db;
  }

  /**
   * Copies the write-ahead log into the database file and truncates it to
   * nothing, after every write before it: deleted data then survives neither
   * in the log nor (with secure_delete) in the file. For the purge.
   */
  eraseLog(): Promise<void> {
    if (!this.checkpointer) return Promise.resolve();
    return this.enqueue(async () => {
      // SQLite answers busy = 1, without waiting, while the background checkpointer (or a reader still on an older
      // snapshot) holds the log: the log is then not emptied, and nothing says so. So ask again until it is.
      for (let attempt = 0; attempt < 100; attempt++) {
        const result = await this.connection.get<{ busy: number; log: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
        if (result?.busy === 0 && result.log === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20 + attempt * 5));
      }
      throw new Error('the write-ahead log could not be emptied: something holds it for more than half a minute');
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  run(sql: string, params?: Params) { this.lastWriteAt = Date.now(); return this.enqueue(() => this.connection.run(sql, params)); }
  get<T>(sql: string, params?: Params) { return this.enqueue(() => this.connection.get<T>(sql, params)); }
  all<T>(sql: string, params?: Params) { return this.enqueue(() => this.connection.all<T>(sql, params)); }
  exec(sql: string) { this.lastWriteAt = Date.now(); return this.enqueue(() => this.connection.exec(sql)); }

  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.lastWriteAt = Date.now();
    return this.enqueue(async () => {
      await this.connection.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.connection);
        await this.connection.exec('COMMIT');
        this.lastWriteAt = Date.now();
        return result;
      } catch (error) {
        // SQLite may have rolled back already (a full disk does): the error to report is the first one.
        await this.connection.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      await this.checkpointer?.close();
      await this.readConnection?.close();
      await this.connection.close();
    });
  }
}

/**
 * SQLite's default limit of parameters in one statement. Statements that take
 * a list (multi-row INSERTs, `IN (…)`) go up to it: each statement is a round
 * trip through the event loop, where under load it waits behind other
 * requests' work.
 */
export const maxParameters = 32_766;

/** `items` in consecutive slices of at most `size`. */
export function* slicesOf<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Inserts many rows with multi-row INSERT statements, as many rows per statement as `maxParameters` allows. */
export async function insertRows(db: Queryable, table: string, columns: readonly string[], rows: readonly Params[]): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (const slice of slicesOf(rows, Math.max(1, Math.floor(maxParameters / columns.length)))) {
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => placeholders).join(', ')}`, slice.flat());
  }
}

/**
 * A query's rows a page at a time in the order of a table's rowid, so a large
 * result (100,000 answer documents) is never held at once. `select` ends in a
 * WHERE clause and returns that rowid as `row`; `rowid` names it (`i.rowid`).
 */
export async function* pagesByRowid<T extends { row: number }>(
  db: Queryable, select: string, rowid: string, params: Params, pageSize: number,
): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const rows = await db.all<T>(`${select} AND ${rowid} > ? ORDER BY ${rowid} LIMIT ?`, [...params, after, pageSize]);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.row;
  }
}
