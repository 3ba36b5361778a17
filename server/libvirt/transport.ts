import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { CallTimeoutError, ConnectionLostError, LibvirtError, NotConnectedError, ProtocolError } from './errors.js';
import { encodePacket, PacketReader, type Packet, type PacketHeader } from './framing.js';
import {
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  KEEPALIVE_PROTOCOL_VERSION,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
  REMOTE_PROTOCOL_VERSION,
} from './protocol.js';
import { remoteError } from './remote-types.js';
import { connectSocket } from './transports/socket.js';
import { decode } from './xdr/index.js';

/** Receives the STREAM packets (and the stream's late replies) of one serial. */
export interface StreamSink {
  onPacket(header: PacketHeader, body: Buffer): void;
  onClose(err: Error): void;
}

interface PendingCall {
  name: string;
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export interface KeepaliveOptions {
  /** Idle time after which we send a PING (ms). */
  intervalMs: number;
  /** Unanswered intervals after which the daemon counts as dead. */
  count: number;
}

export interface TransportEvents {
  /** An asynchronous MESSAGE of the remote program (events). */
  message: [Packet];
  /** The daemon sent a keepalive PING, which was answered. */
  ping: [];
  /** The socket closed; `error` says why when it was not our own close(). */
  close: [Error | undefined];
}

/** A duplex byte stream to libvirtd (unix or TCP socket, TLS session, SSH channel) and what carries it. */
export interface ByteStream {
  stream: Duplex;
  /** Releases what carries the stream (e.g. the SSH connection); called once, when the transport closes. */
  dispose?: () => void;
  /** More words for the message of an unexpected close (e.g. what the remote command wrote on stderr). */
  closeDetail?: () => string | undefined;
}

/** Decodes a remote_error body into a LibvirtError (ProtocolError if it cannot). */
export function decodeRemoteError(body: Buffer): Error {
  try {
    return new LibvirtError(decode(remoteError, body));
  } catch (err) {
    return new ProtocolError('undecodable error reply', { cause: err });
  }
}

/**
 * One socket to libvirtd: frames packets, matches replies to calls by serial
 * (replies may come in any order), routes stream packets and events, answers
 * and sends keepalive pings.
 */
export class Transport extends EventEmitter<TransportEvents> {
  private readonly reader = new PacketReader();
  private readonly pending = new Map<number, PendingCall>();
  private readonly streams = new Map<number, StreamSink>();
  private serial = 0;
  private closed = false;
  private closeError: Error | undefined;
  private lastRx = Date.now();
  /** PINGs sent since anything last arrived. */
  private unanswered = 0;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private pausedBy = new Set<number>();

  private readonly socket: Duplex;

  private constructor(private readonly carrier: ByteStream) {
    super();
    const socket = carrier.stream;
    this.socket = socket;
    if (socket instanceof net.Socket) socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.shutdown(new ConnectionLostError(`connection to libvirtd failed: ${err.message}${this.detail()}`, { cause: err })));
    socket.on('close', () => {
      this.shutdown(new ConnectionLostError(`connection to libvirtd closed${this.detail()}`));
      this.release();
    });
    // A stream handed over paused (TLS after its status byte) starts flowing here.
    socket.resume();
  }

  private released = false;

  /** Releases what carries the stream (once), after the stream itself is gone. */
  private release(): void {
    if (this.released) return;
    this.released = true;
    this.carrier.dispose?.();
  }

  /** A transport over a stream that is already connected (and, for TLS, confirmed). */
  static over(carrier: ByteStream): Transport {
    return new Transport(carrier);
  }

  private detail(): string {
    const extra = this.carrier.closeDetail?.();
    return extra === undefined || extra === '' ? '' : `: ${extra}`;
  }

  /** Opens the unix socket; rejects with NotConnectedError when it cannot. */
  static async open(socketPath: string, timeoutMs: number): Promise<Transport> {
    return new Transport(await connectSocket({ path: socketPath }, socketPath, timeoutMs));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a CALL and resolves with the reply body; error replies reject with LibvirtError. */
  call(procedure: number, body: Buffer, timeoutMs: number, name: string): Promise<Buffer> {
    if (this.closed) return Promise.reject(new NotConnectedError(`${name}: not connected to libvirtd`));
    const serial = this.nextSerial();
    return this.callWithSerial(serial, procedure, body, timeoutMs, name);
  }

  /** Like call(), with a serial reserved earlier through nextSerial() (streams register first). */
  callWithSerial(serial: number, procedure: number, body: Buffer, timeoutMs: number, name: string): Promise<Buffer> {
    if (this.closed) return Promise.reject(new NotConnectedError(`${name}: not connected to libvirtd`));
    return new Promise<Buffer>((resolve, reject) => {
      const entry: PendingCall = { name, resolve, reject, timer: undefined };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(serial);
          reject(new CallTimeoutError(name, timeoutMs));
        }, timeoutMs);
      }
      this.pending.set(serial, entry);
      this.write({
        program: REMOTE_PROGRAM,
        version: REMOTE_PROTOCOL_VERSION,
        procedure,
        type: MessageType.CALL,
        serial,
        status: MessageStatus.OK,
      }, body);
    });
  }

  nextSerial(): number {
    this.serial = (this.serial + 1) >>> 0;
    if (this.serial === 0) this.serial = 1;
    return this.serial;
  }

  /** Writes a packet; returns false when the socket buffer is full (wait for 'drain' via onDrain). */
  write(header: PacketHeader, body?: Uint8Array): boolean {
    if (this.closed) return false;
    return this.socket.write(encodePacket(header, body));
  }

  onDrain(cb: () => void): void {
    if (this.closed || !this.socket.writableNeedDrain) {
      cb();
      return;
    }
    const done = (): void => {
      this.socket.off('drain', done);
      this.off('close', done);
      cb();
    };
    this.socket.on('drain', done);
    this.on('close', done);
  }

  registerStream(serial: number, sink: StreamSink): void {
    this.streams.set(serial, sink);
  }

  unregisterStream(serial: number): void {
    this.streams.delete(serial);
    this.resumeFor(serial);
  }

  /** Stops reading from the socket while a stream consumer is full (dedicated connections only). */
  pauseFor(serial: number): void {
    this.pausedBy.add(serial);
    this.socket.pause();
  }

  resumeFor(serial: number): void {
    if (!this.pausedBy.delete(serial)) return;
    if (this.pausedBy.size === 0) {
      this.lastRx = Date.now();
      this.unanswered = 0;
      this.socket.resume();
    }
  }

  /**
   * Starts keepalive: answer PINGs always; when nothing arrived for an interval,
   * send a PING; after `count` unanswered PINGs the daemon counts as dead.
   */
  startKeepalive(opts: KeepaliveOptions): void {
    this.stopKeepalive();
    this.lastRx = Date.now();
    this.unanswered = 0;
    this.keepaliveTimer = setInterval(() => {
      if (this.pausedBy.size > 0) return;
      const idle = Date.now() - this.lastRx;
      if (idle < opts.intervalMs) return;
      if (this.unanswered >= opts.count) {
        this.destroy(new ConnectionLostError(`libvirtd did not answer keepalive for ${idle} ms`));
        return;
      }
      this.unanswered += 1;
      this.sendKeepalive(KEEPALIVE_PROC_PING);
    }, opts.intervalMs);
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
  }

  private sendKeepalive(procedure: number): void {
    this.write({
      program: KEEPALIVE_PROGRAM,
      version: KEEPALIVE_PROTOCOL_VERSION,
      procedure,
      type: MessageType.MESSAGE,
      serial: 0,
      status: MessageStatus.OK,
    });
  }

  /** Closes the socket; pending calls fail with `reason`. */
  destroy(reason?: Error): void {
    this.shutdown(reason);
    this.socket.destroy();
    this.release();
  }

  /** Ends the socket gracefully after what is queued. */
  end(): void {
    this.shutdown(undefined);
    this.socket.end();
  }

  private onData(chunk: Buffer): void {
    this.lastRx = Date.now();
    this.unanswered = 0;
    let packets: Packet[];
    try {
      packets = this.reader.push(chunk);
    } catch (err) {
      this.destroy(err instanceof Error ? err : new ProtocolError(String(err)));
      return;
    }
    for (const packet of packets) {
      if (this.closed) return;
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet): void {
    const { header, body } = packet;
    if (header.program === KEEPALIVE_PROGRAM) {
      if (header.procedure === KEEPALIVE_PROC_PING) {
        this.sendKeepalive(KEEPALIVE_PROC_PONG);
        this.emit('ping');
      }
      return;
    }
    if (header.program !== REMOTE_PROGRAM) return;
    switch (header.type) {
      case MessageType.REPLY:
      case MessageType.REPLY_WITH_FDS: {
        const call = this.pending.get(header.serial);
        if (call) {
          this.pending.delete(header.serial);
          if (call.timer) clearTimeout(call.timer);
          if (header.status === MessageStatus.OK) call.resolve(body);
          else call.reject(decodeRemoteError(body));
          return;
        }
        // A reply to a stream's finish/abort arrives as REPLY on the stream's serial.
        this.streams.get(header.serial)?.onPacket(header, body);
        return;
      }
      case MessageType.STREAM:
        this.streams.get(header.serial)?.onPacket(header, body);
        return;
      case MessageType.MESSAGE:
        this.emit('message', packet);
        return;
      default:
        return;
    }
  }

  private shutdown(reason: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;

    this.closeError = reason;
    this.stopKeepalive();
    this.reader.reset();
    const err = reason ?? new NotConnectedError('connection closed');
    for (const [, call] of this.pending) {
      if (call.timer) clearTimeout(call.timer);
      call.reject(err instanceof ConnectionLostError || err instanceof NotConnectedError
        ? new ConnectionLostError(`${call.name}: ${err.message}`, { cause: err })
        : err);
    }
    this.pending.clear();
    for (const [, sink] of this.streams) sink.onClose(err);
    this.streams.clear();
    this.emit('close', this.closeError);
  }
}
