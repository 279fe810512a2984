import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../src/domain/answer-document';
import type { Instrument } from '../../../src/domain/instrument';
import { streetLadderAnswerDocument } from '../../../src/synthetic/answer-documents';
import { seededRandom, type StreetCharacter } from '../../../src/synthetic/generate-study';
import { instruments } from '../../helpers/test-app';

const straatladder = instruments.get('straatladder', 1) as Instrument;

function interviews(character: StreetCharacter, count = 200) {
  const random = seededRandom(4);
  return Array.from({ length: count }, () => streetLadderAnswerDocument(straatladder, character, random, 0));
}

describe('demo straatladder answers', () => {
  it('are valid interviews whose wanted rung is never lower than the current one', () => {
    for (const character of ['ordinary', 'wants-mutual-help', 'quiet-content', 'much-annoyance'] as const) {
      for (const answers of interviews(character)) {
        expect(checkAnswers(straatladder, answers, {})).toEqual([]);
        expect(answers['street-rung']!.desired!).toBeGreaterThanOrEqual(answers['street-rung']!.current!);
      }
    }
  });

  it('tick the checklist up to the current and the wanted rung, now and then with one rung above skipped', () => {
    const all = interviews('ordinary');
    for (const answers of all) {
      const { current, desired } = answers['street-rung'] as { current: number; desired: number };
      const checklist = answers['rung-checklist']!;
      for (let rung = 1; rung <= current; rung++) expect(checklist[`now-${rung}`]).toBe(1);
      for (let rung = 1; rung <= 10; rung++) expect(checklist[`wanted-${rung}`]).toBe(rung <= desired ? 1 : 0);
    }
    const nonCumulative = all.filter((answers) => Object.entries(answers['rung-checklist']!)
      .some(([rating, value]) => rating.startsWith('now-') && value === 1 && Number(rating.slice(4)) > answers['street-rung']!.current!));
    expect(nonCumulative.length / all.length).toBeGreaterThan(0.03);
    expect(nonCumulative.length / all.length).toBeLessThan(0.2);
  });

  it('gives a content quiet street no wish to climb, and a street that wants mutual help one', () => {
    const higher = (character: StreetCharacter) => interviews(character).filter((answers) => answers['street-rung']!.desired! > answers['street-rung']!.current!).length;
    expect(higher('quiet-content')).toBe(0);
    expect(higher('wants-mutual-help')).toBe(200);
  });
});
