/**
 * The catalogue of 44 social-network methods ("Aan de slag met sociale
 * netwerken", shared/seeds/004_…txt) as the report uses it: per method its
 * name as the catalogue spells it, theme, goal, for whom, by whom, approach,
 * investment (time, training) and the scale it works at
 * (recommendations.md, "The catalogue as data"). The data is
 * reports/methods.json, in the project's own words, checked at start-up.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);
export const methodScales = ['individual', 'household', 'street', 'neighbourhood'] as const;

const methodSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: text,
  theme: text,
  scale: z.array(z.enum(methodScales)).min(1),
  /** Page in the catalogue, where to learn more. */
  page: z.number().int().positive(),
  goal: text,
  forWhom: text,
  byWhom: text,
  approach: text,
  investment: z.object({ time: text, training: text }),
}).strict();

export const catalogueSchema = z.object({
  source: text,
  themes: z.array(z.object({ id: text, name: text }).strict()).min(1),
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

export type Catalogue = z.output<typeof catalogueSchema>;
export type Method = Catalogue['methods'][number];
