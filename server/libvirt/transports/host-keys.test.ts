import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  HostKeyMismatchError,
  judgeHostKey,
  knownHostsLine,
  knownHostsVerifier,
  parseKnownHosts,
  patternsMatch,
  presentedKey,
  UnknownHostKeyError,
} from './host-keys.js';

// Two ed25519 public keys and their fingerprints as `ssh-keygen -lf` prints them; the hashed
// line was written by `ssh-keygen -H` for [127.0.0.1]:2222.
const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAIDeQQEH8laMGVo9cfvZQoX/CqHP5ZDmdW/G9nXF45CeR';
const FP_A = 'SHA256:iDmpqul2WkAmIswpObE/0L6N/quFQWEhv4643lGqmZc';
const KEY_B = 'AAAAC3NzaC1lZDI1NTE5AAAAID70bZhtr0knSrJOZlmj15ZZFcK0lamIjwVMlnholQDX';
const FP_B = 'SHA256:EY/58ku3zc/NzeELzQQJU3ocY94gDwJmYTNNfEjL/jc';
const HASHED_A = `|1|4Pz2DrxVQztHYmMGM26asgze3CQ=|Lm/i22N9W9vx2IDqRM3Bixv0YjE= ssh-ed25519 ${KEY_A}`;

const a = presentedKey('127.0.0.1', 2222, Buffer.from(KEY_A, 'base64'));
const b = presentedKey('127.0.0.1', 2222, Buffer.from(KEY_B, 'base64'));

describe('SSH host keys', () => {
  it('fingerprints like OpenSSH and names the algorithm from the blob', () => {
    expect(fingerprintOf(Buffer.from(KEY_A, 'base64'))).toBe(FP_A);
    expect(b.fingerprint).toBe(FP_B);
    expect(a.algorithm).toBe('ssh-ed25519');
    expect(knownHostsLine(a)).toBe(`[127.0.0.1]:2222 ssh-ed25519 ${KEY_A}`);
    expect(knownHostsLine(presentedKey('h.example', 22, Buffer.from(KEY_A, 'base64')))).toBe(`h.example ssh-ed25519 ${KEY_A}`);
  });

  it('matches host patterns: lists, wildcards, negation, hashed names', () => {
    expect(patternsMatch('h1,[127.0.0.1]:2222', '[127.0.0.1]:2222')).toBe(true);
    expect(patternsMatch('127.0.0.1', '[127.0.0.1]:2222')).toBe(false);
    expect(patternsMatch('*.example.com,!bad.example.com', 'good.example.com')).toBe(true);
    expect(patternsMatch('*.example.com,!bad.example.com', 'bad.example.com')).toBe(false);
    expect(patternsMatch('host?', 'host1')).toBe(true);
    expect(patternsMatch(HASHED_A.split(' ')[0] ?? '', '[127.0.0.1]:2222')).toBe(true);
    expect(patternsMatch(HASHED_A.split(' ')[0] ?? '', '[127.0.0.1]:2223')).toBe(false);
  });

  it('judges a key: known, changed, unknown for its type, revoked', () => {
    const file = parseKnownHosts(`# comment\n\n[127.0.0.1]:2222 ssh-ed25519 ${KEY_A} a comment\nother ssh-ed25519 ${KEY_B}\n`);
    expect(judgeHostKey(file, a)).toEqual({ kind: 'known' });
    expect(judgeHostKey(file, b)).toEqual({ kind: 'changed', expected: [`ssh-ed25519 ${FP_A}`] });
    expect(judgeHostKey(parseKnownHosts(`[127.0.0.1]:2222 ssh-rsa ${KEY_B}`), a)).toEqual({ kind: 'unknown' });
    expect(judgeHostKey(parseKnownHosts(HASHED_A), a)).toEqual({ kind: 'known' });
    expect(judgeHostKey(parseKnownHosts(`@revoked * ssh-ed25519 ${KEY_A}\n[127.0.0.1]:2222 ssh-ed25519 ${KEY_A}`), a)).toEqual({ kind: 'revoked' });
    expect(judgeHostKey([], a)).toEqual({ kind: 'unknown' });
  });

  it('a known-hosts verifier accepts, or refuses with typed errors that carry the fingerprint', async () => {
    const verify = knownHostsVerifier(async () => `[127.0.0.1]:2222 ssh-ed25519 ${KEY_A}`, '/data/known_hosts');
    await expect(verify(a)).resolves.toBeUndefined();
    const changed = await Promise.resolve(verify(b)).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(HostKeyMismatchError);
    expect((changed as HostKeyMismatchError).message).toMatch(/HAS CHANGED.*SHA256:EY\/58ku3.*pins ssh-ed25519 SHA256:iDmpqul2/);
    const unknown = await Promise.resolve(knownHostsVerifier(async () => undefined, '/data/known_hosts')(a)).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnknownHostKeyError);
    expect((unknown as UnknownHostKeyError).key.fingerprint).toBe(FP_A);
    expect((unknown as UnknownHostKeyError).message).toContain(`add this line to /data/known_hosts: [127.0.0.1]:2222 ssh-ed25519 ${KEY_A}`);
  });
});
