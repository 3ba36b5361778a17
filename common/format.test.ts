import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatPercent, formatRate } from './format.js';

describe('one formatter per kind of number', () => {
  it('rates do not print as raw floats (26.156941649899398 B/s reads 26 B/s)', () => {
    expect(formatRate(26.156941649899398)).toBe('26 B/s');
    expect(formatRate(1536.5)).toBe('1.5 KiB/s');
    expect(formatRate(12.3456 * 1024 ** 2)).toBe('12.3 MiB/s');
    expect(formatRate(undefined)).toBe('—');
  });

  it('bytes pick the unit by magnitude and keep at most three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(64 * 1024 ** 2)).toBe('64 MiB');
    expect(formatBytes(107374182400)).toBe('100 GiB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.25 GiB');
    expect(formatBytes(1023.7)).toBe('1024 B');
    expect(formatBytes(undefined)).toBe('—');
  });

  it('a size libvirt reported above 2^53 (sent as null) reads "unknown"', () => {
    expect(formatBytes(null)).toBe('unknown');
    expect(formatRate(null)).toBe('unknown');
  });

  it('percentages and counts', () => {
    expect(formatPercent(12.3456)).toBe('12.3 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(0.5)).toBe('0.5 %');
    expect(formatCount(12345.4)).toBe('12\u2009345');
    expect(formatCount(7)).toBe('7');
  });
});
