import { XdrError, type Codec, type Decoder, type Encoder, type In, type Out } from './codec.js';

export const int: Codec<number> = {
  kind: 'int',
  encode: (e, v) => e.int(v),
  decode: (d) => d.int(),
};

export const uint: Codec<number> = {
  kind: 'unsigned int',
  encode: (e, v) => e.uint(v),
  decode: (d) => d.uint(),
};

function toBigInt(v: bigint | number, offset: number): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new XdrError(`not a safe integer: ${v}`, offset);
  return BigInt(v);
}

/** 64-bit signed; decodes to bigint, accepts bigint or a safe integer number. */
export const hyper: Codec<bigint, bigint | number> = {
  kind: 'hyper',
  encode: (e, v) => e.hyper(toBigInt(v, e.length)),
  decode: (d) => d.hyper(),
};

/** 64-bit unsigned; decodes to bigint, accepts bigint or a safe integer number. */
export const uhyper: Codec<bigint, bigint | number> = {
  kind: 'unsigned hyper',
  encode: (e, v) => e.uhyper(toBigInt(v, e.length)),
  decode: (d) => d.uhyper(),
};

export const double: Codec<number> = {
  kind: 'double',
  encode: (e, v) => e.double(v),
  decode: (d) => d.double(),
};

export const bool: Codec<boolean> = {
  kind: 'bool',
  encode: (e, v) => e.int(v ? 1 : 0),
  decode: (d) => {
    const at = d.offset;
    const v = d.int();
    if (v !== 0 && v !== 1) throw new XdrError(`invalid bool ${v}`, at);
    return v === 1;
  },
};

/** libvirt's "int used as a boolean": any non-zero value is true. */
export const intBool: Codec<boolean> = {
  kind: 'int-bool',
  encode: (e, v) => e.int(v ? 1 : 0),
  decode: (d) => d.int() !== 0,
};

/** Fills in `fallback` when the caller leaves the value out. */
export function withDefault<T, I>(codec: Codec<T, I>, fallback: I): Codec<T, I | undefined> {
  return {
    kind: codec.kind,
    encode: (e, v) => codec.encode(e, v === undefined ? fallback : v),
    decode: (d) => codec.decode(d),
  };
}

function readLength(d: Decoder, max: number, what: string): number {
  const at = d.offset;
  const n = d.uint();
  if (n > max) throw new XdrError(`${what} length ${n} exceeds maximum ${max}`, at);
  return n;
}

/** Variable-length UTF-8 string with a maximum byte length. */
export function string(max: number): Codec<string> {
  return {
    kind: `string<${max}>`,
    encode: (e, v) => {
      const b = Buffer.from(v, 'utf8');
      if (b.length > max) throw new XdrError(`string of ${b.length} bytes exceeds maximum ${max}`, e.length);
      e.uint(b.length);
      e.bytes(b);
    },
    decode: (d) => d.text(readLength(d, max, 'string')),
  };
}

/** Fixed-length opaque data. */
export function opaqueFixed(size: number): Codec<Uint8Array> {
  return {
    kind: `opaque[${size}]`,
    encode: (e, v) => {
      if (v.length !== size) throw new XdrError(`opaque[${size}] given ${v.length} bytes`, e.length);
      e.bytes(v);
    },
    decode: (d) => d.bytes(size),
  };
}

/** Variable-length opaque data with a maximum length. */
export function opaque(max: number): Codec<Uint8Array> {
  return {
    kind: `opaque<${max}>`,
    encode: (e, v) => {
      if (v.length > max) throw new XdrError(`opaque of ${v.length} bytes exceeds maximum ${max}`, e.length);
      e.uint(v.length);
      e.bytes(v);
    },
    decode: (d) => d.bytes(readLength(d, max, 'opaque')),
  };
}

/** Fixed-size char array (e.g. `char model[32]`) read as a NUL-terminated string. */
export function charArray(size: number): Codec<string> {
  return {
    kind: `char[${size}]`,
    encode: (e, v) => {
      const out = new Uint8Array(size);
      const b = Buffer.from(v, 'utf8');
      if (b.length > size) throw new XdrError(`char[${size}] given ${b.length} bytes`, e.length);
      out.set(b);
      // Each char travels as one 4-byte XDR int.
      for (const c of out) e.int(c > 127 ? c - 256 : c);
    },
    decode: (d) => {
      const bytes: number[] = [];
      for (let i = 0; i < size; i++) bytes.push(d.int() & 0xff);
      const nul = bytes.indexOf(0);
      return Buffer.from(nul === -1 ? bytes : bytes.slice(0, nul)).toString('utf8');
    },
  };
}

/** XDR optional-data (`T *`): a bool then the value. Encodes null or undefined as absent. */
export function optional<T, I>(codec: Codec<T, I>): Codec<T | null, I | null | undefined> {
  return {
    kind: `${codec.kind}*`,
    encode: (e, v) => {
      if (v === null || v === undefined) {
        e.uint(0);
      } else {
        e.uint(1);
        codec.encode(e, v);
      }
    },
    decode: (d) => {
      const at = d.offset;
      const present = d.uint();
      if (present === 0) return null;
      if (present !== 1) throw new XdrError(`invalid optional flag ${present}`, at);
      return codec.decode(d);
    },
  };
}

/** Fixed-length array. */
export function fixedArray<T, I>(codec: Codec<T, I>, size: number): Codec<T[], readonly I[]> {
  return {
    kind: `${codec.kind}[${size}]`,
    encode: (e, v) => {
      if (v.length !== size) throw new XdrError(`array[${size}] given ${v.length} items`, e.length);
      for (const item of v) codec.encode(e, item);
    },
    decode: (d) => {
      const out: T[] = [];
      for (let i = 0; i < size; i++) out.push(codec.decode(d));
      return out;
    },
  };
}

/** Variable-length array with a maximum count. */
export function array<T, I>(codec: Codec<T, I>, max: number): Codec<T[], readonly I[]> {
  return {
    kind: `${codec.kind}<${max}>`,
    encode: (e, v) => {
      if (v.length > max) throw new XdrError(`array of ${v.length} items exceeds maximum ${max}`, e.length);
      e.uint(v.length);
      for (const item of v) codec.encode(e, item);
    },
    decode: (d) => {
      const n = readLength(d, max, 'array');
      // Every element takes at least 4 bytes: reject counts the input cannot hold.
      if (n * 4 > d.remaining) throw new XdrError(`truncated input: array of ${n} items`, d.offset);
      const out: T[] = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = codec.decode(d);
      return out;
    },
  };
}

// Methods are bivariant in their parameters, so every codec fits this constraint.
type AnyCodec = Codec<unknown, unknown>;
export type Fields = Record<string, AnyCodec>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends In<F[K]> ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;

export type StructOut<F extends Fields> = Simplify<{ [K in keyof F]: Out<F[K]> }>;
export type StructIn<F extends Fields> = Simplify<
  { [K in RequiredKeys<F>]: In<F[K]> } & { [K in OptionalKeys<F>]?: In<F[K]> }
>;

/** XDR struct: fields are encoded in the order the object lists them. */
export function struct<F extends Fields>(fields: F): Codec<StructOut<F>, StructIn<F>> & { fields: F } {
  const entries = Object.entries(fields);
  return {
    kind: `struct{${entries.map(([k]) => k).join(',')}}`,
    fields,
    encode: (e, v) => {
      const rec = (v ?? {}) as Record<string, unknown>;
      for (const [key, codec] of entries) {
        try {
          codec.encode(e, rec[key]);
        } catch (err) {
          if (err instanceof XdrError) throw new XdrError(`${key}: ${err.message}`, err.offset);
          throw new XdrError(`${key}: ${(err as Error).message}`, e.length);
        }
      }
    },
    decode: (d) => {
      const out: Record<string, unknown> = {};
      for (const [key, codec] of entries) out[key] = codec.decode(d);
      return out as StructOut<F>;
    },
  };
}

export type UnionArms = Record<number, AnyCodec>;
export type UnionValue<A extends UnionArms> = { [K in keyof A]: { type: K; value: Out<A[K]> } }[keyof A];
export type UnionInput<A extends UnionArms> = { [K in keyof A]: { type: K; value: In<A[K]> } }[keyof A];

/** XDR discriminated union over an int discriminant. Unknown discriminants are an error. */
export function union<A extends UnionArms>(arms: A): Codec<UnionValue<A>, UnionInput<A>> {
  const table = new Map<number, AnyCodec>(Object.entries(arms).map(([k, c]) => [Number(k), c]));
  return {
    kind: 'union',
    encode: (e, v) => {
      const tag = Number(v.type);
      const codec = table.get(tag);
      if (!codec) throw new XdrError(`union: unknown discriminant ${tag}`, e.length);
      e.int(tag);
      codec.encode(e, v.value);
    },
    decode: (d) => {
      const at = d.offset;
      const tag = d.int();
      const codec = table.get(tag);
      if (!codec) throw new XdrError(`union: unknown discriminant ${tag}`, at);
      return { type: tag, value: codec.decode(d) } as UnionValue<A>;
    },
  };
}

/** Enum: an int restricted to the given values. */
export function enumeration<V extends number>(values: readonly V[]): Codec<V> {
  const allowed = new Set<number>(values);
  return {
    kind: 'enum',
    encode: (e, v) => {
      if (!allowed.has(v)) throw new XdrError(`enum: invalid value ${v}`, e.length);
      e.int(v);
    },
    decode: (d) => {
      const at = d.offset;
      const v = d.int();
      if (!allowed.has(v)) throw new XdrError(`enum: invalid value ${v}`, at);
      return v as V;
    },
  };
}

/** No data at all (procedures without args or ret). */
export const xvoid: Codec<void, void | undefined> = {
  kind: 'void',
  encode: () => undefined,
  decode: () => undefined,
};

/** Transforms the decoded/encoded representation of another codec. */
export function mapped<T, I, U, J>(
  codec: Codec<T, I>,
  to: (v: T) => U,
  from: (v: J) => I,
): Codec<U, J> {
  return {
    kind: codec.kind,
    encode: (e: Encoder, v: J) => codec.encode(e, from(v)),
    decode: (d: Decoder) => to(codec.decode(d)),
  };
}
