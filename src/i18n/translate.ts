/**
 * Interface wording: Dutch first, English second. Every string a user sees
 * outside the instrument and report data comes from locales/<locale>.json;
 * views call `t('key', { name: … })`. A key missing in English falls back to
 * Dutch; a key missing in both shows the key, or throws where the wording is
 * loaded strictly (the tests, and always for report wording), so a test
 * fails on it (test/unit/i18n/locales.test.ts).
 *
 * A message that depends on a number is an object of plural forms, chosen by
 * `Intl.PluralRules` for the `count` parameter: { "one": "1 buurt", "other":
 * "{count} buurten" }. Never "buurt(en)".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Messages = { [key: string]: string | Messages };

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Whether a node of the wording is a set of plural forms rather than a section. */
function isPlural(node: Messages): boolean {
  const keys = Object.keys(node);
  return keys.includes('other') && keys.every((key) => pluralCategories.has(key) && typeof node[key] === 'string');
}

export class MissingWordingError extends Error {
  constructor(readonly key: string) {
    super(`no wording for "${key}"`);
    this.name = 'MissingWordingError';
  }
}
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export class Translations {
  private constructor(private readonly messages: Record<Locale, Messages>, private readonly strict: boolean) {}

  /** `strict`: a key missing in both languages throws instead of showing the key. */
  static load(localesDir: string, options: { strict?: boolean } = {}): Translations {
    const read = (locale: Locale) => JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Messages;
    return new Translations({ nl: read('nl'), en: read('en') }, options.strict ?? false);
  }

  has(locale: Locale, key: string): boolean {
    return lookup(this.messages[locale], key, 1, locale) !== undefined;
  }

  /** A translate function bound to one locale. */
  for(locale: Locale): Translate {
    return (key, params = {}) => {
      const template = lookup(this.messages[locale], key, params.count, locale) ?? lookup(this.messages[defaultLocale], key, params.count, defaultLocale);
      if (template === undefined && this.strict) throw new MissingWordingError(key);
      return fillIn(template ?? key, params);
    };
  }

  /**
   * One section of the wording as an object, for a client that renders its own
   * screens (the offline field app). Keys missing in the locale come from Dutch.
   */
  section(locale: Locale, key: string): Messages {
    const pick = (messages: Messages) => (messages[key] && typeof messages[key] === 'object' ? messages[key] : {});
    return { ...pick(this.messages[defaultLocale]), ...pick(this.messages[locale]) };
  }

  /** Every key of a locale, dotted: for the completeness test. */
  keys(locale: Locale): string[] {
    return messageKeys(this.messages[locale]);
  }
}

function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A strict translate function over one set of messages, such as the report
 * wording in reports/wording.json: a missing key throws, so a report is never
 * printed with a key in place of its words.
 */
export function translator(messages: Messages, locale: Locale = defaultLocale): Translate {
  return (key, params = {}) => {
    const template = lookup(messages, key, params.count, locale);
    if (template === undefined) throw new MissingWordingError(key);
    return fillIn(template, params);
  };
}

/** Every key of a set of messages, dotted; a set of plural forms is one key. */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' || isPlural(value) ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`)));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function lookup(messages: Messages, key: string, count: string | number | undefined, locale: Locale): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  if (typeof node === 'string' || node === undefined) return node;
  if (!isPlural(node)) return undefined;
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale === 'nl' ? 'nl-NL' : 'en-GB');
  pluralRules.set(locale, rules);
  const form = typeof count === 'number' ? rules.select(count) : 'other';
  return (node[form] ?? node.other) as string;
}
