import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LibvirtError, NotConnectedError, ProtocolError } from './errors.js';
import { encodePacket, PacketReader } from './framing.js';
import { allProcedures } from './procedures/index.js';
import { eventMessages } from './procedures/events.js';
import { remoteError } from './remote-types.js';
import { Transport } from './transport.js';
import { XdrError, decode, encode, type Codec } from './xdr/index.js';

const replyCodecs: Array<[string, Codec<unknown, unknown>]> = [
  ['remote_error', remoteError],
  ...Object.entries(allProcedures).flatMap(([name, p]): Array<[string, Codec<unknown, unknown>]> =>
    p.kind === 'call' ? [[`${name} ret`, p.ret], [`${name} args`, p.args]] : [[`${name} args`, p.args]],
  ),
  ...Object.entries(eventMessages).map(([name, m]): [string, Codec<unknown, unknown>] => [name, m.codec]),
];

describe('decoders on random input', () => {
  it('every reply, argument and event codec either decodes or throws XdrError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...replyCodecs), fc.uint8Array({ maxLength: 512 }), ([, codec], bytes) => {
        try {
          decode(codec, Buffer.from(bytes));
        } catch (err) {
          if (!(err instanceof XdrError)) throw err;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('huge announced lengths fail fast instead of allocating', () => {
    fc.assert(
      fc.property(fc.constantFrom(...replyCodecs), fc.integer({ min: 1 << 20, max: 0xffffffff }), ([, codec], n) => {
        const bytes = Buffer.alloc(64, 0);
        for (let i = 0; i < 64; i += 4) bytes.writeUInt32BE(n >>> 0, i);
        const started = Date.now();
        try {
          decode(codec, bytes);
        } catch (err) {
          if (!(err instanceof XdrError)) throw err;
        }
        expect(Date.now() - started).toBeLessThan(100);
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of a valid message is an XdrError', () => {
    const error = encode(remoteError, {
      code: 42,
      domain: 10,
      message: 'Domain not found: no domain with matching name',
      level: 2,
      dom: { name: 'x', uuid: new Uint8Array(16), id: -1 },
      str1: 'a',
      str2: null,
      str3: null,
      int1: -1,
      int2: -1,
      net: null,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: error.length - 1 }), (n) => {
        expect(() => decode(remoteError, error.subarray(0, n))).toThrow(XdrError);
      }),
    );
  });
});

describe('packet reader on random input', () => {
  it('random bytes in random chunks yield packets or a ProtocolError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const reader = new PacketReader();
        try {
          for (const c of chunks) {
            for (const p of reader.push(Buffer.from(c))) expect(p.body.length).toBeGreaterThanOrEqual(0);
          }
        } catch (err) {
          if (!(err instanceof ProtocolError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('valid packets split at random points come out whole and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 50 }),
        (bodies, cuts) => {
          const stream = Buffer.concat(
            bodies.map((b, i) => encodePacket({ program: 1, version: 1, procedure: 1, type: 1, serial: i + 1, status: 0 }, b)),
          );
          const reader = new PacketReader();
          const out: number[] = [];
          let pos = 0;
          let k = 0;
          while (pos < stream.length) {
            const step = cuts[k++ % cuts.length] ?? 1;
            for (const p of reader.push(stream.subarray(pos, pos + step))) {
              out.push(p.header.serial);
              expect(Buffer.compare(p.body, Buffer.from(bodies[p.header.serial - 1] ?? []))).toBe(0);
            }
            pos += step;
          }
          expect(out).toEqual(bodies.map((_, i) => i + 1));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('transport fed garbage by a peer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vt-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the pending call with a typed error and closes, without crashing or hanging', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), fc.boolean(), async (garbage, replyShaped) => {
        const path = join(dir, `s${Math.random().toString(16).slice(2)}`);
        const server = net.createServer((sock) => {
          sock.once('data', () => {
            // Either raw garbage, or a well-framed REPLY to serial 1 whose body is garbage.
            const body = Buffer.from(garbage);
            const payload = replyShaped
              ? encodePacket({ program: 0x20008086, version: 1, procedure: 59, type: 1, serial: 1, status: garbage[0]! % 2 }, body)
              : body;
            sock.end(payload);
          });
        });
        await new Promise<void>((r) => server.listen(path, r));
        try {
          const t = await Transport.open(path, 1000);
          const outcome = await t.call(59, Buffer.alloc(0), 2000, 'connectGetHostname').then(
            (b) => ({ ok: true as const, b }),
            (err: unknown) => ({ ok: false as const, err }),
          );
          if (!outcome.ok) {
            const e = outcome.err;
            // Undecodable bodies, lost connections and decoded error replies: all typed.
            expect(e instanceof ProtocolError || e instanceof NotConnectedError || e instanceof LibvirtError).toBe(true);
          }
          t.destroy();
        } finally {
          await new Promise<void>((r) => server.close(() => r()));
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
