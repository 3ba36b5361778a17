import { describe, expect, it } from 'vitest';
import { checkSize, parseSize, parseSizeValue, sizeValueOf, toUnitValue, MAX_SIZE_BYTES } from './storage-units.js';

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
  it('splits into unit values', () => {
    expect(toUnitValue(3 * 1024 ** 3)).toEqual({ value: 3, unit: 'GiB' });
    expect(toUnitValue(1536 * 1024 ** 2)).toEqual({ value: 1536, unit: 'MiB' });
  });

  it('a size field accepts "4G", "512M", "1.5 TiB" and "10 GiB" typed into its number, whatever unit is picked', () => {
    expect(parseSizeValue({ amount: '4G', unit: 'GiB' })).toEqual({ ok: true, bytes: 4 * 1024 ** 3 });
    expect(parseSizeValue({ amount: '512M', unit: 'GiB' })).toEqual({ ok: true, bytes: 512 * 1024 ** 2 });
    expect(parseSizeValue({ amount: '1.5 TiB', unit: 'MiB' })).toEqual({ ok: true, bytes: 1.5 * 1024 ** 4 });
    expect(parseSizeValue({ amount: '10 GiB', unit: 'MiB' })).toEqual({ ok: true, bytes: 10 * 1024 ** 3 });
    expect(parseSizeValue({ amount: ' 64 ', unit: 'MiB' })).toEqual({ ok: true, bytes: 64 * 1024 ** 2 });
    expect(parseSizeValue({ amount: '4X', unit: 'GiB' }).ok).toBe(false);
    expect(parseSizeValue({ amount: '0', unit: 'GiB' })).toEqual({ ok: false, reason: 'Size must be greater than zero' });
  });
  it('prefills a size field in the largest whole unit', () => {
    expect(sizeValueOf(64 * 1024 ** 2)).toEqual({ amount: '64', unit: 'MiB' });
    expect(sizeValueOf(20 * 1024 ** 3)).toEqual({ amount: '20', unit: 'GiB' });
  });
});
