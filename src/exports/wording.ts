/**
 * The words of the export files (variable names and labels, codebook,
 * sheet and file names, the aggregate tables), as data in reports/exports.json
 * and checked at start-up. The files are Dutch, whatever the interface language.
 */
import { z } from 'zod';

const named = z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a variable name: lower-case letters, digits and _'), label: z.string().min(1) });
const text = z.string().min(1);

export const exportWordingSchema = z.object({
  variables: z.object({ respondent: named, neighbourhood: named, street: named, instrumentVersion: named }),
  ratings: z.object({ actual: text, desired: text, importance: text, now: text, willing: text, current: text, checklistNow: text, checklistWanted: text }),
  values: z.object({ dontKnow: text, no: text, yes: text }),
  codebook: z.object({ header: z.array(text).length(6), text, code: text, specialCategory: text, instrument: text }),
  sheets: z.object({ data: text.max(31), codebook: text.max(31) }),
  files: z.object({ respondents: text, respondentsSemicolon: text, codebook: text, tables: text, allUnits: text }),
  spss: z.object({ title: text, howTo: text }),
  tables: z.object({
    columns: z.array(text).length(31),
    levels: z.object({ study: text, neighbourhood: text, street: text, combined: text }),
    allStreets: text,
    combinedUnit: text,
    combinedWithStreet: text,
    shown: text,
    hidden: z.object({ 'below-minimum': text, complementary: text, 'not-reported': text }),
  }),
}).strict();

export type ExportWording = z.output<typeof exportWordingSchema>;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
