import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../../src/domain/errors';
import { roles } from '../../../src/domain/roles';
import { studyRoles } from '../../../src/domain/study-membership';
import { visitOutcomes } from '../../../src/domain/sync-record';
import { Translations } from '../../../src/i18n/translate';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const translations = Translations.load(path.join(projectDir, 'locales'), { strict: true });

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, extension) : full.endsWith(extension) ? [full] : [];
  });
}

/** Every literal key passed to t('…') in views, source and the field app, and every reason key a schema gives. */
function keysUsedInCode(): string[] {
  const sources = [
    ...filesUnder(path.join(projectDir, 'views'), '.ejs'), ...filesUnder(path.join(projectDir, 'src'), '.ts'),
    ...filesUnder(path.join(projectDir, 'public'), '.js'),
  ];
  const keys = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.()]+)'/g)) keys.add(match[1]!);
    for (const match of text.matchAll(/\{ line[^}]*reason: '([a-zA-Z]+)'/g)) keys.add(`csvErrors.${match[1]}`);
    for (const match of text.matchAll(/\{ field[^}]*reason: '([a-zA-Z]+)'/g)) keys.add(`fieldErrors.${match[1]}`);
    for (const match of text.matchAll(/\.(?:min|max|regex|refine|int)\([^)]*?'([a-zA-Z]+)'\)/g)) keys.add(`fieldErrors.${match[1]}`);
  }
  return [...keys];
}

/** Every section a key is put together under at run time: t(`field.outcomes.${…}`), 'roles.' + role. */
function sectionsUsedInCode(): string[] {
  const sources = [...filesUnder(path.join(projectDir, 'views'), '.ejs'), ...filesUnder(path.join(projectDir, 'src'), '.ts'), ...filesUnder(path.join(projectDir, 'public'), '.js')];
  const sections = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(`([a-zA-Z]+(?:\.[a-zA-Z]+)*)\.\$\{/g)) sections.add(match[1]!);
    for (const match of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)*)\.' \+ /g)) sections.add(match[1]!);
  }
  return [...sections];
}

describe('locale files', () => {
  it('Dutch and English have exactly the same keys', () => {
    expect(translations.keys('en').sort()).toEqual(translations.keys('nl').sort());
  });

  it('every error in the catalogue has a message in both languages', () => {
    for (const code of Object.keys(problemCatalogue)) {
      expect(translations.has('nl', `errors.${code}`), code).toBe(true);
      expect(translations.has('en', `errors.${code}`), code).toBe(true);
    }
  });

  it('every key used in views and code exists', () => {
    const missing = keysUsedInCode().filter((key) => !translations.has('nl', key));
    expect(missing).toEqual([]);
  });

  it('has every section that a key is put together under, and in it every value the code can put there', () => {
    const sections = sectionsUsedInCode();
    expect(sections).toEqual(expect.arrayContaining(['roles', 'field.outcomes', 'studyRoles', 'errors']));
    for (const locale of ['nl', 'en'] as const) {
      const keys = translations.keys(locale);
      expect(sections.filter((section) => !keys.some((key) => key.startsWith(`${section}.`))), locale).toEqual([]);
      const missing = [...roles.map((role) => `roles.${role}`), ...studyRoles.map((role) => `studyRoles.${role}`), ...visitOutcomes.map((outcome) => `field.outcomes.${outcome}`)]
        .filter((key) => !translations.has(locale, key));
      expect(missing, locale).toEqual([]);
    }
  });

  it('fills in named parameters, each count with its own plural', () => {
    const t = translations.for('nl');
    const counts = (addresses: number, streets: number, neighbourhoods: number) => ({
      addresses: t('counts.addresses', { count: addresses }), streets: t('counts.streets', { count: streets }), neighbourhoods: t('counts.neighbourhoods', { count: neighbourhoods }),
    });
    expect(t('import.done', counts(3, 2, 1))).toBe('3 adressen geïmporteerd in 2 straten en 1 buurt.');
    expect(t('import.done', counts(1, 1, 2))).toBe('1 adres geïmporteerd in 1 straat en 2 buurten.');
    expect(translations.for('en')('import.done', { addresses: translations.for('en')('counts.addresses', { count: 1 }), streets: '1 street', neighbourhoods: '1 neighbourhood' }))
      .toBe('Imported 1 address in 1 street and 1 neighbourhood.');
    expect(t('field.visitCount', { count: 1 })).toBe('1 bezoek');
    expect(t('field.visitCount', { count: 0 })).toBe('0 bezoeken');
  });

  it('throws on a key missing in both languages when loaded strictly, and shows the key otherwise', () => {
    expect(() => translations.for('en')('studies.noSuchKey')).toThrow('no wording for "studies.noSuchKey"');
    expect(Translations.load(path.join(projectDir, 'locales')).for('nl')('studies.noSuchKey')).toBe('studies.noSuchKey');
  });
});

describe('the error catalogue', () => {
  it('maps every code to a 4xx status, except the server\'s own faults: internal (500) and a full disk (507)', () => {
    for (const [code, { status }] of Object.entries(problemCatalogue)) {
      if (code === 'internal') expect(status).toBe(500);
      else if (code === 'storageFull') expect(status).toBe(507);
      else expect(status >= 400 && status < 500, code).toBe(true);
    }
  });
});
