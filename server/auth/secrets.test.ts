import { describe, expect, it } from 'vitest';
import { digestSecret, newPublicId, newSecret } from './secrets.js';

describe('secrets', () => {
  it('makes 256-bit base64url secrets, never the same twice', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newSecret()).not.toBe(a);
    expect(newPublicId()).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('digests with SHA-256 as hex', () => {
    expect(digestSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
