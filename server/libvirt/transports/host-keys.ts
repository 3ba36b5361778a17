// SSH host keys: OpenSSH's fingerprints, known_hosts lines, and the verdict on a presented key.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { NotConnectedError } from '../errors.js';
import { SSH_PORT } from '../uri.js';

/** The key an SSH server presented, as a verifier sees it. */
export interface PresentedHostKey {
  host: string;
  port: number;
  /** `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256` … */
  algorithm: string;
  /** OpenSSH's `SHA256:` + unpadded base64 of the key blob's SHA-256. */
  fingerprint: string;
  /** The key blob in base64, as in a known_hosts line. */
  blob: string;
}

/** Decides on a host key: return to accept, throw (UnknownHostKeyError, HostKeyMismatchError) to refuse. */
export type HostKeyVerifier = (key: PresentedHostKey) => void | Promise<void>;

/** The name of a host in known_hosts: `host`, or `[host]:port` for other ports than 22. */
export function knownHostsName(host: string, port: number): string {
  return port === SSH_PORT ? host : `[${host}]:${port}`;
}

/** The known_hosts line that pins this key. */
export function knownHostsLine(key: PresentedHostKey): string {
  return `${knownHostsName(key.host, key.port)} ${key.algorithm} ${key.blob}`;
}

export class UnknownHostKeyError extends NotConnectedError {
  override readonly name: string = 'UnknownHostKeyError';
  constructor(readonly key: PresentedHostKey, where: string) {
    super(
      `the SSH host key of ${knownHostsName(key.host, key.port)} is not known: ${key.algorithm} ${key.fingerprint}. ` +
        `If that is the host's key (check with ssh-keygen -lf on the host), add this line to ${where}: ${knownHostsLine(key)}`,
    );
  }
}

export class HostKeyMismatchError extends NotConnectedError {
  override readonly name: string = 'HostKeyMismatchError';
  constructor(readonly key: PresentedHostKey, readonly expected: readonly string[], where: string) {
    super(
      `WARNING: THE SSH HOST KEY OF ${knownHostsName(key.host, key.port)} HAS CHANGED. Someone could be intercepting the connection ` +
        `(man-in-the-middle), or the host was reinstalled. It presented ${key.algorithm} ${key.fingerprint}, but ${where} pins ` +
        `${expected.join(', ')}. Connection refused; replace the line in ${where} only once you know the new key is the host's.`,
    );
  }
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name at the start of an SSH key blob (a length-prefixed string). */
export function keyAlgorithm(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return len > 0 && len <= 64 && blob.length >= 4 + len ? blob.subarray(4, 4 + len).toString('latin1') : 'unknown';
}

export function presentedKey(host: string, port: number, blob: Buffer): PresentedHostKey {
  return { host, port, algorithm: keyAlgorithm(blob), fingerprint: fingerprintOf(blob), blob: blob.toString('base64') };
}

export interface KnownHostEntry {
  marker: '@revoked' | '@cert-authority' | undefined;
  patterns: string;
  algorithm: string;
  blob: string;
}

/** Lines of an OpenSSH known_hosts file (comments and malformed lines skipped). */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownHostEntry['marker'];
    const [patterns, algorithm, blob] = fields;
    if (patterns === undefined || algorithm === undefined || blob === undefined) continue;
    entries.push({ marker, patterns, algorithm, blob });
  }
  return entries;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function hashedMatches(pattern: string, name: string): boolean {
  const [, magic, salt, hash] = pattern.split('|');
  if (magic !== '1' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a comma-separated host pattern list names `name` (`!` negates, `*`/`?` wildcards, hashed `|1|…`). */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatches(patterns, name);
  let matched = false;
  for (const p of patterns.split(',')) {
    const negated = p.startsWith('!');
    const glob = negated ? p.slice(1) : p;
    if (globToRegExp(glob).test(name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

export type HostKeyVerdict = { kind: 'known' } | { kind: 'unknown' } | { kind: 'changed'; expected: string[] } | { kind: 'revoked' };

/**
 * OpenSSH's decision: a matching line with this very key → known; a revoked key → revoked; a line
 * for this host and key type with another key → changed; nothing for this key type → unknown.
 */
export function judgeHostKey(entries: readonly KnownHostEntry[], key: PresentedHostKey): HostKeyVerdict {
  const name = knownHostsName(key.host, key.port);
  const expected: string[] = [];
  let known = false;
  for (const e of entries) {
    if (e.marker === '@revoked') {
      if (e.blob === key.blob) return { kind: 'revoked' };
      continue;
    }
    if (e.marker === '@cert-authority' || !patternsMatch(e.patterns, name)) continue;
    if (e.algorithm !== key.algorithm) continue;
    if (e.blob === key.blob) known = true;
    else expected.push(`${e.algorithm} ${fingerprintOf(Buffer.from(e.blob, 'base64'))}`);
  }
  if (known) return { kind: 'known' };
  if (expected.length > 0) return { kind: 'changed', expected };
  return { kind: 'unknown' };
}

/** A verifier over known_hosts text read by `load` at each connection (so edits apply at the next attempt). */
export function knownHostsVerifier(load: () => Promise<string | undefined>, where: string): HostKeyVerifier {
  return async (key) => {
    const verdict = judgeHostKey(parseKnownHosts((await load()) ?? ''), key);
    if (verdict.kind === 'known') return;
    if (verdict.kind === 'changed') throw new HostKeyMismatchError(key, verdict.expected, where);
    if (verdict.kind === 'revoked') throw new HostKeyMismatchError(key, ['(this key is marked @revoked)'], where);
    throw new UnknownHostKeyError(key, where);
  };
}
