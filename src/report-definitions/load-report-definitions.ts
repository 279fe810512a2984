/**
 * Loads the report definitions under reports/: the method catalogue
 * (methods.json), the recommendation rules (rules.json), the vega-lite
 * chart specs (charts/*.json), the words of the export files (exports.json)
 * and of the reports themselves (wording.json). Checked once at start-up, like the
 * instruments: every rule must name existing methods, dimensions and
 * questions, and every chart spec must be a vega-lite spec that vega-lite can
 * compile. A broken file stops start-up with the file and the reason.
 *
 * Reports exist in Dutch and English. The catalogue and the rules hold each
 * text in both languages; wording.json holds one set of words per language,
 * and both must have exactly the same keys. A chart spec's texts are
 * references into the wording ("@charts.weightedGaps.axis"), resolved per
 * language. The loader gives one set of definitions per language, every text
 * already in it, so a report of one language cannot pick up a word of the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { locales, messageKeys, translator, type Locale, type Messages, type Translate } from '../i18n/translate.js';
import { catalogueIn, catalogueSchema, type Catalogue } from '../domain/recommendations/catalogue.js';
import { exportWordingSchema, type ExportWording } from '../exports/wording.js';
import { conditionalPassagePattern, conditionParts, measurePattern, optionalMeasures, placeholderPattern, rulesIn, rulesSchema, type Rule } from '../domain/recommendations/rules.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';

/** The definitions of the reports in one language. */
export interface ReportDefinitions {
  locale: Locale;
  catalogue: Catalogue;
  rules: Rule[];
  /** Vega-lite specs by file name without .json; code fills in their `data.values`. */
  charts: Map<string, TopLevelSpec>;
  /** The words of the export files (exports.json). */
  exportWording: ExportWording;
  /** The fixed words of the reports (wording.json): headings, table heads, sentences with {placeholders}. */
  say: Translate;
}

/** The report definitions of every language: `definitions.en` writes an English report. */
export type ReportLanguages = Record<Locale, ReportDefinitions>;

/** Nested objects of strings, as the wording files are. */
const messagesSchema: z.ZodType<Messages> = z.lazy(() => z.record(z.string(), z.union([z.string().min(1), messagesSchema])));

export class ReportDefinitionError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ReportDefinitionError';
  }
}

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReportDefinitionError(file, `not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportDefinitionError(file, `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Checks that every rule names methods, dimensions and questions that exist. */
export function checkRules(rules: readonly Rule[], catalogue: Catalogue, instruments: InstrumentRegistry, file = 'rules.json'): void {
  const methods = new Set(catalogue.methods.map((method) => method.id));
  const dimensions = new Set(instruments.list().flatMap((instrument) => instrument.dimensions.map((dimension) => dimension.id)));
  const questions = new Set(instruments.list().flatMap((instrument) => instrument.items.filter((item) => item.kind === 'choice').map((item) => item.id)));
  for (const rule of rules) {
    const unknownMethod = rule.methods.find((id) => !methods.has(id));
    if (unknownMethod) throw new ReportDefinitionError(file, `rule "${rule.id}" names unknown method "${unknownMethod}"`);
    const placeholders = [...rule.rationale.matchAll(placeholderPattern)].map((match) => match[1]!);
    const parts = conditionParts(rule.when);
    const measures = [...parts.measures, ...placeholders];
    const measureDimensions = measures.flatMap((measure) => /^dimension:([a-z0-9-]+)\./.exec(measure)?.[1] ?? []);
    const unknownDimension = [...parts.dimensions, ...measureDimensions].find((id) => !dimensions.has(id));
    if (unknownDimension) throw new ReportDefinitionError(file, `rule "${rule.id}" names unknown dimension "${unknownDimension}"`);
    const unknownMeasure = placeholders.find((measure) => !measurePattern.test(measure));
    if (unknownMeasure) throw new ReportDefinitionError(file, `rule "${rule.id}" cites unknown measure "${unknownMeasure}"`);
    // A figure that one branch of an `any` can fire without may only stand in a [[passage]], printed when it met its test.
    const outside = [...rule.rationale.replace(conditionalPassagePattern, '').matchAll(placeholderPattern)].map((match) => match[1]!);
    const unguarded = outside.find((measure) => optionalMeasures(rule.when).includes(measure));
    if (unguarded) throw new ReportDefinitionError(file, `rule "${rule.id}" cites "${unguarded}" outside a [[passage]], though it can fire without it`);
    const unknownQuestion = measures.flatMap((measure) => /^(?:share|residents):([a-z0-9-]+)=/.exec(measure)?.[1] ?? []).find((id) => !questions.has(id));
    if (unknownQuestion) throw new ReportDefinitionError(file, `rule "${rule.id}" names unknown question "${unknownQuestion}"`);
  }
}

/** Replaces every "@key" string of a chart spec by that key's words (a missing key throws). */
function resolveChartTexts(node: unknown, say: Translate): unknown {
  if (typeof node === 'string') return node.startsWith('@') ? say(node.slice(1)) : node;
  if (Array.isArray(node)) return node.map((item) => resolveChartTexts(item, say));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveChartTexts(value, say)]));
  return node;
}

/** Both languages' wording must have the same keys: a report never falls back to the other language. */
function checkSameKeys(wording: Record<Locale, Messages>, file: string): void {
  const dutch = new Set(messageKeys(wording.nl));
  for (const locale of locales) {
    const keys = new Set(messageKeys(wording[locale]));
    const missing = [...dutch].find((key) => !keys.has(key)) ?? [...keys].find((key) => !dutch.has(key));
    if (missing) throw new ReportDefinitionError(file, `"${missing}" is not in both languages (nl, en)`);
  }
}

export function loadReportDefinitions(reportsDir: string, instruments: InstrumentRegistry): ReportLanguages {
  const catalogue = readJson(path.join(reportsDir, 'methods.json'), catalogueSchema);
  const rulesFile = path.join(reportsDir, 'rules.json');
  const rules = readJson(rulesFile, rulesSchema).rules;
  // A rationale cites the same figures in both languages: an English reader is told what a Dutch one is.
  for (const rule of rules) {
    const cited = (text: string) => [...text.matchAll(placeholderPattern)].map((match) => match[0]).sort().join(' ');
    if (cited(rule.rationale.nl) !== cited(rule.rationale.en)) throw new ReportDefinitionError(rulesFile, `rule "${rule.id}" cites other figures in English than in Dutch`);
  }
  const wordingFile = path.join(reportsDir, 'wording.json');
  const wording = readJson(wordingFile, z.object({ nl: messagesSchema, en: messagesSchema }).strict());
  checkSameKeys(wording, wordingFile);
  const exportWording = readJson(path.join(reportsDir, 'exports.json'), exportWordingSchema);
  const chartsDir = path.join(reportsDir, 'charts');
  const chartFiles = readdirSync(chartsDir).filter((file) => file.endsWith('.json')).sort();
  const inLanguage = (locale: Locale): ReportDefinitions => {
    const say = translator(wording[locale], locale);
    const localRules = rulesIn(rules, locale);
    checkRules(localRules, catalogueIn(catalogue, locale), instruments, `${rulesFile} (${locale})`);
    const charts = new Map<string, TopLevelSpec>();
    for (const name of chartFiles) {
      const file = path.join(chartsDir, name);
      let spec: TopLevelSpec;
      try {
        spec = resolveChartTexts(JSON.parse(readFileSync(file, 'utf8')), say) as TopLevelSpec;
        compile(spec);
      } catch (error) {
        throw new ReportDefinitionError(file, `not a valid vega-lite spec (${locale}): ${error instanceof Error ? error.message : String(error)}`);
      }
      charts.set(name.replace(/\.json$/, ''), spec);
    }
    return { locale, catalogue: catalogueIn(catalogue, locale), rules: localRules, charts, exportWording, say };
  };
  return { nl: inLanguage('nl'), en: inLanguage('en') };
}
