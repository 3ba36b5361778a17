import { request as httpsRequest } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, buildTestApp } from '../../test/helpers/app.js';
import { resolveServerTls } from './server-certificate.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(url: string, ca: Buffer, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers: options.headers, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTPS with the self-signed certificate', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vt-https-'));
  let app: App;
  let base: string;
  let cert: Buffer;

  beforeAll(async () => {
    const tls = await resolveServerTls({ listenHost: '0.0.0.0', dataDir, insecureHttp: false });
    if (tls.kind !== 'self-signed') throw new Error(`expected a self-signed certificate, got ${tls.kind}`);
    cert = tls.cert;
    ({ app } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 }, https: { cert: tls.cert, key: tls.key } }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `https://localhost:${String(address.port)}`;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in over TLS with a Secure session cookie that then reads the API', async () => {
    const login = await call(`${base}/api/v1/auth/login`, cert, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(204);
    const setCookie = [login.headers['set-cookie'] ?? []].flat().join('\n');
    expect(setCookie).toMatch(/virtdeck_session=[^;]+;.*Secure/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0] ?? '';
    const hosts = await call(`${base}/api/v1/hosts`, cert, { headers: { cookie } });
    expect(hosts.status).toBe(200);
    expect(JSON.parse(hosts.body)).toMatchObject({ hosts: [{ id: 'test' }] });
  });

  it('refuses a client that does not trust the certificate', async () => {
    await expect(call(`${base}/api/v1/auth/setup`, Buffer.from(''))).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });
});
