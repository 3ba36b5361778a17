import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { auditSummary, SUMMARY_MAX_BYTES } from './redact.js';

describe('auditSummary', () => {
  it('replaces every value under a secret-sounding key, at any depth', () => {
    const body = {
      username: 'alice',
      password: 'hunter2hunter2',
      currentPassword: 'a',
      newPassword: 'b',
      token: 't',
      source: { auth: { username: 'u', secret: { uuid: 'x' } }, hosts: [{ name: 'h', apiKey: 'k' }] },
      Cookie: 'c',
      authorization: 'Bearer z',
      passphrase: 'p',
    };
    const summary = auditSummary(body) ?? '';
    expect(JSON.parse(summary)).toEqual({
      username: 'alice',
      password: '[redacted]',
      currentPassword: '[redacted]',
      newPassword: '[redacted]',
      token: '[redacted]',
      source: { auth: { username: 'u', secret: '[redacted]' }, hosts: [{ name: 'h', apiKey: '[redacted]' }] },
      Cookie: '[redacted]',
      authorization: '[redacted]',
      passphrase: '[redacted]',
    });
    for (const secret of ['hunter2hunter2', 'Bearer z']) expect(summary).not.toContain(secret);
  });

  it('keeps at most 2 KiB without splitting a character', () => {
    const summary = auditSummary({ name: 'ä'.repeat(5000) }) ?? '';
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toContain('\uFFFD');
  });

  it('keeps nothing for bodies that are not JSON: none, streams, text', () => {
    expect(auditSummary(undefined)).toBeUndefined();
    expect(auditSummary(null)).toBeUndefined();
    expect(auditSummary(Readable.from(['x']))).toBeUndefined();
    expect(auditSummary('password=x')).toBeUndefined();
    expect(auditSummary([{ key: 'k', v: 1 }])).toBe('[{"key":"[redacted]","v":1}]');
  });
});
