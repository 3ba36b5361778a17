import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPasswordHash } from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1 and a 16-byte salt', async () => {
    const hash = await hashPassword('a long enough passphrase');
    const [scheme, N, r, p, salt, key] = hash.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(hash).not.toContain('passphrase');
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('right password');
    expect(await verifyPasswordHash('right password', hash)).toBe(true);
    expect(await verifyPasswordHash('wrong password', hash)).toBe(false);
    expect(await verifyPasswordHash('right passwor', hash)).toBe(false);
  });

  it('refuses unreadable or out-of-bounds hashes without throwing', async () => {
    const hash = await hashPassword('pw');
    const parts = hash.split('$');
    for (const bad of ['', 'plain', hash.replace('scrypt', 'md5'), [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'), `${hash}$x`]) {
      expect(await verifyPasswordHash('pw', bad)).toBe(false);
    }
  });

  it('the dummy verification always fails', async () => {
    expect(await verifyAgainstDummy('')).toBe(false);
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
