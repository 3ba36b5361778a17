import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME, authHeaders, loginOverHttp } from '../../test/helpers/app.js';
import { QEMU_URI, virsh } from '../../test/helpers/virsh.js';
import { removePool, storageName, testPoolsDir } from '../storage/storage-app.test-helpers.js';

const MiB = 1024 * 1024;
const UPLOAD_BYTES = Number(process.env["VT_UPLOAD_MIB"] ?? 64) * MiB;

let server: ChildProcess;
let port = 0;
/** Cookie and Origin of the admin's session on the server process. */
let auth: Record<string, string> = {};
let tmp: { dir: string; remove: () => void };
const pool = storageName();

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
}

/** Deterministic pseudo-random bytes, generated chunk by chunk (the test never holds them all). */
function* pattern(total: number, chunk = 256 * 1024): Generator<Buffer> {
  let seed = 0x9e3779b9;
  for (let sent = 0; sent < total; sent += chunk) {
    const n = Math.min(chunk, total - sent);
    const buf = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i += 4) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      buf.writeUInt32LE(seed, i);
    }
    yield buf;
  }
}

function sha256Of(total: number): string {
  const h = createHash('sha256');
  for (const b of pattern(total)) h.update(b);
  return h.digest('hex');
}

interface Sent { status: number; body: string; ms: number; maxRss: number }

function upload(vol: string, total: number): Promise<Sent> {
  const pid = server.pid ?? 0;
  let maxRss = rssBytes(pid);
  const sampler = setInterval(() => { maxRss = Math.max(maxRss, rssBytes(pid)); }, 20);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, method: 'PUT',
      path: `/api/v1/hosts/local/pools/${pool}/volumes/${vol}/content`,
      headers: { ...auth, 'content-type': 'application/octet-stream', 'content-length': String(total) },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => {
        clearInterval(sampler);
        maxRss = Math.max(maxRss, rssBytes(pid));
        resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started, maxRss });
      });
    });
    req.on('error', (e) => { clearInterval(sampler); reject(e); });
    Readable.from(pattern(total)).pipe(req);
  });
}

beforeAll(async () => {
  tmp = testPoolsDir();
  await virsh(QEMU_URI, 'pool-create-as', pool, 'dir', '--target', join(tmp.dir, 'vols'), '--build');
  await virsh(QEMU_URI, 'vol-create-as', pool, 'big.img', `${UPLOAD_BYTES}b`, '--format', 'raw');
  await virsh(QEMU_URI, 'vol-create-as', pool, 'warm.img', `${MiB}b`, '--format', 'raw');
  server = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../storage/serve.test-helpers.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VIRTDECK_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m?.[1]) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
  });
  const origin = `http://127.0.0.1:${String(port)}`;
  auth = authHeaders(await loginOverHttp(origin, ADMIN_USERNAME, ADMIN_PASSWORD), origin);
});
afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await removePool(QEMU_URI, pool);
  tmp.remove();
});

describe('volume content streaming through a real server process', () => {
  it(`uploads ${UPLOAD_BYTES / MiB} MiB with flat memory and downloads it back intact`, async () => {
    // Warm up code paths (JIT, sockets, libvirt stream) before taking the baseline.
    expect((await upload('warm.img', MiB)).status).toBe(200);
    const baseline = rssBytes(server.pid ?? 0);
    const sent = await upload('big.img', UPLOAD_BYTES);
    expect(sent.status, sent.body).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ bytes: UPLOAD_BYTES, volume: { name: 'big.img' } });
    const growth = sent.maxRss - baseline;
    const throughput = UPLOAD_BYTES / MiB / (sent.ms / 1000);
    console.log(`upload: ${UPLOAD_BYTES / MiB} MiB in ${sent.ms.toFixed(0)} ms = ${throughput.toFixed(1)} MiB/s; server RSS baseline ${(baseline / MiB).toFixed(1)} MiB, peak growth ${(growth / MiB).toFixed(1)} MiB`);
    expect(growth).toBeLessThan(50 * MiB);

    // The file libvirt wrote holds exactly our bytes (checked outside the API) …
    const expected = sha256Of(UPLOAD_BYTES);
    const onDisk = createHash('sha256').update(readFileSync(join(tmp.dir, 'vols', 'big.img'))).digest('hex');
    expect(onDisk).toBe(expected);

    // … and a download through the API gives them back.
    const started = performance.now();
    const downloaded = await new Promise<{ status: number; sha: string; bytes: number; length: string | undefined }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: `/api/v1/hosts/local/pools/${pool}/volumes/big.img/content`, headers: auth }, (res) => {
        const h = createHash('sha256');
        let bytes = 0;
        res.on('data', (c: Buffer) => { h.update(c); bytes += c.length; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sha: h.digest('hex'), bytes, length: res.headers['content-length'] }));
        res.on('error', reject);
      }).on('error', reject).end();
    });
    const dms = performance.now() - started;
    console.log(`download: ${(downloaded.bytes / MiB).toFixed(0)} MiB in ${dms.toFixed(0)} ms = ${(downloaded.bytes / MiB / (dms / 1000)).toFixed(1)} MiB/s`);
    expect(downloaded).toEqual({ status: 200, sha: expected, bytes: UPLOAD_BYTES, length: String(UPLOAD_BYTES) });
  });

  it('refuses an upload with a wrong content type or into a missing volume, writing nothing', async () => {
    const before = createHash('sha256').update(readFileSync(join(tmp.dir, 'vols', 'warm.img'))).digest('hex');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/hosts/local/pools/${pool}/volumes/warm.img/content`, {
      method: 'PUT', headers: { ...auth, 'content-type': 'text/plain' }, body: 'hello',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/application\/octet-stream/);
    const missing = await fetch(`http://127.0.0.1:${port}/api/v1/hosts/local/pools/${pool}/volumes/nope.img/content`, {
      method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: new Uint8Array(10),
    });
    expect(missing.status).toBe(404);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port, method: 'PUT', path: `/api/v1/hosts/local/pools/${pool}/volumes/warm.img/content`,
        headers: { ...auth, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      }, (r) => { r.resume(); r.on('end', () => resolve(r.statusCode ?? 0)); });
      req.on('error', reject);
      req.end(Buffer.alloc(1000, 1));
    });
    expect(chunked).toBe(411);
    expect(createHash('sha256').update(readFileSync(join(tmp.dir, 'vols', 'warm.img'))).digest('hex')).toBe(before);
  });
});
