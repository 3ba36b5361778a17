import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { encodePacket, PacketReader, type PacketHeader } from './framing.js';
import { MESSAGE_MAX } from './protocol.js';

const header = (serial: number): PacketHeader => ({
  program: 0x20008086,
  version: 1,
  procedure: 59,
  type: 1,
  serial,
  status: 0,
});

describe('packet framing', () => {
  it('writes a length word that counts itself and a 24-byte header', () => {
    const p = encodePacket(header(7), Buffer.from('abcd'));
    expect(p.length).toBe(32);
    expect(p.readUInt32BE(0)).toBe(32);
    expect(p.readUInt32BE(4)).toBe(0x20008086);
    expect(p.readUInt32BE(20)).toBe(7);
    expect(p.subarray(28).toString()).toBe('abcd');
  });

  it('reassembles a packet split across chunks, even inside the length word', () => {
    const p = encodePacket(header(1), Buffer.alloc(100, 1));
    const r = new PacketReader();
    const out = [];
    for (let i = 0; i < p.length; i++) out.push(...r.push(p.subarray(i, i + 1)));
    expect(out).toHaveLength(1);
    expect(out[0]?.header.serial).toBe(1);
    expect(out[0]?.body.length).toBe(100);
    expect(r.pending).toBe(0);
  });

  it('splits several packets carried in one chunk', () => {
    const chunk = Buffer.concat([encodePacket(header(1)), encodePacket(header(2), Buffer.alloc(8)), encodePacket(header(3)).subarray(0, 10)]);
    const r = new PacketReader();
    const out = r.push(chunk);
    expect(out.map((p) => p.header.serial)).toEqual([1, 2]);
    expect(r.pending).toBe(10);
    const rest = r.push(encodePacket(header(3)).subarray(10));
    expect(rest.map((p) => p.header.serial)).toEqual([3]);
  });

  it('rejects impossible lengths', () => {
    const tooSmall = Buffer.from('0000000a', 'hex');
    expect(() => new PacketReader().push(tooSmall)).toThrow(ProtocolError);
    const tooBig = Buffer.alloc(4);
    tooBig.writeUInt32BE(MESSAGE_MAX + 100, 0);
    expect(() => new PacketReader().push(tooBig)).toThrow(ProtocolError);
  });
});
