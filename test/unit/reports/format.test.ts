import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGap, formatInterval, formatNumber, formatShare } from '../../../src/reports/format';
import { loadReportDefinitions } from '../../../src/report-definitions/load-report-definitions';
import { instruments, projectDir } from '../../helpers/test-app';

const { say } = loadReportDefinitions(path.join(projectDir, 'reports'), instruments).nl;

describe('how a report writes its figures', () => {
  it('writes numbers with a decimal comma and a true minus sign, never a negative zero', () => {
    expect(formatNumber(1.234)).toBe('1,23');
    expect(formatNumber(-0.5, 1)).toBe('\u22120,5');
    expect(formatNumber(-0.001)).toBe('0,00');
  });

  it('gives a gap its sign, so that wanting more and wanting less are never confused', () => {
    expect(formatGap(0.231)).toBe('+0,23');
    expect(formatGap(-0.12)).toBe('\u22120,12');
    expect(formatGap(0.001)).toBe('0,00');
  });

  it('writes an interval in the words of reports/wording.json, and a dash when there is none', () => {
    expect(formatInterval(-0.12, 0.31, say)).toBe('\u22120,12 tot +0,31');
    expect(formatInterval(0.4, 1.26, say, (value) => formatGap(value, 1))).toBe('+0,4 tot +1,3');
    expect(formatInterval(undefined, 0.31, say)).toBe('–');
  });

  it('says a share that rests on fewer than five residents as such', () => {
    expect(formatShare(3, 40)).toBe('< 5');
    expect(formatShare(0, 40)).toBe('0%');
    expect(formatShare(12, 40)).toBe('30%');
    expect(formatShare(0, 0)).toBe('–');
  });
});
