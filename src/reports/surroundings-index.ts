/**
 * A street against its surroundings, the convention of Dutch neighbourhood
 * monitors (Rotterdam's Wijkprofiel: the city is 100): per theme, the street's
 * weighted gap as an index against its neighbourhood's and the whole study's,
 *
 *   index = 100 + 100 · (WG_street − WG_reference),
 *
 * so the reference is 100 and every 0,01 of weighted gap is one point; 15
 * points is the weighted gap that makes a theme a starting point (0,15). A
 * street 15 points or more above its reference wants clearly more than its
 * surroundings ("hoger"), 15 or more below clearly less ("lager"), and in
 * between it is "vergelijkbaar". Only figures that are shown go in, at their
 * published precision (so the index is the difference of the printed gaps); the index
 * is written as a whole number with its band in words, so that it reads the
 * same in colour, in black and white and aloud.
 */
import type { Translate } from '../i18n/translate.js';

export const indexBandPoints = 15;

export type IndexBand = 'higher' | 'similar' | 'lower';

export interface IndexCell {
  index: number;
  band: IndexBand;
  /** "118 (hoger)". */
  text: string;
}

export function surroundingsIndex(unitGap: number, referenceGap: number, say: Translate): IndexCell {
  const index = Math.round(100 + 100 * (unitGap - referenceGap));
  const band: IndexBand = index >= 100 + indexBandPoints ? 'higher' : index <= 100 - indexBandPoints ? 'lower' : 'similar';
  return { index, band, text: say('index.cell', { index, band: say(`index.bands.${band}`) }) };
}
