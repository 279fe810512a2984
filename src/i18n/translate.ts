/**
 * Interface wording: Dutch first, English second. Every string a user sees
 * outside the instrument and report data comes from locales/<locale>.json;
 * views call `t('key', { name: … })`. A key missing in English falls back to
 * Dutch; a key missing in both shows the key, and a test keeps that from
 * happening (test/unit/i18n/locales.test.ts).
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
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export class Translations {
  private constructor(private readonly messages: Record<Locale, Messages>) {}

  static load(localesDir: string): Translations {
    const read = (locale: Locale) => JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Messages;
    return new Translations({ nl: read('nl'), en: read('en') });
  }

  has(locale: Locale, key: string): boolean {
    return typeof lookup(this.messages[locale], key) === 'string';
  }

  /** A translate function bound to one locale. */
  for(locale: Locale): Translate {
    return (key, params = {}) => fillIn(lookup(this.messages[locale], key) ?? lookup(this.messages[defaultLocale], key) ?? key, params);
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
 * A translate function over one set of messages, such as the report wording
 * in reports/wording.json; a missing key shows the key (a test prevents it).
 */
export function translator(messages: Messages): Translate {
  return (key, params = {}) => fillIn(lookup(messages, key) ?? key, params);
}

/** Every key of a set of messages, dotted. */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`)));
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
