/** The review queue's view-model: a city-scale study lists its first rows, and says how many there are. */
import { describe, expect, it } from 'vitest';
import { queueRowsShown, reviewQueueView } from '../../../src/http/view-models/interview-review';
import type { FlaggedInterview } from '../../../src/services/interview-review';
import { instruments } from '../../helpers/test-app';

const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;

describe('the review queue', () => {
  it('lists the first rows of a long queue and counts per state and per interviewer over all of them', () => {
    const interviews: FlaggedInterview[] = Array.from({ length: 1203 }, (_, index) => ({
      id: `interview-${index}`, instrumentId: 'contactladder', instrumentVersion: 1, interviewerId: index % 2, interviewer: index % 2 ? 'Kees' : 'Fatima',
      streetName: 'Rozenstraat', neighbourhood: 'Noord', startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T10:20:00Z',
      state: index < 3 ? 'rejected' : 'new', minutes: 20, flags: index < 10 ? ['tooFast'] : [],
    }));
    const view = reviewQueueView(interviews, instruments, t as never, 'nl');
    expect(view.rows).toHaveLength(queueRowsShown);
    expect(view.total).toBe(1203);
    expect(view.counts).toEqual({ new: 1200, approved: 0, returned: 0, rejected: 3 });
    expect(view.unflaggedNew).toBe(1193);
    // Ten flagged: 0, 2, 4, 6, 8 by Fatima, 1, 3, 5, 7, 9 by Kees; the three rejected are 0, 1 (Fatima, Kees) and 2 (Fatima).
    expect(view.interviewers).toEqual([
      { name: 'Fatima', interviews: 602, flagged: 5, approved: 0, returned: 0, rejected: 2 },
      { name: 'Kees', interviews: 601, flagged: 5, approved: 0, returned: 0, rejected: 1 },
    ]);
  });
});
