import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** Pause the upstream source while the browser has more than this queued. */
export const SOCKET_HIGH_WATER = 1024 * 1024;
const SOCKET_LOW_WATER = 256 * 1024;
/** libvirt stream packets carry at most 262,120 bytes; stay well below. */
const UPSTREAM_CHUNK = 64 * 1024;

/**
 * Moves bytes between a browser WebSocket and an upstream byte stream (a libvirt console stream or
 * a TCP/unix socket to a VNC server), with backpressure both ways: the upstream pauses while the
 * WebSocket's send buffer is high, and the WebSocket stops reading while the upstream is full.
 */
export class SocketPipe {
  private detached = false;
  private upstreamPaused = false;
  private socketPaused = false;
  private readonly onData = (chunk: Buffer): void => this.forwardToSocket(chunk);
  private readonly onEnd = (): void => this.finish();
  private readonly onError = (error: Error): void => this.finish(error);
  private readonly onDrain = (): void => this.resumeSocket();

  constructor(
    private readonly ws: WebSocket,
    private readonly upstream: Duplex,
    private readonly onUpstreamEnd: (error?: Error) => void,
  ) {
    upstream.on('data', this.onData);
    upstream.on('end', this.onEnd);
    upstream.on('close', this.onEnd);
    upstream.on('error', this.onError);
    upstream.on('drain', this.onDrain);
  }

  /** Bytes from the browser. */
  writeUpstream(data: Buffer): void {
    if (this.detached) return;
    let ok = true;
    for (let offset = 0; offset < data.length; offset += UPSTREAM_CHUNK) {
      ok = this.upstream.write(data.subarray(offset, offset + UPSTREAM_CHUNK));
    }
    if (!ok && !this.socketPaused) {
      this.socketPaused = true;
      this.ws.pause();
    }
  }

  /** Stops moving bytes without touching the upstream. */
  detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.upstream.off('data', this.onData);
    this.upstream.off('end', this.onEnd);
    this.upstream.off('close', this.onEnd);
    this.upstream.off('error', this.onError);
    this.upstream.off('drain', this.onDrain);
    // Errors after detaching must not crash the process.
    this.upstream.on('error', () => undefined);
    this.resumeSocket();
  }

  /** Stops and releases the upstream (aborts the libvirt stream, closes the TCP socket). */
  destroy(): void {
    this.detach();
    this.upstream.destroy();
  }

  private forwardToSocket(chunk: Buffer): void {
    if (this.ws.readyState !== 1) return;
    this.ws.send(chunk, { binary: true }, () => {
      if (this.upstreamPaused && this.ws.bufferedAmount < SOCKET_LOW_WATER) {
        this.upstreamPaused = false;
        if (!this.detached) this.upstream.resume();
      }
    });
    if (!this.upstreamPaused && this.ws.bufferedAmount > SOCKET_HIGH_WATER) {
      this.upstreamPaused = true;
      this.upstream.pause();
    }
  }

  private resumeSocket(): void {
    if (this.socketPaused) {
      this.socketPaused = false;
      this.ws.resume();
    }
  }

  private finish(error?: Error): void {
    if (this.detached) return;
    this.detach();
    this.onUpstreamEnd(error);
  }
}
