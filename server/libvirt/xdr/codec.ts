/** Thrown when bytes cannot be decoded (truncated, malformed) or a value cannot be encoded. */
export class XdrError extends Error {
  override readonly name: string = 'XdrError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const INITIAL_SIZE = 256;

/** Growable big-endian XDR writer. */
export class Encoder {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = INITIAL_SIZE) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int(v: number): void {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw new XdrError(`int out of range: ${v}`, this.pos);
    }
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
  }

  uint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
      throw new XdrError(`unsigned int out of range: ${v}`, this.pos);
    }
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
  }

  hyper(v: bigint): void {
    if (v < -(1n << 63n) || v >= 1n << 63n) throw new XdrError(`hyper out of range: ${v}`, this.pos);
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
  }

  uhyper(v: bigint): void {
    if (v < 0n || v >= 1n << 64n) throw new XdrError(`unsigned hyper out of range: ${v}`, this.pos);
    this.ensure(8);
    this.buf.writeBigUInt64BE(v, this.pos);
    this.pos += 8;
  }

  double(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  /** Raw bytes followed by zero padding to a multiple of four. */
  bytes(b: Uint8Array): void {
    const pad = (4 - (b.length % 4)) % 4;
    this.ensure(b.length + pad);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    this.buf.fill(0, this.pos, this.pos + pad);
    this.pos += pad;
  }

  /** A view of the written bytes (valid until the next write). */
  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Big-endian XDR reader over one buffer; every read checks the bounds. */
export class Decoder {
  private pos: number;
  private readonly end: number;

  constructor(
    private readonly buf: Buffer,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new XdrError(`truncated input reading ${what}: need ${n} bytes, ${this.end - this.pos} left`, this.pos);
    }
  }

  int(): number {
    this.need(4, 'int');
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4, 'unsigned int');
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  hyper(): bigint {
    this.need(8, 'hyper');
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  uhyper(): bigint {
    this.need(8, 'unsigned hyper');
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  double(): number {
    this.need(8, 'double');
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  /** n raw bytes plus padding; returns a copy so callers may keep it. */
  bytes(n: number): Buffer {
    const pad = (4 - (n % 4)) % 4;
    this.need(n + pad, 'opaque data');
    const out = Buffer.from(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n + pad;
    return out;
  }

  /** n bytes plus padding decoded as UTF-8. */
  text(n: number): string {
    const pad = (4 - (n % 4)) % 4;
    this.need(n + pad, 'string');
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n + pad;
    return s;
  }

  /** Fails unless the whole input was consumed. */
  done(): void {
    if (this.pos !== this.end) {
      throw new XdrError(`${this.end - this.pos} unexpected trailing bytes`, this.pos);
    }
  }
}

/**
 * A two-way XDR codec. `T` is what decoding yields, `I` what encoding accepts
 * (wider where convenient: numbers for 64-bit values, undefined for defaults).
 */
export interface Codec<T, I = T> {
  readonly kind: string;
  encode(e: Encoder, value: I): void;
  decode(d: Decoder): T;
}

export type Out<C> = C extends Codec<infer T, infer _I> ? T : never;
export type In<C> = C extends Codec<infer _T, infer I> ? I : never;

/** Encodes one value to a fresh buffer. */
export function encode<T, I>(codec: Codec<T, I>, value: I): Buffer {
  const e = new Encoder();
  codec.encode(e, value);
  return Buffer.from(e.finish());
}

/** Decodes a whole buffer; trailing bytes are an error. */
export function decode<T, I>(codec: Codec<T, I>, buf: Buffer, start = 0, end = buf.length): T {
  const d = new Decoder(buf, start, end);
  const v = codec.decode(d);
  d.done();
  return v;
}
