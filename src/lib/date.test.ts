import { describe, expect, it } from 'vitest';
import { formatDateTime, formatEpochSeconds } from './date';

describe('formatDateTime', () => {
  it('writes year-month-day hours:minutes:seconds, zero-padded, in local time', () => {
    expect(formatDateTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
    expect(formatDateTime(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31 23:59:59');
  });

  it('takes libvirt seconds since the epoch', () => {
    const at = new Date(2025, 6, 14, 9, 30, 0);
    expect(formatEpochSeconds(at.getTime() / 1000)).toBe('2025-07-14 09:30:00');
  });

  it('says nothing for an invalid date', () => {
    expect(formatDateTime(Number.NaN)).toBe('—');
  });
});
