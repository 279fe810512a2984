/**
 * The instrument file format: what a survey instrument (contactladder,
 * straatladder) is, as data. The schema is the single source of truth; the
 * TypeScript types below are derived from it so the two cannot drift.
 *
 * Field-by-field explanation: surveys/README.md. Specification:
 * shared/spec/instruments.md ("Instruments are versioned data").
 */
import { z } from 'zod';

/** Wording in both interface languages. Dutch is required and leads. */
export const textSchema = z.object({
  nl: z.string().min(1),
  en: z.string().min(1),
}).strict();

/** A language of the wording: 'nl' or 'en' (the interface's locales). */
export type Language = keyof z.output<typeof textSchema>;

/** One answer option of a scale; values run 1..K without gaps. */
const scalePointSchema = z.object({ value: z.number().int().min(1).max(10), label: textSchema }).strict();

/**
 * An answer scale. Every scale offers "don't know / not applicable", which is
 * stored as missing and never counts as a value (instruments.md).
 */
const scaleSchema = z.object({
  points: z.array(scalePointSchema).min(2).max(10),
  dontKnow: textSchema,
}).strict().superRefine((scale, ctx) => {
  scale.points.forEach((point, index) => {
    if (point.value !== index + 1) {
      ctx.addIssue({ code: 'custom', path: ['points', index, 'value'], message: `expected value ${index + 1}: scale values run 1..K in order` });
    }
  });
});

const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens');

const itemBase = {
  id: idSchema,
  block: idSchema,
  wording: textSchema,
  help: textSchema.optional(),
  required: z.boolean().default(true),
};

/** An item asked twice (actual, then desired) on the same scale, plus importance. */
const pairedItemSchema = z.object({
  ...itemBase,
  kind: z.literal('paired'),
  dimension: idSchema,
  polarity: z.union([z.literal(1), z.literal(-1)]),
  scale: idSchema,
}).strict();

/** Own contribution: what the respondent does now and would be willing to do. */
const contributionItemSchema = z.object({
  ...itemBase,
  kind: z.literal('contribution'),
  dimension: idSchema,
  nowScale: idSchema,
  willingScale: idSchema,
}).strict();

/** One answer on one scale: background questions, informal care. */
const choiceItemSchema = z.object({
  ...itemBase,
  kind: z.literal('choice'),
  scale: idSchema,
  /** A group variable residents can be compared on in reports. */
  groupVariable: z.boolean().default(false),
  /** Special-category personal data (GDPR art. 9), e.g. origin: optional and never crossed with street. */
  specialCategory: z.boolean().default(false),
  /**
   * Skip logic: asked only when an earlier choice item was answered with one of
   * `values` ("Als u die zorg geeft: hoe zwaar …" only after a "yes"). Not asked,
   * it is not required, and an answer to it is not counted (asked-when.ts).
   */
  askedWhen: z.object({ item: idSchema, values: z.array(z.number().int().min(1)).min(1) }).strict().optional(),
}).strict();

/** Free text, shown in reports only after a coordinator's review. */
const textItemSchema = z.object({
  ...itemBase,
  kind: z.literal('text'),
  maxLength: z.number().int().min(1).max(4000),
}).strict();

/** The straatladder question: current and desired rung on the instrument's ladder. */
const rungItemSchema = z.object({ ...itemBase, kind: z.literal('rung') }).strict();

/** The straatladder checklist: for every rung, does it apply now and is it wanted. */
const rungChecklistItemSchema = z.object({ ...itemBase, kind: z.literal('rung-checklist') }).strict();

export const itemSchema = z.discriminatedUnion('kind', [
  pairedItemSchema, contributionItemSchema, choiceItemSchema, textItemSchema, rungItemSchema, rungChecklistItemSchema,
]);

const blockSchema = z.object({ id: idSchema, title: textSchema, intro: textSchema.optional() }).strict();

const dimensionSchema = z.object({ id: idSchema, name: textSchema, description: textSchema }).strict();

const rungSchema = z.object({ rung: z.number().int().min(1).max(10), label: textSchema }).strict();

/** Analysis thresholds; the method appendix prints these same numbers. */
const thresholdsSchema = z.object({
  startingPointWeightedGap: z.number().min(0).max(1),
  startingPointShareWantingImprovement: z.number().min(0).max(1),
  minShareOfDimensionItemsAnswered: z.number().gt(0).max(1),
  alphaFlagBelow: z.number().min(0).max(1),
  alphaIndicativeBelow: z.number().min(0).max(1),
}).strict();

const provenanceSchema = z.object({
  verified: z.boolean(),
  basis: textSchema,
  note: textSchema,
}).strict();

export const instrumentSchema = z.object({
  id: idSchema,
  version: z.number().int().min(1),
  title: textSchema,
  intro: textSchema,
  provenance: provenanceSchema,
  /** Where importance is asked: per item (default), per dimension, or not at all (all weights 1). */
  importance: z.enum(['item', 'dimension', 'none']),
  importanceScale: idSchema.optional(),
  scales: z.record(idSchema, scaleSchema),
  blocks: z.array(blockSchema).min(1),
  dimensions: z.array(dimensionSchema),
  items: z.array(itemSchema).min(1),
  rungs: z.array(rungSchema).optional(),
  thresholds: thresholdsSchema.optional(),
  followUpConsent: textSchema.optional(),
}).strict().superRefine(checkReferences);

export type Text = z.infer<typeof textSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Item = z.infer<typeof itemSchema>;
export type PairedItem = z.infer<typeof pairedItemSchema>;
export type ContributionItem = z.output<typeof contributionItemSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Cross-references the schema alone cannot express: every id an item names must exist. */
function checkReferences(instrument: z.input<typeof instrumentSchema>, ctx: z.RefinementCtx): void {
  const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const blockIds = new Set(instrument.blocks.map((block) => block.id));
  const dimensionIds = new Set(instrument.dimensions.map((dimension) => dimension.id));
  const scaleIds = new Set(Object.keys(instrument.scales));
  const seenItems = new Set<string>();

  instrument.items.forEach((item, index) => {
    const at = (field: string) => ['items', index, field];
    if (seenItems.has(item.id)) report(at('id'), `duplicate item id "${item.id}"`);
    seenItems.add(item.id);
    if (!blockIds.has(item.block)) report(at('block'), `unknown block "${item.block}"`);
    if ('dimension' in item && !dimensionIds.has(item.dimension)) report(at('dimension'), `unknown dimension "${item.dimension}"`);
    for (const field of ['scale', 'nowScale', 'willingScale'] as const) {
      const scaleId = (item as Record<string, unknown>)[field];
      if (typeof scaleId === 'string' && !scaleIds.has(scaleId)) report(at(field), `unknown scale "${scaleId}"`);
    }
    if (item.kind === 'choice' && item.askedWhen) {
      // The condition must be an earlier choice item (asked before, on this or an earlier screen), its values on that item's scale.
      const condition = instrument.items.slice(0, index).find((candidate) => candidate.id === item.askedWhen!.item);
      if (!condition || condition.kind !== 'choice') report(at('askedWhen'), `askedWhen names "${item.askedWhen.item}", which is not an earlier choice item`);
      else {
        const points = instrument.scales[condition.scale]?.points.length ?? 0;
        for (const value of item.askedWhen.values) if (value > points) report(at('askedWhen'), `askedWhen value ${value} is not on the scale of "${condition.id}" (1..${points})`);
      }
    }
    if ((item.kind === 'rung' || item.kind === 'rung-checklist') && !instrument.rungs?.length) {
      report(at('kind'), 'a rung item needs the instrument to define rungs');
    }
  });

  const hasPaired = instrument.items.some((item) => item.kind === 'paired');
  // Answer documents carry importance per paired item only: an instrument that asked it per
  // dimension would get no weighted gap at all, so it is refused until the field app asks it.
  if (hasPaired && instrument.importance === 'dimension') {
    report(['importance'], 'importance per dimension is not supported yet: ask it per item ("item") or not at all ("none")');
  }
  if (hasPaired && instrument.importance !== 'none' && !instrument.importanceScale) {
    report(['importanceScale'], 'importance is asked, so importanceScale is required');
  }
  if (instrument.importanceScale && !scaleIds.has(instrument.importanceScale)) {
    report(['importanceScale'], `unknown scale "${instrument.importanceScale}"`);
  }
  if (hasPaired && !instrument.thresholds) report(['thresholds'], 'an instrument with paired items needs analysis thresholds');
  instrument.rungs?.forEach((rung, index) => {
    if (rung.rung !== index + 1) report(['rungs', index, 'rung'], `expected rung ${index + 1}: rungs run 1..N in order`);
  });
}
