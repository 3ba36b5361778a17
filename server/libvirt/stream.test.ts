import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibvirtError, StreamOverflowError } from './errors.js';
import { encodePacket, PacketReader, type Packet } from './framing.js';
import { MessageStatus, MessageType, STREAM_PAYLOAD_MAX } from './protocol.js';
import { remoteError } from './remote-types.js';
import { LibvirtStream, type StreamDirection, type StreamReadPolicy } from './stream.js';
import { Transport } from './transport.js';
import { encode } from './xdr/index.js';

// A scripted peer speaking the stream rules of virnetprotocol.x, to drive every
// stream state (the real daemon is exercised in guest.int.test.ts).
const dir = mkdtempSync(join(tmpdir(), 'vt-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Script = (sock: net.Socket, p: Packet, seen: Packet[]) => void;

async function withPeer(
  script: Script,
  direction: StreamDirection,
  body: (s: LibvirtStream, seen: Packet[], t: Transport) => Promise<void>,
  policy?: StreamReadPolicy,
): Promise<void> {
  const path = join(dir, `p${Math.random().toString(16).slice(2)}`);
  const seen: Packet[] = [];
  const server = net.createServer((sock) => {
    sock.on('error', () => undefined);
    const reader = new PacketReader();
    sock.on('data', (chunk: Buffer) => {
      for (const p of reader.push(chunk)) {
        seen.push(p);
        script(sock, p, seen);
      }
    });
  });
  await new Promise<void>((r) => server.listen(path, r));
  const t = await Transport.open(path, 1000);
  try {
    const serial = t.nextSerial();
    const stream = new LibvirtStream(t, 209, serial, direction, 'storageVolDownload', policy);
    t.registerStream(serial, stream);
    await t.callWithSerial(serial, 209, Buffer.alloc(0), 1000, 'storageVolDownload');
    await body(stream, seen, t);
  } finally {
    t.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const packet = (p: Packet, type: number, status: number, body?: Buffer): Buffer =>
  encodePacket({ ...p.header, type, status }, body);

const errorBody = (message: string): Buffer =>
  encode(remoteError, { code: 1, domain: 38, message, level: 2, dom: null, str1: null, str2: null, str3: null, int1: 0, int2: 0, net: null });

async function readAll(s: LibvirtStream): Promise<string> {
  let text = '';
  for await (const chunk of s) text += (chunk as Buffer).toString();
  return text;
}

describe('LibvirtStream', () => {
  it('reads data until a zero-length packet, then finishes with the daemon', async () => {
    await withPeer(
      (sock, p) => {
        if (p.header.type === MessageType.CALL) {
          sock.write(Buffer.concat([
            packet(p, MessageType.REPLY, MessageStatus.OK),
            packet(p, MessageType.STREAM, MessageStatus.CONTINUE, Buffer.from('hello ')),
            packet(p, MessageType.STREAM, MessageStatus.CONTINUE, Buffer.from('world')),
            packet(p, MessageType.STREAM, MessageStatus.CONTINUE),
          ]));
        } else if (p.header.type === MessageType.STREAM && p.header.status === MessageStatus.OK) {
          sock.write(packet(p, MessageType.STREAM, MessageStatus.OK));
        }
      },
      'read',
      async (s, seen) => {
        expect(await readAll(s)).toBe('hello world');
        // Our acknowledgement: one STREAM OK on the same serial.
        await new Promise((r) => setTimeout(r, 50));
        const acks = seen.filter((p) => p.header.type === MessageType.STREAM);
        expect(acks.map((p) => [p.header.status, p.header.serial])).toEqual([[MessageStatus.OK, seen[0]?.header.serial]]);
      },
    );
  });

  it('propagates an error the daemon sends mid-stream as a LibvirtError', async () => {
    await withPeer(
      (sock, p) => {
        if (p.header.type !== MessageType.CALL) return;
        sock.write(Buffer.concat([
          packet(p, MessageType.REPLY, MessageStatus.OK),
          packet(p, MessageType.STREAM, MessageStatus.CONTINUE, Buffer.from('partial')),
          packet(p, MessageType.STREAM, MessageStatus.ERROR, errorBody('disk went away')),
        ]));
      },
      'read',
      async (s) => {
        // The error arrived with the reply, before anyone listened: it waits for a reader instead of crashing.
        await new Promise((r) => setTimeout(r, 50));
        const err = await readAll(s).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(LibvirtError);
        expect((err as LibvirtError).message).toBe('disk went away');
      },
    );
  });

  it('writes in packets of at most 262,120 bytes and finishes only when the daemon confirms', async () => {
    let confirmed = false;
    await withPeer(
      (sock, p) => {
        if (p.header.type === MessageType.CALL) sock.write(packet(p, MessageType.REPLY, MessageStatus.OK));
        else if (p.header.status === MessageStatus.OK) {
          setTimeout(() => {
            confirmed = true;
            sock.write(packet(p, MessageType.STREAM, MessageStatus.OK));
          }, 50);
        }
      },
      'write',
      async (s, seen) => {
        const data = Buffer.alloc(600_000, 0x5a);
        await new Promise<void>((resolve, reject) => {
          s.on('error', reject);
          s.end(data, () => resolve());
        });
        expect(confirmed).toBe(true);
        const sent = seen.filter((p) => p.header.type === MessageType.STREAM && p.header.status === MessageStatus.CONTINUE);
        expect(sent.map((p) => p.body.length)).toEqual([STREAM_PAYLOAD_MAX, STREAM_PAYLOAD_MAX, 600_000 - 2 * STREAM_PAYLOAD_MAX]);
      },
    );
  });

  it('reports a refused finish as an error', async () => {
    await withPeer(
      (sock, p) => {
        if (p.header.type === MessageType.CALL) sock.write(packet(p, MessageType.REPLY, MessageStatus.OK));
        else if (p.header.status === MessageStatus.OK) sock.write(packet(p, MessageType.REPLY, MessageStatus.ERROR, errorBody('short upload')));
      },
      'write',
      async (s) => {
        const err = await new Promise<unknown>((resolve) => {
          s.on('error', resolve);
          s.end(Buffer.from('abc'));
        });
        expect(err).toBeInstanceOf(LibvirtError);
        expect((err as LibvirtError).message).toBe('short upload');
      },
    );
  });

  it('aborts on the daemon when destroyed', async () => {
    await withPeer(
      (sock, p) => {
        if (p.header.type === MessageType.CALL) sock.write(packet(p, MessageType.REPLY, MessageStatus.OK));
      },
      'both',
      async (s, seen) => {
        s.write('typed');
        s.destroy();
        await new Promise<void>((r) => s.once('close', () => r()));
        await new Promise((r) => setTimeout(r, 50));
        const stream = seen.filter((p) => p.header.type === MessageType.STREAM);
        expect(stream.map((p) => p.header.status)).toEqual([MessageStatus.CONTINUE, MessageStatus.ERROR]);
        expect(stream[0]?.body.toString()).toBe('typed');
      },
    );
  });

  it('on a dedicated connection, pauses the socket while the reader is full and resumes when it reads', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    await withPeer(
      (sock, p) => {
        if (p.header.type !== MessageType.CALL) return;
        const parts = [packet(p, MessageType.REPLY, MessageStatus.OK)];
        for (let i = 0; i < 32; i++) parts.push(packet(p, MessageType.STREAM, MessageStatus.CONTINUE, chunk));
        parts.push(packet(p, MessageType.STREAM, MessageStatus.OK));
        sock.write(Buffer.concat(parts));
      },
      'read',
      async (s) => {
        await new Promise((r) => setTimeout(r, 100));
        // Nobody reads yet: the stream buffered only up to its high-water mark plus what one socket read held.
        expect(s.readableLength).toBeLessThan(32 * chunk.length);
        let total = 0;
        for await (const c of s) total += (c as Buffer).length;
        expect(total).toBe(32 * chunk.length);
      },
      { pauseSocket: true, maxBufferedBytes: 1024 },
    );
  });

  // The peer answers every other CALL (procedure 1, like getVersion) right away.
  const echoCalls = (sock: net.Socket, p: Packet): boolean => {
    if (p.header.type !== MessageType.CALL || p.header.procedure === 209) return false;
    sock.write(packet(p, MessageType.REPLY, MessageStatus.OK));
    return true;
  };

  it('on a shared connection, an unread stream buffers without pausing the socket: other calls go on', async () => {
    const chunk = Buffer.alloc(64 * 1024, 2);
    await withPeer(
      (sock, p) => {
        if (echoCalls(sock, p) || p.header.type !== MessageType.CALL) return;
        const parts = [packet(p, MessageType.REPLY, MessageStatus.OK)];
        for (let i = 0; i < 16; i++) parts.push(packet(p, MessageType.STREAM, MessageStatus.CONTINUE, chunk));
        sock.write(Buffer.concat(parts));
      },
      'read',
      async (s, _seen, t) => {
        await new Promise((r) => setTimeout(r, 100));
        // Far past the 16 KiB high-water mark, nobody reading, and the socket still flows.
        expect(s.readableLength).toBe(16 * chunk.length);
        const replies = await Promise.all(Array.from({ length: 20 }, () => t.call(1, Buffer.alloc(0), 1000, 'connectGetVersion')));
        expect(replies).toHaveLength(20);
        let total = 0;
        s.on('data', (c: Buffer) => { total += c.length; });
        await new Promise((r) => setTimeout(r, 20));
        expect(total).toBe(16 * chunk.length);
        s.destroy();
      },
      { pauseSocket: false, maxBufferedBytes: 4 * 1024 * 1024 },
    );
  });

  it('on a shared connection, aborts a stream whose reader falls past the bound with StreamOverflowError', async () => {
    const chunk = Buffer.alloc(64 * 1024, 3);
    await withPeer(
      (sock, p) => {
        if (echoCalls(sock, p) || p.header.type !== MessageType.CALL) return;
        const parts = [packet(p, MessageType.REPLY, MessageStatus.OK)];
        for (let i = 0; i < 8; i++) parts.push(packet(p, MessageType.STREAM, MessageStatus.CONTINUE, chunk));
        sock.write(Buffer.concat(parts));
      },
      'read',
      async (s, seen, t) => {
        const error = await new Promise<unknown>((resolve) => s.once('error', resolve));
        expect(error).toBeInstanceOf(StreamOverflowError);
        expect((error as Error).message).toMatch(/reader too slow/);
        await new Promise((r) => setTimeout(r, 50));
        // The daemon was told to abort: one STREAM ERROR on the stream's serial.
        const ours = seen.filter((p) => p.header.type === MessageType.STREAM);
        expect(ours.map((p) => p.header.status)).toEqual([MessageStatus.ERROR]);
        // The connection itself is fine.
        await expect(t.call(1, Buffer.alloc(0), 1000, 'connectGetVersion')).resolves.toBeInstanceOf(Buffer);
      },
      { pauseSocket: false, maxBufferedBytes: 200 * 1024 },
    );
  });
});
