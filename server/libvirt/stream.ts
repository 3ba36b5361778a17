import { Duplex } from 'node:stream';
import { NotConnectedError, StreamOverflowError } from './errors.js';
import type { PacketHeader } from './framing.js';
import { MessageStatus, MessageType, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, STREAM_PAYLOAD_MAX } from './protocol.js';
import { decodeRemoteError, type StreamSink, type Transport } from './transport.js';

export type StreamDirection = 'read' | 'write' | 'both';

/** What a stream does when its reader falls behind. */
export interface StreamReadPolicy {
  /**
   * The connection carries only this stream: pause the socket while the reader is full (true
   * backpressure). Otherwise the socket keeps flowing for everyone else and the stream buffers.
   */
  pauseSocket: boolean;
  /** Unread bytes held before the stream is aborted with StreamOverflowError (shared connections). */
  maxBufferedBytes: number;
}

export const DEFAULT_STREAM_BUFFER_BYTES = 4 * 1024 * 1024;
const sharedPolicy: StreamReadPolicy = { pauseSocket: false, maxBufferedBytes: DEFAULT_STREAM_BUFFER_BYTES };

const CONSUMER_EVENTS = new Set<string | symbol>(['error', 'data', 'readable', 'end', 'close', 'finish']);

/**
 * A libvirt data stream (console, volume upload/download) as a Node Duplex.
 * Data travels in STREAM packets on the serial of the call that opened it:
 * CONTINUE carries raw bytes, OK finishes, ERROR aborts.
 */
export class LibvirtStream extends Duplex implements StreamSink {
  /** The daemon finished its side (sent OK) or failed it. */
  private remoteDone = false;
  /** We sent OK (finish) or ERROR (abort). */
  private localDone = false;
  private finishCallback: ((err?: Error | null) => void) | undefined;
  private socketPaused = false;
  private eofPushed = false;
  private pendingError: Error | undefined;

  constructor(
    private readonly transport: Transport,
    readonly procedure: number,
    readonly serial: number,
    readonly direction: StreamDirection,
    readonly procedureName: string,
    private readonly policy: StreamReadPolicy = sharedPolicy,
  ) {
    super({ allowHalfOpen: false });
    // Write-only streams never carry data to read; flowing lets 'end' and 'close' happen.
    if (direction === 'write') this.resume();
  }

  onPacket(header: PacketHeader, body: Buffer): void {
    // A zero-length CONTINUE is how the daemon signals the end of data it sends.
    if (header.status === MessageStatus.CONTINUE && header.type === MessageType.STREAM && body.length > 0) {
      if (this.remoteDone || this.destroyed || this.pendingError) return;
      const roomLeft = this.push(body);
      if (this.policy.pauseSocket) {
        if (!roomLeft && !this.socketPaused) {
          this.socketPaused = true;
          this.transport.pauseFor(this.serial);
        }
      } else if (this.readableLength > this.policy.maxBufferedBytes) {
        // A shared socket is never paused for one reader: a stalled console must not stall every call.
        this.abort(new StreamOverflowError(this.procedureName, this.policy.maxBufferedBytes));
      }
      return;
    }
    if (this.finishCallback) {
      // The daemon's answer to our finish: OK confirms it, ERROR says why it failed.
      this.remoteDone = true;
      this.settleFinish(header.status === MessageStatus.OK ? null : decodeRemoteError(body));
      return;
    }
    if (this.remoteDone) {
      // The answer to the finish we sent after the daemon ended the stream.
      this.release();
      return;
    }
    this.remoteDone = true;
    if (header.status !== MessageStatus.ERROR) {
      // The daemon ended the stream: acknowledge with our finish, then end reading.
      if (!this.localDone) {
        this.localDone = true;
        this.sendStatus(MessageStatus.OK);
      } else {
        this.release();
      }
      this.endReadable();
      return;
    }
    this.localDone = true;
    this.release();
    this.fail(decodeRemoteError(body));
  }

  onClose(err: Error): void {
    this.remoteDone = true;
    this.localDone = true;
    this.socketPaused = false;
    const reason = err instanceof NotConnectedError ? err : new NotConnectedError(`${this.procedureName}: stream lost`, { cause: err });
    if (this.finishCallback) this.settleFinish(reason);
    else if (!this.readableEnded || !this.writableFinished) this.fail(reason);
  }

  /** Aborts the stream on the daemon now and fails it locally with `err`. */
  private abort(err: Error): void {
    this.remoteDone = true;
    if (!this.localDone) {
      this.localDone = true;
      this.sendStatus(MessageStatus.ERROR);
    }
    this.release();
    this.fail(err);
  }

  /**
   * Destroys with `err` once someone can hear it. The daemon may fail a stream in
   * the same packet burst as the reply that opened it, before the caller got the
   * stream and attached an 'error' listener; emitting then would crash the process.
   */
  private fail(err: Error): void {
    if (this.listenerCount('error') > 0) {
      this.destroy(err);
      return;
    }
    this.pendingError = err;
    // Delivered once the consumer shows up (it attaches its listeners in one go).
    const onListener = (event: string | symbol): void => {
      if (!CONSUMER_EVENTS.has(event)) return;
      this.off('newListener', onListener);
      process.nextTick(() => this.deliverPendingError());
    };
    this.on('newListener', onListener);
  }

  private deliverPendingError(): boolean {
    const err = this.pendingError;
    if (!err) return false;
    this.pendingError = undefined;
    this.destroy(err);
    return true;
  }

  override _read(): void {
    if (this.socketPaused) {
      this.socketPaused = false;
      this.transport.resumeFor(this.serial);
    }
  }

  override _write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.pendingError) {
      callback(this.pendingError);
      this.pendingError = undefined;
      return;
    }
    if (this.direction === 'read') {
      callback(new Error(`${this.procedureName}: stream is read-only`));
      return;
    }
    if (this.localDone || this.remoteDone || !this.transport.isOpen) {
      callback(new NotConnectedError(`${this.procedureName}: stream already finished`));
      return;
    }
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    let ok = true;
    for (let off = 0; off < data.length; off += STREAM_PAYLOAD_MAX) {
      ok = this.transport.write(this.header(MessageStatus.CONTINUE), data.subarray(off, off + STREAM_PAYLOAD_MAX));
    }
    if (ok) callback();
    else this.transport.onDrain(() => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.localDone) {
      callback();
      return;
    }
    this.localDone = true;
    this.finishCallback = callback;
    this.sendStatus(MessageStatus.OK);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.localDone) {
      // Abort on the daemon too; its error reply is ignored.
      this.localDone = true;
      this.sendStatus(MessageStatus.ERROR);
    }
    this.release();
    callback(error);
  }

  private settleFinish(err: Error | null): void {
    const cb = this.finishCallback;
    this.finishCallback = undefined;
    this.release();
    if (!err) this.endReadable();
    cb?.(err);
  }

  private endReadable(): void {
    if (this.eofPushed) return;
    this.eofPushed = true;
    this.push(null);
  }

  private release(): void {
    this.transport.unregisterStream(this.serial);
  }

  private sendStatus(status: number): void {
    this.transport.write(this.header(status));
  }

  private header(status: number): PacketHeader {
    return {
      program: REMOTE_PROGRAM,
      version: REMOTE_PROTOCOL_VERSION,
      procedure: this.procedure,
      type: MessageType.STREAM,
      serial: this.serial,
      status,
    };
  }
}
