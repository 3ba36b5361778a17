import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ApiError, hostPath } from './api';

// A real HTTP server answering like virtdeck does; fetch needs absolute URLs in Node.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"x":1}');
    } else if (req.url === '/conflict') {
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"VIR_ERR_OPERATION_INVALID","message":"domain is already running"}}');
    } else {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('api', () => {
  it('returns JSON bodies', async () => {
    expect(await api.get<{ x: number }>(`${base}/ok`)).toEqual({ x: 1 });
  });
  it('throws ApiError with the server code and message', async () => {
    const err = await api.post(`${base}/conflict`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'VIR_ERR_OPERATION_INVALID', message: 'domain is already running' });
  });
  it('keeps the status when the body is not JSON, and names unreachable servers', async () => {
    await expect(api.get(`${base}/other`)).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
    await expect(api.get('http://127.0.0.1:1/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
  it('encodes path segments', () => {
    expect(hostPath('local', 'vms', 'a/b c')).toBe('/api/v1/hosts/local/vms/a%2Fb%20c');
  });
});
