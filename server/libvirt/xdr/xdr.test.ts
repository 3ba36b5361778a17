import { describe, expect, it } from 'vitest';
import {
  XdrError,
  array,
  bool,
  charArray,
  decode,
  double,
  encode,
  enumeration,
  fixedArray,
  hyper,
  int,
  opaque,
  opaqueFixed,
  optional,
  string,
  struct,
  uhyper,
  uint,
  union,
  withDefault,
  xvoid,
  type Codec,
} from './index.js';

function roundTrip<T, I>(codec: Codec<T, I>, value: I): T {
  return decode(codec, encode(codec, value));
}

describe('XDR primitives', () => {
  it('encodes int and unsigned int big-endian in 4 bytes', () => {
    expect(encode(int, -2).toString('hex')).toBe('fffffffe');
    expect(encode(uint, 0xdeadbeef).toString('hex')).toBe('deadbeef');
    expect(roundTrip(int, -2147483648)).toBe(-2147483648);
    expect(roundTrip(uint, 4294967295)).toBe(4294967295);
  });

  it('rejects out-of-range and non-integer values', () => {
    expect(() => encode(int, 2 ** 31)).toThrow(XdrError);
    expect(() => encode(uint, -1)).toThrow(XdrError);
    expect(() => encode(int, 1.5)).toThrow(XdrError);
    expect(() => encode(uhyper, -1n)).toThrow(XdrError);
    expect(() => encode(hyper, 2n ** 63n)).toThrow(XdrError);
    expect(() => encode(uhyper, 2 ** 60)).toThrow(XdrError);
  });

  it('carries full 64-bit values as bigint', () => {
    expect(roundTrip(uhyper, 2n ** 64n - 1n)).toBe(18446744073709551615n);
    expect(roundTrip(hyper, -(2n ** 63n))).toBe(-9223372036854775808n);
    expect(roundTrip(hyper, 9007199254740993n)).toBe(9007199254740993n);
    expect(encode(uhyper, 1n).toString('hex')).toBe('0000000000000001');
    expect(roundTrip(uhyper, 42)).toBe(42n);
  });

  it('encodes double and bool', () => {
    expect(roundTrip(double, 3.25)).toBe(3.25);
    expect(roundTrip(bool, true)).toBe(true);
    expect(() => decode(bool, Buffer.from('00000002', 'hex'))).toThrow(XdrError);
  });
});

describe('XDR strings and opaque data', () => {
  it('pads strings to a multiple of four and keeps UTF-8', () => {
    const s = string(100);
    expect(encode(s, 'abcde').toString('hex')).toBe('00000005' + '6162636465' + '000000');
    expect(roundTrip(s, '')).toBe('');
    expect(roundTrip(s, 'héllo wörld ✓')).toBe('héllo wörld ✓');
  });

  it('enforces the maximum length both ways', () => {
    expect(() => encode(string(3), 'abcd')).toThrow(XdrError);
    expect(() => decode(string(3), encode(string(10), 'abcd'))).toThrow(/exceeds maximum/);
  });

  it('handles fixed and variable opaque data', () => {
    const uuid = new Uint8Array([...Array(16).keys()]);
    expect(Array.from(roundTrip(opaqueFixed(16), uuid))).toEqual(Array.from(uuid));
    expect(() => encode(opaqueFixed(16), new Uint8Array(15))).toThrow(XdrError);
    const data = new Uint8Array([1, 2, 3]);
    expect(encode(opaque(10), data).toString('hex')).toBe('00000003' + '01020300');
    expect(Array.from(roundTrip(opaque(10), data))).toEqual([1, 2, 3]);
  });

  it('reads char[N] as a NUL-terminated string, one int per char', () => {
    const c = charArray(8);
    const buf = encode(c, 'x86');
    expect(buf.length).toBe(32);
    expect(roundTrip(c, 'x86')).toBe('x86');
  });
});

describe('XDR composites', () => {
  const point = struct({ x: int, y: uhyper, label: optional(string(16)) });

  it('round-trips structs in field order', () => {
    const v = { x: -1, y: 5n, label: 'p' };
    expect(roundTrip(point, v)).toEqual(v);
    expect(encode(point, { x: 1, y: 2n, label: null }).toString('hex')).toBe('00000001' + '0000000000000002' + '00000000');
  });

  it('encodes optional values as a presence flag', () => {
    const o = optional(int);
    expect(roundTrip(o, null)).toBeNull();
    expect(roundTrip(o, undefined)).toBeNull();
    expect(roundTrip(o, 7)).toBe(7);
    expect(() => decode(o, Buffer.from('00000002', 'hex'))).toThrow(XdrError);
  });

  it('round-trips variable and fixed arrays', () => {
    const a = array(point, 4);
    const items = [
      { x: 1, y: 1n, label: null },
      { x: 2, y: 2n ** 40n, label: 'two' },
    ];
    expect(roundTrip(a, items)).toEqual(items);
    expect(roundTrip(a, [])).toEqual([]);
    expect(() => encode(a, [...items, ...items, ...items])).toThrow(/exceeds maximum/);
    expect(roundTrip(fixedArray(int, 3), [1, 2, 3])).toEqual([1, 2, 3]);
    expect(() => encode(fixedArray(int, 3), [1, 2])).toThrow(XdrError);
  });

  it('round-trips unions and rejects unknown arms', () => {
    const u = union({ 1: int, 7: string(10) });
    expect(roundTrip(u, { type: 1, value: 5 })).toEqual({ type: 1, value: 5 });
    expect(roundTrip(u, { type: 7, value: 'hi' })).toEqual({ type: 7, value: 'hi' });
    expect(() => decode(u, Buffer.from('0000000300000000', 'hex'))).toThrow(/unknown discriminant 3/);
  });

  it('restricts enums to their values', () => {
    const e = enumeration([0, 1, 2] as const);
    expect(roundTrip(e, 2)).toBe(2);
    expect(() => decode(e, Buffer.from('00000009', 'hex'))).toThrow(XdrError);
  });

  it('fills defaults and encodes void as nothing', () => {
    const args = struct({ name: string(10), flags: withDefault(uint, 0) });
    expect(encode(args, { name: 'a' }).toString('hex')).toBe('00000001' + '61000000' + '00000000');
    expect(encode(xvoid, undefined).length).toBe(0);
  });

  it('names the failing field when encoding fails', () => {
    expect(() => encode(point, { x: 1.5, y: 1n, label: null })).toThrow(/x: int out of range/);
  });
});

describe('XDR decoding of bad input', () => {
  const rec = struct({ a: int, b: string(100), c: array(uhyper, 10) });
  const good = encode(rec, { a: 1, b: 'hello', c: [1n, 2n] });

  it('throws XdrError on every truncation', () => {
    for (let n = 0; n < good.length; n++) {
      expect(() => decode(rec, good.subarray(0, n))).toThrow(XdrError);
    }
  });

  it('throws XdrError on trailing bytes', () => {
    expect(() => decode(rec, Buffer.concat([good, Buffer.alloc(4)]))).toThrow(/trailing/);
  });

  it('rejects huge counts without allocating', () => {
    const bad = Buffer.from('00000001' + '00000000' + '0000000a', 'hex');
    expect(() => decode(rec, bad)).toThrow(XdrError);
    expect(() => decode(array(int, 1 << 30), Buffer.from('3fffffff', 'hex'))).toThrow(/truncated/);
  });
});
