import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CallTimeoutError, ConnectionLostError, LibvirtError, NotConnectedError } from './errors.js';
import { encodePacket, PacketReader, type Packet } from './framing.js';
import { KEEPALIVE_PROGRAM, REMOTE_PROGRAM } from './protocol.js';
import { remoteError } from './remote-types.js';
import { Transport } from './transport.js';
import { encode } from './xdr/index.js';

// A scripted peer on a private unix socket: it checks our framing and serial matching,
// which the real daemon cannot be made to stress (reordering, odd chunking).
const dir = mkdtempSync(join(tmpdir(), 'vt-transport-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function peer(onPackets: (sock: net.Socket, packets: Packet[]) => void): Promise<{ path: string; close: () => Promise<void> }> {
  const path = join(dir, `p${Math.random().toString(16).slice(2)}`);
  const server = net.createServer((sock) => {
    const reader = new PacketReader();
    sock.on('data', (chunk: Buffer) => onPackets(sock, reader.push(chunk)));
  });
  await new Promise<void>((r) => server.listen(path, r));
  return { path, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const reply = (p: Packet, body: Buffer, status = 0): Buffer =>
  encodePacket({ ...p.header, type: 1, status }, body);

describe('transport', () => {
  it('matches replies sent out of order, split and merged across chunks', async () => {
    const calls: Packet[] = [];
    const srv = await peer((sock, packets) => {
      calls.push(...packets);
      if (calls.length < 3) return;
      // Reverse order, all in one buffer, written in uneven slices.
      const all = Buffer.concat([...calls].reverse().map((p) => reply(p, Buffer.from(`answer-${p.header.procedure}`))));
      for (let i = 0; i < all.length; i += 7) sock.write(all.subarray(i, i + 7));
    });
    const t = await Transport.open(srv.path, 1000);
    try {
      const answers = await Promise.all([
        t.call(11, Buffer.alloc(0), 2000, 'a'),
        t.call(22, Buffer.alloc(0), 2000, 'b'),
        t.call(33, Buffer.alloc(0), 2000, 'c'),
      ]);
      expect(answers.map((b) => b.toString())).toEqual(['answer-11', 'answer-22', 'answer-33']);
      expect(calls.map((p) => p.header.serial)).toEqual([1, 2, 3]);
      expect(calls.every((p) => p.header.program === REMOTE_PROGRAM && p.header.type === 0)).toBe(true);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  it('turns error replies into LibvirtError and times out unanswered calls', async () => {
    const srv = await peer((sock, packets) => {
      for (const p of packets) {
        if (p.header.procedure !== 1) continue;
        const body = encode(remoteError, {
          code: 42, domain: 10, message: 'Domain not found', level: 2,
          dom: null, str1: null, str2: null, str3: null, int1: -1, int2: -1, net: null,
        });
        sock.write(reply(p, body, 1));
      }
    });
    const t = await Transport.open(srv.path, 1000);
    try {
      const err = await t.call(1, Buffer.alloc(0), 1000, 'lookup').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LibvirtError);
      expect((err as LibvirtError).code).toBe(42);
      const started = Date.now();
      await expect(t.call(2, Buffer.alloc(0), 150, 'silent')).rejects.toBeInstanceOf(CallTimeoutError);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      t.destroy();
      await srv.close();
    }
  });

  it('answers PINGs with PONGs and drops a peer that stops answering ours', async () => {
    const seen: number[] = [];
    const srv = await peer((sock, packets) => {
      for (const p of packets) if (p.header.program === KEEPALIVE_PROGRAM) seen.push(p.header.procedure);
    });
    const t = await Transport.open(srv.path, 1000);
    const closed = new Promise<Error | undefined>((r) => t.once('close', r));
    const pending = t.call(5, Buffer.alloc(0), 0, 'pending');
    t.startKeepalive({ intervalMs: 50, count: 2 });
    const started = Date.now();
    const reason = await closed;
    expect(reason).toBeInstanceOf(ConnectionLostError);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toBeInstanceOf(ConnectionLostError);
    expect(seen).toEqual([1, 1]);
    await expect(t.call(6, Buffer.alloc(0), 100, 'after')).rejects.toBeInstanceOf(NotConnectedError);
    await srv.close();
  });
});
