import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstrumentFileError, loadInstrumentFile, loadInstruments } from '../../../src/instruments/load-instruments';

const surveysDir = path.resolve(import.meta.dirname, '../../../surveys');
const contactladder = JSON.parse(readFileSync(path.join(surveysDir, 'contactladder/v1.json'), 'utf8'));

/** Writes a copy of the contactladder with one change, named as its id and version require. */
// The copy is edited as loose JSON on purpose: it is meant to break the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function brokenCopy(change: (instrument: any) => void, raw?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'instrument-'));
  const instrument = structuredClone(contactladder);
  change(instrument);
  mkdirSync(path.join(dir, instrument.id), { recursive: true });
  const file = path.join(dir, instrument.id, `v${instrument.version}.json`);
  writeFileSync(file, raw ?? JSON.stringify(instrument));
  return file;
}

function failureOf(file: string): InstrumentFileError {
  try {
    loadInstrumentFile(file);
  } catch (error) {
    if (error instanceof InstrumentFileError) return error;
    throw error;
  }
  throw new Error('expected the instrument file to be rejected');
}

describe('the instrument files in surveys/', () => {
  it('every file in surveys/ loads and validates', () => {
    const files = readdirSync(surveysDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
      .flatMap((dir) => readdirSync(path.join(surveysDir, dir.name)).filter((name) => name.endsWith('.json')).map((name) => path.join(surveysDir, dir.name, name)));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(() => loadInstrumentFile(file)).not.toThrow();
  });

  it('the contactladder follows the published 48-question structure', () => {
    const registry = loadInstruments(surveysDir);
    const instrument = registry.get('contactladder', 1)!;
    const countIn = (block: string) => instrument.items.filter((item) => item.block === block).length;
    expect([countIn('background'), countIn('statements'), countIn('surface-contact'), countIn('own-contribution'), countIn('informal-care'), countIn('closing')])
      .toEqual([10, 19, 8, 7, 2, 1]);
    expect(instrument.provenance.verified).toBe(false);
    expect(instrument.thresholds).toEqual({
      startingPointWeightedGap: 0.15, startingPointShareWantingImprovement: 0.3, minShareOfDimensionItemsAnswered: 0.5, alphaFlagBelow: 0.6, alphaIndicativeBelow: 0.7,
    });
    const negative = instrument.items.filter((item) => item.kind === 'paired' && item.polarity === -1);
    expect(negative.every((item) => item.kind === 'paired' && item.dimension === 'negative-contacts')).toBe(true);
  });

  it('the straatladder has ten rungs in order, marked unverified', () => {
    const instrument = loadInstruments(surveysDir).get('straatladder', 1)!;
    expect(instrument.rungs!.map((rung) => rung.rung)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(instrument.provenance.verified).toBe(false);
  });

  it('every scale offers "don\'t know" in both languages', () => {
    for (const instrument of loadInstruments(surveysDir).list()) {
      for (const scale of Object.values(instrument.scales)) expect(scale.dontKnow.nl && scale.dontKnow.en).toBeTruthy();
    }
  });
});

describe('a broken instrument file stops start-up with the file, the path inside it and the reason', () => {
  it('when it is not JSON', () => {
    const file = brokenCopy(() => undefined, '{ "id": "contactladder", ');
    expect(failureOf(file)).toMatchObject({ file, pathInFile: '', reason: expect.stringContaining('not valid JSON') });
  });

  it('when an item names a dimension that does not exist', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.items[12].dimension = 'happiness'; }));
    expect(failure.pathInFile).toBe('items.12.dimension');
    expect(failure.reason).toContain('unknown dimension "happiness"');
  });

  it('when a scale skips a value', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.scales.agreement5.points[2].value = 4; }));
    expect(failure.pathInFile).toBe('scales.agreement5.points.2.value');
  });

  it('when a polarity is neither +1 nor -1', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.items[10].polarity = 0; }));
    expect(failure.pathInFile).toBe('items.10.polarity');
  });

  it('when wording lacks its Dutch text', () => {
    const failure = failureOf(brokenCopy((instrument) => { delete instrument.items[0].wording.nl; }));
    expect(failure.pathInFile).toBe('items.0.wording.nl');
  });

  it('when two items share an id', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.items[11].id = instrument.items[10].id; }));
    expect(failure).toMatchObject({ pathInFile: 'items.11.id', reason: expect.stringContaining('duplicate item id') });
  });

  it('when paired items have no thresholds', () => {
    const failure = failureOf(brokenCopy((instrument) => { delete instrument.thresholds; }));
    expect(failure.pathInFile).toBe('thresholds');
  });

  it('when an unknown field is present (a typo must not pass silently)', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.treshold = {}; }));
    expect(failure.reason).toContain('treshold');
  });

  it('when the file name does not match its id and version', () => {
    const file = brokenCopy((instrument) => { instrument.version = 2; });
    const renamed = file.replace('v2.json', 'v3.json');
    writeFileSync(renamed, readFileSync(file));
    expect(failureOf(renamed).reason).toContain('contactladder/v2.json');
  });

  it('when importance is asked per dimension, which the answer documents cannot carry yet', () => {
    const failure = failureOf(brokenCopy((instrument) => { instrument.importance = 'dimension'; }));
    expect(failure.reason).toMatch(/importance per dimension is not supported/);
  });

  it('loadInstruments names the broken file among good ones', () => {
    const file = brokenCopy((instrument) => { instrument.importance = 'sometimes'; });
    const dir = path.dirname(path.dirname(file));
    expect(() => loadInstruments(dir)).toThrow(/contactladder\/v1\.json: importance/);
  });
});
