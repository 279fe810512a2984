/**
 * The catalogue of 44 social-network methods ("Aan de slag met sociale
 * netwerken", shared/seeds/004_…txt) as the report uses it: per method its
 * name as the catalogue spells it, theme, goal, for whom, by whom, approach,
 * investment (time, training) and the scale it works at
 * (recommendations.md, "The catalogue as data"). The data is
 * reports/methods.json, in the project's own words, checked at start-up.
 */
import { z } from 'zod';
import type { Language } from '../instrument.js';

const text = z.string().trim().min(1);
/** A text in each language of the reports. */
const localised = z.object({ nl: text, en: text }).strict();
export const methodScales = ['individual', 'household', 'street', 'neighbourhood'] as const;

const methodSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The method's own name, the same in every language (readers look it up in the guide). */
  name: text,
  theme: text,
  scale: z.array(z.enum(methodScales)).min(1),
  /** Page in the catalogue, where to learn more. */
  page: z.number().int().positive(),
  goal: localised,
  forWhom: localised,
  byWhom: localised,
  approach: localised,
  investment: z.object({ time: localised, training: localised }).strict(),
}).strict();

export const catalogueSchema = z.object({
  source: localised,
  themes: z.array(z.object({ id: text, name: localised }).strict()).min(1),
  methods: z.array(methodSchema),
}).strict().superRefine((catalogue, ctx) => {
  const themes = new Set(catalogue.themes.map((theme) => theme.id));
  const seen = new Set<string>();
  catalogue.methods.forEach((method, index) => {
    if (seen.has(method.id)) ctx.addIssue({ code: 'custom', path: ['methods', index, 'id'], message: `duplicate method id "${method.id}"` });
    seen.add(method.id);
    if (!themes.has(method.theme)) ctx.addIssue({ code: 'custom', path: ['methods', index, 'theme'], message: `unknown theme "${method.theme}"` });
  });
});

type StoredCatalogue = z.output<typeof catalogueSchema>;

/** The catalogue as a report of one language reads it: every text in that language. */
export interface Catalogue {
  source: string;
  themes: { id: string; name: string }[];
  methods: Method[];
}

export interface Method {
  id: string;
  name: string;
  theme: string;
  scale: (typeof methodScales)[number][];
  page: number;
  goal: string;
  forWhom: string;
  byWhom: string;
  approach: string;
  investment: { time: string; training: string };
}

export function catalogueIn(catalogue: StoredCatalogue, language: Language): Catalogue {
  return {
    source: catalogue.source[language],
    themes: catalogue.themes.map((theme) => ({ id: theme.id, name: theme.name[language] })),
    methods: catalogue.methods.map((method) => ({
      ...method,
      goal: method.goal[language], forWhom: method.forWhom[language], byWhom: method.byWhom[language], approach: method.approach[language],
      investment: { time: method.investment.time[language], training: method.investment.training[language] },
    })),
  };
}
