/**
 * The variables of a respondent export and their codebook, from the
 * instrument file: one variable per rating of every answerable item, with
 * its wording as label and its scale as value labels. Variable names are the
 * item id and rating joined by "_", hyphens made underscores, so SPSS, R and
 * Stata accept them as they are.
 *
 * Codes: scale values 1..K as in the instrument (checklists 0 = no, 1 = yes);
 * 99 = "don't know / not applicable"; an empty cell = not asked or not
 * answered. Free-text answers are not exported: they may name people and are
 * shown only after review, in the reports.
 */
import { isAsked } from '../domain/asked-when.js';
import { spreadsheetSafe } from './csv.js';
import type { Instrument, Item } from '../domain/instrument.js';
import { expectedRatings, type RespondentRecord } from '../domain/answer-document.js';
import { fill, type ExportWording } from './wording.js';

export const dontKnowCode = 99;

export interface ExportVariable {
  name: string;
  label: string;
  /** Where the value comes from: a fixed column, or an item's rating in the answer document. */
  source: { kind: 'respondent' | 'neighbourhood' | 'street' | 'instrumentVersion' } | { kind: 'answer'; itemId: string; rating: string };
  type: 'text' | 'code';
  /** Value labels of a coded variable, the "don't know" code last. */
  values: { code: number; label: string }[];
  /** GDPR art. 9 data (origin): handle with extra care. */
  specialCategory: boolean;
  /** The item whose value this is, for its skip logic (asked-when.ts): where it was not asked, the value is empty. */
  item?: Item;
}

const variableName = (itemId: string, rating: string) => (rating === 'answer' ? itemId : `${itemId}_${rating}`).replace(/-/g, '_');

function ratingLabel(rating: string, wording: ExportWording): string {
  const checklist = /^(now|wanted)-(\d+)$/.exec(rating);
  if (checklist) return fill(checklist[1] === 'now' ? wording.ratings.checklistNow : wording.ratings.checklistWanted, { rung: checklist[2]! });
  return rating === 'answer' ? '' : (wording.ratings as Record<string, string>)[rating] ?? rating;
}

function valueLabels(item: Item, rating: string, instrument: Instrument, wording: ExportWording): { code: number; label: string }[] {
  const dontKnow = { code: dontKnowCode, label: wording.values.dontKnow };
  const scaleId = item.kind === 'paired' ? (rating === 'importance' ? instrument.importanceScale : item.scale)
    : item.kind === 'contribution' ? (rating === 'now' ? item.nowScale : item.willingScale)
      : item.kind === 'choice' ? item.scale : undefined;
  if (scaleId) return [...instrument.scales[scaleId]!.points.map((point) => ({ code: point.value, label: point.label.nl })), dontKnow];
  if (item.kind === 'rung') return [...(instrument.rungs ?? []).map((rung) => ({ code: rung.rung, label: rung.label.nl })), dontKnow];
  if (item.kind === 'rung-checklist') return [{ code: 0, label: wording.values.no }, { code: 1, label: wording.values.yes }, dontKnow];
  return [dontKnow];
}

export function exportVariables(instrument: Instrument, wording: ExportWording): ExportVariable[] {
  const fixed = (kind: 'respondent' | 'neighbourhood' | 'street' | 'instrumentVersion'): ExportVariable => ({
    name: wording.variables[kind].name, label: fill(wording.variables[kind].label, { title: instrument.title.nl }),
    source: { kind }, type: kind === 'instrumentVersion' ? 'code' : 'text', values: [], specialCategory: false,
  });
  const variables = [fixed('respondent'), fixed('neighbourhood'), fixed('street'), fixed('instrumentVersion')];
  for (const item of instrument.items) {
    for (const { rating } of expectedRatings(item, instrument)) {
      const suffix = ratingLabel(rating, wording);
      variables.push({
        name: variableName(item.id, rating), label: suffix ? `${item.wording.nl} (${suffix})` : item.wording.nl,
        source: { kind: 'answer', itemId: item.id, rating }, type: 'code', values: valueLabels(item, rating, instrument, wording),
        specialCategory: item.kind === 'choice' && item.specialCategory, item,
      });
    }
  }
  return variables;
}

/** The respondent's row, in the order of the variables: text, a code, or null for "not answered". */
export function respondentRow(variables: readonly ExportVariable[], respondent: RespondentRecord): (string | number | null)[] {
  return variables.map((variable) => {
    switch (variable.source.kind) {
      case 'respondent': return spreadsheetSafe(respondent.respondentKey);
      case 'neighbourhood': return spreadsheetSafe(respondent.neighbourhood);
      case 'street': return spreadsheetSafe(respondent.street);
      case 'instrumentVersion': return respondent.instrumentVersion;
      case 'answer': {
        const ratings = respondent.answers[variable.source.itemId];
        if (!ratings || !(variable.source.rating in ratings)) return null;
        // An answer an older bundle sent to a question its condition skipped is not the respondent's: not asked, empty.
        if (variable.item && !isAsked(variable.item, (itemId) => respondent.answers[itemId]?.answer)) return null;
        return ratings[variable.source.rating] ?? dontKnowCode;
      }
    }
  });
}
