import { describe, expect, it } from 'vitest';
import { reportedBytes } from './exact-bytes.js';

describe('64-bit sizes from libvirt', () => {
  it('do not lose precision in JSON: 2^64-1 (an underflowed "available") is sent as not meaningful', () => {
    const underflowed = 2n ** 64n - 1n;
    expect(reportedBytes(underflowed)).toBeNull();
    expect(JSON.parse(JSON.stringify({ availableBytes: reportedBytes(underflowed) }))).toEqual({ availableBytes: null });
    expect(reportedBytes(2n ** 53n)).toBeNull();
  });

  it('keeps every size up to 2^53-1 exactly', () => {
    expect(reportedBytes(0n)).toBe(0);
    expect(reportedBytes(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(reportedBytes(107374182400n)).toBe(107374182400);
  });
});
