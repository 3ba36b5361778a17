import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackHost } from './loopback.js';
import { resolveServerTls, ServerTlsError } from './server-certificate.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'virtdeck-tls-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['localhost', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.5', false], ['example.org', false], ['128.0.0.1', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('resolveServerTls', () => {
  it('serves plain HTTP on loopback and off loopback only when allowed', async () => {
    expect(await resolveServerTls({ listenHost: '127.0.0.1', dataDir: dataDir(), insecureHttp: false })).toEqual({ kind: 'plain' });
    expect(await resolveServerTls({ listenHost: '0.0.0.0', dataDir: dataDir(), insecureHttp: true })).toEqual({ kind: 'plain' });
  });

  it('makes a self-signed certificate off loopback once, key 0600, and reuses it', async () => {
    const dir = dataDir();
    const first = await resolveServerTls({ listenHost: '0.0.0.0', dataDir: dir, insecureHttp: false });
    expect(first.kind).toBe('self-signed');
    if (first.kind !== 'self-signed') return;
    expect(first.created).toBe(true);
    expect(first.fingerprint).toMatch(/^SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(dir, 'tls', 'virtdeck.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'tls')).mode & 0o777).toBe(0o700);
    const second = await resolveServerTls({ listenHost: '0.0.0.0', dataDir: dir, insecureHttp: false });
    expect(second.kind === 'self-signed' && !second.created && second.fingerprint === first.fingerprint).toBe(true);
  });

  it('uses the given certificate even on loopback', async () => {
    const made = await resolveServerTls({ listenHost: '0.0.0.0', dataDir: dataDir(), insecureHttp: false });
    if (made.kind !== 'self-signed') throw new Error('expected a self-signed certificate');
    const dir = dataDir();
    writeFileSync(join(dir, 'c.pem'), made.cert);
    writeFileSync(join(dir, 'k.pem'), made.key);
    const given = await resolveServerTls({ listenHost: '127.0.0.1', dataDir: dir, insecureHttp: false, certPath: join(dir, 'c.pem'), keyPath: join(dir, 'k.pem') });
    expect(given).toMatchObject({ kind: 'given', fingerprint: made.fingerprint });
  });

  it('refuses a certificate without its key, and files that are not certificates', async () => {
    const dir = dataDir();
    await expect(resolveServerTls({ listenHost: '127.0.0.1', dataDir: dir, insecureHttp: false, certPath: '/nonexistent.pem' })).rejects.toThrow(ServerTlsError);
    writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
    await expect(
      resolveServerTls({ listenHost: '127.0.0.1', dataDir: dir, insecureHttp: false, certPath: join(dir, 'junk.pem'), keyPath: join(dir, 'junk.pem') }),
    ).rejects.toThrow(/not a PEM certificate/);
  });
});
