/**
 * A seeded generator of synthetic contactladder studies with streets of known
 * character, for tests, benchmarks and the demo study. The same seed always
 * gives the same study. Characters:
 *
 * - `wants-mutual-help`: little mutual help now, much wanted, and it matters;
 *   most residents are willing to do something for their neighbours;
 * - `quiet-content`: little contact of any kind and no wish for more (no need),
 *   and hardly anyone willing to contribute;
 * - `much-annoyance`: much annoyance and interference, residents want less;
 * - `ordinary`: answers scattered around "satisfied".
 *
 * The analysis must find exactly these characters back
 * (test/unit/domain/analysis/analyse-study.test.ts).
 */
import type { RespondentAnswers } from '../domain/analysis/respondent-table.js';
import type { PairedAnswer } from '../domain/analysis/weighted-gap.js';
import type { ContributionItem, Instrument, PairedItem } from '../domain/instrument.js';

/**
 * What a synthetic street is like: residents who want more mutual help; quiet
 * and content with little contact; much annoyance; close-knit and content with
 * much contact; wanting more surface contact but finding it unimportant; or
 * ordinary (small gaps everywhere).
 */
export type StreetCharacter = 'wants-mutual-help' | 'quiet-content' | 'much-annoyance' | 'close-knit-content' | 'wants-more-unimportant' | 'ordinary';

export interface SyntheticStreet {
  name: string;
  character: StreetCharacter;
  respondents: number;
}

export interface SyntheticStudySpec {
  seed: number;
  neighbourhoods: { name: string; streets: SyntheticStreet[] }[];
  /** Share of ratings answered "don't know" (default 0.03). */
  dontKnowShare?: number;
}

export interface SyntheticStudy {
  neighbourhoods: { id: number; name: string }[];
  streets: { id: number; name: string; neighbourhoodId: number; character: StreetCharacter }[];
  respondents: RespondentAnswers[];
}

/** mulberry32: a small, fast, seedable generator of uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(1, value));

/** Actual, desired and importance for one item of a street of this character. */
function answerFor(character: StreetCharacter, item: PairedItem, points: number, random: () => number): PairedAnswer {
  const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const drift = () => { const roll = random(); return roll < 0.15 ? -1 : roll < 0.3 ? 1 : 0; };
  if (character === 'wants-mutual-help' && item.dimension === 'mutual-help') {
    return { actual: pick(1, 2), desired: pick(4, points), importance: pick(4, 5) };
  }
  if (character === 'much-annoyance' && (item.dimension === 'negative-contacts')) {
    return { actual: pick(4, points), desired: pick(1, 2), importance: pick(4, 5) };
  }
  if (character === 'close-knit-content') {
    const actual = item.polarity === -1 ? 1 : pick(4, points);
    return { actual, desired: actual, importance: pick(3, 5) };
  }
  if (character === 'wants-more-unimportant' && item.dimension === 'surface-contact') {
    return { actual: pick(1, 2), desired: pick(4, points), importance: 1 };
  }
  if (character === 'quiet-content') {
    const actual = item.polarity === -1 ? 1 : pick(1, 2);
    return { actual, desired: actual, importance: pick(1, 3) };
  }
  const actual = item.polarity === -1 ? pick(1, 2) : pick(3, 4);
  return { actual, desired: clamp(actual + drift(), points), importance: pick(2, 4) };
}

/**
 * Plausible shares of the answers to the contactladder's background questions
 * among the adults of a Dutch town neighbourhood, rounded, so that the demo's
 * "who took part" reads like a real street (demo and tests only: not a source
 * of figures). A question not listed here gets each answer equally often.
 */
const backgroundShares: Readonly<Record<string, readonly number[]>> = {
  'gender': [0.49, 0.5, 0.01],
  'age-class': [0.17, 0.24, 0.33, 0.14, 0.12],
  'household': [0.37, 0.29, 0.24, 0.07, 0.03],
  'children-at-home': [0.7, 0.3],
  'residence-length': [0.15, 0.18, 0.17, 0.22, 0.28],
  'tenure': [0.29, 0.14, 0.57],
  'dwelling': [0.55, 0.15, 0.15, 0.08, 0.07],
  'origin': [0.74, 0.26],
  'activity': [0.55, 0.07, 0.06, 0.24, 0.04, 0.04],
  'moving-plans': [0.7, 0.2, 0.1],
  'gives-care': [0.82, 0.04, 0.14],
};

/** The answer (1..points) that a uniform draw in [0, 1) falls on, by the question's shares. */
function backgroundAnswer(questionId: string, points: number, draw: number): number {
  const shares = backgroundShares[questionId];
  if (shares?.length !== points) return 1 + Math.floor(draw * points);
  let cumulative = 0;
  for (let index = 0; index < points; index++) {
    cumulative += shares[index]!;
    if (draw < cumulative) return index + 1;
  }
  return points;
}

export function generateStudy(instrument: Instrument, spec: SyntheticStudySpec): SyntheticStudy {
  const random = seededRandom(spec.seed);
  const dontKnowShare = spec.dontKnowShare ?? 0.03;
  const paired = instrument.items.filter((item): item is PairedItem => item.kind === 'paired');
  const background = instrument.items.filter((item) => item.kind === 'choice' && item.groupVariable);
  const contributionItems = instrument.items.filter((item): item is ContributionItem => item.kind === 'contribution');
  const pointsOf = (scaleId: string) => instrument.scales[scaleId]!.points.length;
  const maybeMissing = (value: number) => (random() < dontKnowShare ? null : value);

  const neighbourhoods: SyntheticStudy['neighbourhoods'] = [];
  const streets: SyntheticStudy['streets'] = [];
  const respondents: RespondentAnswers[] = [];
  spec.neighbourhoods.forEach((neighbourhood, neighbourhoodIndex) => {
    const neighbourhoodId = neighbourhoodIndex + 1;
    neighbourhoods.push({ id: neighbourhoodId, name: neighbourhood.name });
    for (const street of neighbourhood.streets) {
      const streetId = streets.length + 1;
      streets.push({ id: streetId, name: street.name, neighbourhoodId, character: street.character });
      for (let index = 0; index < street.respondents; index++) {
        const answers: Record<string, PairedAnswer> = {};
        for (const item of paired) {
          const answer = answerFor(street.character, item, pointsOf(item.scale), random);
          answers[item.id] = { actual: maybeMissing(answer.actual!), desired: maybeMissing(answer.desired!), importance: maybeMissing(answer.importance!) };
        }
        const backgroundAnswers: Record<string, number | null> = {};
        for (const item of background) {
          if (item.kind === 'choice') backgroundAnswers[item.id] = maybeMissing(backgroundAnswer(item.id, pointsOf(item.scale), random()));
        }
        const contribution: Record<string, { now: number | null; willing: number | null }> = {};
        const willingness = street.character === 'wants-mutual-help' ? 0.8 : street.character === 'quiet-content' ? 0.05 : 0.3;
        for (const item of contributionItems) {
          const willingTop = pointsOf(item.willingScale);
          contribution[item.id] = {
            now: maybeMissing(random() < 0.3 ? 2 : 1),
            willing: maybeMissing(random() < willingness ? willingTop : 1 + Math.floor(random() * (willingTop - 1))),
          };
        }
        respondents.push({ key: `s${spec.seed}-r${respondents.length + 1}`, streetId, neighbourhoodId, paired: answers, background: backgroundAnswers, contribution });
      }
    }
  });
  return { neighbourhoods, streets, respondents };
}
