/**
 * The method appendix, generated from the same constants and thresholds the
 * code uses, so the report cannot describe a method other than the one that
 * made its figures: the formula, the thresholds of the instrument, Cronbach's
 * alpha per theme, the interval method, the disclosure rules, and which
 * instrument content is not verified against the original questionnaire.
 */
import { indicativeBelow, smallCountBelow } from '../domain/analysis/disclosure-control.js';
import type { ReliabilityResult } from '../domain/analysis/reliability.js';
import type { Instrument } from '../domain/instrument.js';
import type { Translate } from '../i18n/translate.js';
import { maxStreetTypes, minimumSilhouette } from '../domain/analysis/street-types.js';
import { formatNumber, formatPercent } from './format.js';
import { indexBandPoints } from './surroundings-index.js';
import type { ReportContext } from './report-context.js';
import { dimensionNames } from './unit-section.js';

export interface MethodAppendix {
  paragraphs: string[];
  thresholds: { label: string; value: string }[];
  reliability: { name: string; actual: string; desired: string; note: string }[];
  provenance: { instrument: string; verified: boolean; basis: string; note: string }[];
}

function reliabilityNote(results: readonly ReliabilityResult['actual'][], thresholds: NonNullable<Instrument['thresholds']>, say: Translate): string {
  const flags = results.flatMap((result) => (result.kind === 'value' && result.flag ? [result.flag] : []));
  if (flags.includes('flagged')) return say('appendix.lowAlpha', { threshold: formatNumber(thresholds.alphaFlagBelow) });
  if (flags.includes('indicative')) return say('appendix.indicativeAlpha', { threshold: formatNumber(thresholds.alphaIndicativeBelow) });
  return '';
}

export function methodAppendix(context: ReportContext): MethodAppendix {
  const { instrument, analysis } = context;
  const { say } = context.definitions;
  const thresholds = instrument.thresholds!;
  const minReportSize = analysis.study.minReportSize;
  const names = dimensionNames(instrument, context.definitions.locale);
  const language = context.definitions.locale;
  const alpha = (result: { kind: string; alpha?: number; flag?: string }) => (result.kind === 'value' && result.alpha !== undefined ? formatNumber(result.alpha) : '–');
  return {
    paragraphs: [
      // Which interviews the figures rest on: a coordinator reviews each one (approved, returned, rejected).
      say(analysis.study.onlyApproved ? 'appendix.interviewsApproved' : 'appendix.interviewsAll'),
      say('appendix.formula'),
      say('appendix.themes', { share: formatPercent(thresholds.minShareOfDimensionItemsAnswered) }),
      say('appendix.startingPoints', { gap: formatNumber(thresholds.startingPointWeightedGap), share: formatPercent(thresholds.startingPointShareWantingImprovement) }),
      say('appendix.disclosure', { minimum: minReportSize, indicative: indicativeBelow, small: smallCountBelow }),
      say('appendix.streetTypes', { types: maxStreetTypes, silhouette: formatNumber(minimumSilhouette) }),
      say('appendix.index', { points: indexBandPoints }),
      say('appendix.waves'),
    ],
    thresholds: [
      { label: say('appendix.thresholds.startingPointGap'), value: formatNumber(thresholds.startingPointWeightedGap) },
      { label: say('appendix.thresholds.startingPointShare'), value: formatPercent(thresholds.startingPointShareWantingImprovement) },
      { label: say('appendix.thresholds.minimum'), value: String(minReportSize) },
      { label: say('appendix.thresholds.indicative'), value: say('appendix.thresholds.indicativeValue', { n: indicativeBelow }) },
      { label: say('appendix.thresholds.alpha'), value: formatNumber(thresholds.alphaFlagBelow) },
      { label: say('appendix.thresholds.alphaIndicative'), value: formatNumber(thresholds.alphaIndicativeBelow) },
    ],
    reliability: analysis.result.reliability.map((row) => ({
      name: names.get(row.dimension) ?? row.dimension,
      actual: alpha(row.actual), desired: alpha(row.desired),
      // A note only below the thresholds it names: below .60 flagged, below .70 indicative, otherwise none.
      note: reliabilityNote([row.actual, row.desired], thresholds, say),
    })),
    provenance: context.instruments.map((candidate) => ({
      instrument: say('appendix.instrument', { title: candidate.title[language], version: candidate.version }), verified: candidate.provenance.verified,
      basis: candidate.provenance.basis[language], note: candidate.provenance.note[language],
    })),
  };
}
