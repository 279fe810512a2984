import { describe, expect, it } from 'vitest';
import { responseFigures, shortInterviews, type AddressFieldwork } from '../../../src/domain/response-figures';

const address = (overrides: Partial<AddressFieldwork>): AddressFieldwork => ({ visits: 0, lastOutcome: null, ineligible: false, completed: false, ...overrides });

describe('responseFigures', () => {
  it('counts a worked example: response = completed / eligible addresses', () => {
    // Six addresses: two interviews (one after a not-home), one vacant, one refusal,
    // one not at home twice, one never visited. Eligible 6 − 1 = 5; response 2 / 5.
    const figures = responseFigures(Object.freeze([
      address({ visits: 2, lastOutcome: 'interview', completed: true }),
      address({ visits: 1, lastOutcome: 'interview', completed: true }),
      address({ visits: 1, lastOutcome: 'ineligible', ineligible: true }),
      address({ visits: 1, lastOutcome: 'refused' }),
      address({ visits: 2, lastOutcome: 'not-home' }),
      address({}),
    ]));
    expect(figures).toEqual({ addresses: 6, visits: 7, ineligible: 1, eligible: 5, completed: 2, refused: 1, notReached: 1, notVisited: 1, responseRate: 0.4 });
  });

  it('counts an interview held at an address once thought vacant as completed, not ineligible', () => {
    expect(responseFigures([address({ visits: 2, lastOutcome: 'interview', ineligible: true, completed: true })])).toMatchObject({ ineligible: 0, eligible: 1, completed: 1, responseRate: 1 });
  });

  it('gives no response rate while no address is eligible', () => {
    expect(responseFigures([address({ visits: 1, lastOutcome: 'ineligible', ineligible: true })]).responseRate).toBeUndefined();
    expect(responseFigures([]).responseRate).toBeUndefined();
  });
});

describe('shortInterviews', () => {
  const interview = (minutes: number, instrumentId = 'contactladder') => ({ instrumentId, minutes });

  it('flags interviews under half the median of the same instrument', () => {
    // contactladder minutes 8, 20, 22, 24, 30: median 22, threshold 11 → only the 8-minute one.
    const interviews = [interview(20), interview(8), interview(24), interview(22), interview(30), ...[3, 4, 5, 6, 7].map((minutes) => interview(minutes, 'straatladder'))];
    expect(shortInterviews(interviews)).toEqual([interview(8)]);
  });

  it('flags nothing when an instrument has fewer than five interviews', () => {
    expect(shortInterviews([interview(1), interview(30), interview(31), interview(32)])).toEqual([]);
  });
});
