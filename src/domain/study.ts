/**
 * A study (onderzoek): one round of fieldwork in an area for one commissioning
 * party, with its instruments and its privacy and fieldwork settings.
 * Defaults and limits follow shared/spec/product.md (workflow step 1).
 */
import { z } from 'zod';

export const defaultMinReportSize = 10;
export const defaultMaxVisitAttempts = 3;

const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');
const isoDate = z.string().trim().min(1, 'required').regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'invalidDate');
const wholeNumber = (min: number, max: number, fallback: number) => z.preprocess(
  (value) => (value === undefined || value === '' ? fallback : Number(value)),
  z.number({ message: 'notANumber' }).int('notAWholeNumber').min(min, 'tooSmall').max(max, 'tooLarge'),
);

/** A form's instrument choice, e.g. "contactladder@1"; one or more per study. */
const instrumentChoice = z.string().regex(/^[a-z][a-z0-9-]*@\d+$/, 'unknownInstrument');

export function studyInputSchema(availableInstruments: readonly string[]) {
  return z.object({
    name: requiredText(200),
    commissioner: requiredText(200),
    area: requiredText(200),
    fieldworkStart: isoDate,
    fieldworkEnd: isoDate,
    instruments: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(instrumentChoice.refine((choice) => availableInstruments.includes(choice), 'unknownInstrument')).min(1, 'chooseInstrument'),
    ),
    minReportSize: wholeNumber(5, 1000, defaultMinReportSize),
    maxVisitAttempts: wholeNumber(1, 10, defaultMaxVisitAttempts),
    /** "Alleen goedgekeurde interviews": a checkbox, absent when not ticked. */
    onlyApproved: z.preprocess((value) => value === 'on' || value === '1' || value === 'true' || value === true, z.boolean()),
    /** The earlier study this one repeats (a follow-up wave); empty for none. */
    followUpOf: z.preprocess(
      (value) => (value === undefined || value === '' ? null : Number(value)),
      z.number({ message: 'unknownStudy' }).int('unknownStudy').positive('unknownStudy').nullable(),
    ),
  }).superRefine((study, ctx) => {
    if (study.fieldworkEnd < study.fieldworkStart) ctx.addIssue({ code: 'custom', path: ['fieldworkEnd'], message: 'endBeforeStart' });
    const ids = study.instruments.map((choice) => choice.split('@')[0]);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['instruments'], message: 'oneVersionPerInstrument' });
  });
}

export type StudyInput = z.output<ReturnType<typeof studyInputSchema>>;

export interface InstrumentChoice {
  instrumentId: string;
  version: number;
}

export function splitInstrumentChoice(choice: string): InstrumentChoice {
  const [instrumentId, version] = choice.split('@');
  return { instrumentId: instrumentId!, version: Number(version) };
}

export interface Study {
  id: number;
  name: string;
  commissioner: string;
  area: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  minReportSize: number;
  maxVisitAttempts: number;
  /** Whether the figures count only interviews a coordinator approved (else all but the rejected ones). */
  onlyApproved: boolean;
  isDemo: boolean;
  /** The earlier study this one is a follow-up wave of (vervolgmeting), if any. */
  followUpOf: number | null;
  /** When the address frame was purged after fieldwork; from then on no import and no sync. */
  purgedAt: string | null;
  instruments: InstrumentChoice[];
  createdAt: string;
  updatedAt: string;
}
