import { Duplex, PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { SocketPipe } from './pipe.js';

/** A real WebSocket pair over loopback TCP: `server` is the side the pipe uses. */
async function socketPair(): Promise<{ wss: WebSocketServer; server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as AddressInfo;
  const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${String(port)}`);
  await new Promise<void>((resolve) => client.once('open', resolve));
  return { wss, server: await serverSide, client };
}

async function until(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('SocketPipe', () => {
  it('pauses the upstream while the browser does not read, and resumes when it does', async () => {
    const { wss, server, client } = await socketPair();
    cleanups.push(() => { client.terminate(); wss.close(); });
    const upstream = new PassThrough();
    new SocketPipe(server, upstream, () => undefined);
    let received = 0;
    client.on('message', (data: Buffer) => { received += data.length; });
    client.pause(); // the browser stops reading

    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    while (!upstream.isPaused() && written < 256 * 1024 * 1024) {
      upstream.write(chunk);
      written += chunk.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(upstream.isPaused()).toBe(true);
    expect(written).toBeLessThan(64 * 1024 * 1024); // bounded by the high-water mark and the kernel buffers

    client.resume();
    await until('everything delivered', () => received === written);
    expect(upstream.isPaused()).toBe(false);
  });

  it('stops reading the browser while the upstream is full, and continues when it drains', async () => {
    const { wss, server, client } = await socketPair();
    cleanups.push(() => { client.terminate(); wss.close(); });
    const held: (() => void)[] = [];
    let consumed = 0;
    const upstream = new Duplex({
      highWaterMark: 16 * 1024,
      read() {},
      write(chunk: Buffer, _enc, callback) {
        consumed += chunk.length;
        held.push(callback); // a slow guest: nothing is acknowledged until released
      },
    });
    const pipe = new SocketPipe(server, upstream, () => undefined);
    server.on('message', (data: Buffer) => pipe.writeUpstream(data));

    for (let i = 0; i < 8; i++) client.send(Buffer.alloc(32 * 1024, 0x62));
    await until('the socket paused', () => server.isPaused);

    while (held.length > 0 || !(!server.isPaused && consumed === 8 * 32 * 1024)) {
      held.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(server.isPaused).toBe(false);
    expect(consumed).toBe(8 * 32 * 1024);
  });

  it('reports the end of the upstream once, and destroy() releases it', async () => {
    const { wss, server, client } = await socketPair();
    cleanups.push(() => { client.terminate(); wss.close(); });
    let ends = 0;
    const upstream = new PassThrough();
    new SocketPipe(server, upstream, () => { ends++; });
    upstream.end();
    upstream.resume();
    await until('end reported', () => ends === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ends).toBe(1);

    const other = new PassThrough();
    const pipe = new SocketPipe(server, other, () => { ends++; });
    pipe.destroy();
    expect(other.destroyed).toBe(true);
    expect(ends).toBe(1);
  });
});
