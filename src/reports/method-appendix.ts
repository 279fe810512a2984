/**
 * The method appendix, generated from the same constants and thresholds the
 * code uses, so the report cannot describe a method other than the one that
 * made its figures: the formula, the thresholds of the instrument, Cronbach's
 * alpha per theme, the interval method, the disclosure rules, and which
 * instrument content is not verified against the original questionnaire.
 */
import { indicativeBelow, smallCountBelow } from '../domain/analysis/disclosure-control';
import { maxStreetTypes, minimumSilhouette } from '../domain/analysis/street-types';
import { formatNumber, formatPercent } from './format';
import type { ReportContext } from './report-context';
import { dimensionNames } from './unit-section';

export interface MethodAppendix {
  paragraphs: string[];
  thresholds: { label: string; value: string }[];
  reliability: { name: string; actual: string; desired: string; note: string }[];
  provenance: { instrument: string; verified: boolean; basis: string; note: string }[];
}

export function methodAppendix(context: ReportContext): MethodAppendix {
  const { instrument, analysis } = context;
  const thresholds = instrument.thresholds!;
  const minReportSize = analysis.study.minReportSize;
  const names = dimensionNames(instrument);
  const alpha = (result: { kind: string; alpha?: number; flag?: string }) => (result.kind === 'value' && result.alpha !== undefined ? formatNumber(result.alpha) : '–');
  return {
    paragraphs: [
      'Per bewoner en stelling: de kloof n = (gewenst − nu) / (K − 1) op een schaal van 1 tot K, met het teken omgedraaid bij negatief geformuleerde stellingen (minder ergernis is beter). Het gewicht is het belang: w = (belang − 1) / (L − 1), van 0 (helemaal niet belangrijk) tot 1. De gewogen kloof is n · w en ligt tussen −1 en 1. "Weet niet" telt niet mee.',
      `Per thema: eerst per bewoner het gemiddelde over de beantwoorde stellingen van dat thema (minstens ${formatPercent(thresholds.minShareOfDimensionItemsAnswered)} beantwoord), dan het gemiddelde over bewoners. Naast elk gemiddelde staat een 95%-betrouwbaarheidsinterval (t-verdeling: gemiddelde ± t · s / √n).`,
      `Een thema is een aangrijpingspunt als de gewogen kloof minstens ${formatNumber(thresholds.startingPointWeightedGap)} is én minstens ${formatPercent(thresholds.startingPointShareWantingImprovement)} van de bewoners verbetering wil. Zonder aangrijpingspunt zegt het rapport uitdrukkelijk dat er geen behoefte is: weinig contact met even weinig wens tot meer is geen probleem.`,
      `Statistische beveiliging: cijfers worden alleen getoond voor eenheden met minstens ${minReportSize} respondenten. Kleinere straten worden per buurt samengevoegd tot "overige straten"; waar een verborgen cijfer uit getoonde cijfers terug te rekenen zou zijn, wordt ook een tweede eenheid verborgen. Onder ${indicativeBelow} respondenten heten cijfers indicatief. Aantallen onder ${smallCountBelow} staan er als "< ${smallCountBelow}". Herkomst wordt nooit per straat getoond.`,
      `Straattypen: straten met eigen cijfers worden gegroepeerd op hun gewogen kloof per thema (k-means met een vaste start; het aantal typen, hooguit ${maxStreetTypes}, volgt uit de gemiddelde silhouetwaarde, die minstens ${formatNumber(minimumSilhouette)} moet zijn).`,
      'Vervolgmeting: de verandering per straat en thema is het verschil van de gemiddelden met een Welch-interval; alleen straten met eigen cijfers in beide metingen worden vergeleken.',
    ],
    thresholds: [
      { label: 'Drempel gewogen kloof voor een aangrijpingspunt', value: formatNumber(thresholds.startingPointWeightedGap) },
      { label: 'Drempel aandeel dat verbetering wil', value: formatPercent(thresholds.startingPointShareWantingImprovement) },
      { label: 'Minimale rapportagegrootte', value: String(minReportSize) },
      { label: 'Indicatief onder', value: `${indicativeBelow} respondenten` },
      { label: 'Cronbachs alfa: waarschuwing onder', value: formatNumber(thresholds.alphaFlagBelow) },
    ],
    reliability: analysis.result.reliability.map((row) => ({
      name: names.get(row.dimension) ?? row.dimension,
      actual: alpha(row.actual), desired: alpha(row.desired),
      note: [row.actual, row.desired].some((result) => result.kind === 'value' && result.flag) ? 'lage samenhang: thema met voorzichtigheid lezen' : '',
    })),
    provenance: context.instruments.map((candidate) => ({
      instrument: `${candidate.title.nl} (versie ${candidate.version})`, verified: candidate.provenance.verified,
      basis: candidate.provenance.basis.nl, note: candidate.provenance.note.nl,
    })),
  };
}
