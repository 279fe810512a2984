/**
 * Loads every instrument file under surveys/ and validates it against the
 * instrument schema (src/domain/instrument.ts). Called once at start-up: a
 * broken file stops the server with the file, the path inside it and the reason,
 * because a study must never run on an instrument the analysis cannot read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { instrumentSchema, type Instrument } from '../domain/instrument.js';

export class InstrumentFileError extends Error {
  constructor(readonly file: string, readonly pathInFile: string, readonly reason: string) {
    super(`${file}: ${pathInFile || '(file)'}: ${reason}`);
    this.name = 'InstrumentFileError';
  }
}

/** All instrument versions, looked up by id and version. */
export class InstrumentRegistry {
  private readonly byKey = new Map<string, Instrument>();

  constructor(instruments: Instrument[]) {
    for (const instrument of instruments) this.byKey.set(keyOf(instrument.id, instrument.version), instrument);
  }

  get(id: string, version: number): Instrument | undefined {
    return this.byKey.get(keyOf(id, version));
  }

  list(): Instrument[] {
    return [...this.byKey.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  }
}

const keyOf = (id: string, version: number) => `${id}@${version}`;

/** Reads and validates one instrument file; throws InstrumentFileError on any problem. */
export function loadInstrumentFile(file: string): Instrument {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InstrumentFileError(file, '', `not valid JSON (${(error as Error).message})`);
  }
  const result = instrumentSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InstrumentFileError(file, issue.path.join('.'), issue.message);
  }
  const expectedName = `${result.data.id}${path.sep}v${result.data.version}.json`;
  if (!file.endsWith(expectedName)) {
    throw new InstrumentFileError(file, 'id', `file must be named ${expectedName} after its id and version`);
  }
  return result.data;
}

/** Loads every `<instrument>/v<N>.json` under the surveys folder. */
export function loadInstruments(surveysDir: string): InstrumentRegistry {
  const files = readdirSync(surveysDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(path.join(surveysDir, dir.name))
      .filter((name) => /^v\d+\.json$/.test(name))
      .map((name) => path.join(surveysDir, dir.name, name)));
  if (files.length === 0) throw new InstrumentFileError(surveysDir, '', 'no instrument files found');
  return new InstrumentRegistry(files.map(loadInstrumentFile));
}
