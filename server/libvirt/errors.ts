import { errorCodeNames } from './error-codes.js';

/** The fields of libvirt's remote_error as sent by the daemon. */
export interface RemoteErrorFields {
  code: number;
  domain: number;
  message: string | null;
  level: number;
  str1: string | null;
  str2: string | null;
  str3: string | null;
  int1: number;
  int2: number;
}

/** An error reported by libvirt, carrying libvirt's own code, domain and message. */
export class LibvirtError extends Error {
  override readonly name: string = 'LibvirtError';
  readonly code: number;
  readonly domain: number;
  readonly level: number;
  readonly str1: string | null;
  readonly str2: string | null;
  readonly str3: string | null;
  readonly int1: number;
  readonly int2: number;

  constructor(fields: RemoteErrorFields) {
    super(fields.message ?? `libvirt error ${fields.code}`);
    this.code = fields.code;
    this.domain = fields.domain;
    this.level = fields.level;
    this.str1 = fields.str1;
    this.str2 = fields.str2;
    this.str3 = fields.str3;
    this.int1 = fields.int1;
    this.int2 = fields.int2;
  }

  /** Symbolic name of `code`, e.g. `VIR_ERR_NO_DOMAIN`. */
  get codeName(): string {
    return errorCodeNames[this.code] ?? `VIR_ERR_${this.code}`;
  }
}

/** Whether `err` is libvirt's error with this virErrorNumber (`isLibvirtCode(err, VIR_ERR_NO_DOMAIN)`). */
export function isLibvirtCode(err: unknown, code: number): err is LibvirtError {
  return err instanceof LibvirtError && err.code === code;
}

/** The client has no open connection (never connected, reconnecting or closed). */
export class NotConnectedError extends Error {
  override readonly name: string = 'NotConnectedError';
  constructor(message = 'not connected to libvirtd', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The connection dropped while the call was in flight; the call may or may not have run. */
export class ConnectionLostError extends NotConnectedError {
  override readonly name: string = 'ConnectionLostError';
}

/** No reply arrived within the call timeout. */
export class CallTimeoutError extends Error {
  override readonly name: string = 'CallTimeoutError';
  constructor(
    readonly procedure: string,
    readonly timeoutMs: number,
  ) {
    super(`${procedure}: no reply within ${timeoutMs} ms`);
  }
}

/** The daemon sent something that violates the protocol (bad framing, undecodable body). */
export class ProtocolError extends Error {
  override readonly name: string = 'ProtocolError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A stream's reader fell too far behind: more than `limitBytes` arrived unread on a shared
 * connection, so the stream was aborted rather than stall every other call on that connection.
 */
export class StreamOverflowError extends Error {
  override readonly name: string = 'StreamOverflowError';
  constructor(
    readonly procedure: string,
    readonly limitBytes: number,
  ) {
    super(`${procedure}: reader too slow, more than ${limitBytes} bytes arrived unread; stream aborted`);
  }
}
