import { describe, expect, it } from 'vitest';
import { checkSize, formatBytes, parseSize, toUnitValue, MAX_SIZE_BYTES } from './storage-units.js';

describe('size units', () => {
  it.each([
    ['3G', 3 * 1024 ** 3], ['3 GiB', 3 * 1024 ** 3], ['1.5GiB', 1.5 * 1024 ** 3], ['512M', 512 * 1024 ** 2],
    ['1000', 1000], ['2KB', 2000], ['1 tib', 1024 ** 4], ['10 MB', 10_000_000],
  ])('parses %s', (t, bytes) => {
    expect(parseSize(t)).toEqual({ ok: true, bytes });
  });
  it.each([['', /number/], ['-1G', /number/], ['0', /greater than zero/], ['1 XB', /Unknown unit/], ['2 PiB', /at most/], ['abc', /number/]])(
    'rejects %j', (t, reason) => {
      const r = parseSize(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    });
  it('checks byte counts', () => {
    expect(checkSize(1).ok).toBe(true);
    expect(checkSize(MAX_SIZE_BYTES).ok).toBe(true);
    expect(checkSize(MAX_SIZE_BYTES + 1).ok).toBe(false);
    expect(checkSize(1.5).ok).toBe(false);
    expect(checkSize(-5).ok).toBe(false);
  });
  it('formats', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(64 * 1024 ** 2)).toBe('64 MiB');
    expect(formatBytes(107374182400)).toBe('100 GiB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.25 GiB');
  });
  it('splits into unit values', () => {
    expect(toUnitValue(3 * 1024 ** 3)).toEqual({ value: 3, unit: 'GiB' });
    expect(toUnitValue(1536 * 1024 ** 2)).toEqual({ value: 1536, unit: 'MiB' });
  });
});
