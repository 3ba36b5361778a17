import { int, uint, withDefault, type Codec, type In, type Out } from './xdr/index.js';

// Methods are bivariant in their parameters, so every codec fits this constraint.
type AnyCodec = Codec<unknown, unknown>;

/** One remote procedure: its number and the codecs of its args and ret structs. */
export interface Procedure<A extends AnyCodec = AnyCodec, R extends AnyCodec = AnyCodec> {
  readonly kind: 'call';
  readonly number: number;
  readonly args: A;
  readonly ret: R;
}

/** A procedure whose successful reply opens a data stream on the same serial. */
export interface StreamProcedure<A extends AnyCodec = AnyCodec> {
  readonly kind: 'stream';
  readonly number: number;
  readonly args: A;
  /** Which way data flows, from the client's point of view. */
  readonly direction: 'read' | 'write' | 'both';
}

export function proc<A extends AnyCodec, R extends AnyCodec>(number: number, args: A, ret: R): Procedure<A, R> {
  return { kind: 'call', number, args, ret };
}

export function streamProc<A extends AnyCodec>(
  number: number,
  args: A,
  direction: 'read' | 'write' | 'both',
): StreamProcedure<A> {
  return { kind: 'stream', number, args, direction };
}

export type ProcedureTable = Record<string, Procedure | StreamProcedure>;

export interface CallOptions {
  /** Overrides the client's callTimeoutMs for this call (0 = no timeout). */
  timeoutMs?: number;
}

/** `flags` of every args struct: defaults to 0 when left out. */
export const flags = withDefault(uint, 0);
/** `need_results` of the list-all calls: defaults to 1 (return the objects). */
export const needResults = withDefault(int, 1);

/** An int that libvirt treats as a boolean: accepts true/false or a number, decodes to the number. */
export const intFlag: Codec<number, number | boolean> = {
  kind: 'int',
  encode: (e, v) => e.int(typeof v === 'boolean' ? (v ? 1 : 0) : v),
  decode: (d) => d.int(),
};

type ArgsParam<A extends AnyCodec> = [In<A>] extends [void | undefined]
  ? [args?: undefined, options?: CallOptions]
  : object extends In<A>
    ? [args?: In<A>, options?: CallOptions]
    : [args: In<A>, options?: CallOptions];

/** The typed method a procedure becomes on the client. */
export type MethodOf<P, S> =
  P extends Procedure<infer A, infer R>
    ? (...params: ArgsParam<A>) => Promise<Out<R>>
    : P extends StreamProcedure<infer A>
      ? (...params: ArgsParam<A>) => Promise<S>
      : never;

export type MethodsOf<T extends ProcedureTable, S> = { [K in keyof T]: MethodOf<T[K], S> };
