import { describe, expect, it } from 'vitest';
import { surroundingsIndex } from '../../../src/reports/surroundings-index';
import { definitions } from '../../helpers/test-app';

const index = (unit: number, reference: number) => surroundingsIndex(unit, reference, definitions.say);

describe('the index of a street against its surroundings (reference = 100)', () => {
  // Hand-computed: 100 + 100 · (street − reference), rounded; 15 points from 100 is a band's edge.
  it.each([
    [0.67, 0.2, 147, 'higher', '147 (hoger)'],
    [0.3, 0.15, 115, 'higher', '115 (hoger)'],
    [0.29, 0.15, 114, 'similar', '114 (vergelijkbaar)'],
    [0.05, 0.19, 86, 'similar', '86 (vergelijkbaar)'],
    [0, 0.15, 85, 'lower', '85 (lager)'],
    [-0.2, 0.1, 70, 'lower', '70 (lager)'],
    [0.17, 0.17, 100, 'similar', '100 (vergelijkbaar)'],
  ] as const)('street %d against %d is %d', (unit, reference, expected, band, text) => {
    expect(index(unit, reference)).toEqual({ index: expected, band, text });
  });
});
