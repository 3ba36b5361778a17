import { connect, type Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { CONSOLE_MAX_FRAME_BYTES, ConsoleCloseCode } from '../../common/consoles.js';
import { parseDomainConsoles, type VncTarget } from './domain-consoles.js';
import { classifyConsoleError, errorMessage } from './errors.js';
import { VIR_DOMAIN_XML_SECURE, uuidBytes, type ConsoleLibvirt, type WatchDomainStart } from './libvirt-port.js';
import { SocketPipe } from './pipe.js';
import type { DomainRef } from '../libvirt/remote-types.js';
import { closeSocket, rawDataToBuffer, sendControl } from './socket.js';

export interface VncSessionOptions {
  ws: WebSocket;
  client: ConsoleLibvirt;
  uuid: string;
  watchStart: WatchDomainStart;
  log: FastifyBaseLogger;
  /** When the VM is off, keep the socket and announce its start (`restarted`) instead of refusing. */
  waitForStart?: boolean;
  connectTimeoutMs?: number;
}

/**
 * Relays RFB bytes between one browser socket and the VM's own VNC server. The target comes only
 * from the live domain XML; nothing the browser sends can point it elsewhere.
 */
export class VncSession {
  private closed = false;
  private pipe: SocketPipe | null = null;
  private tcp: Socket | null = null;
  private unwatch: (() => void) | null = null;
  private dom: DomainRef | null = null;
  /** Browser bytes that arrive before the VNC server is reached (none in practice: the server speaks first). */
  private pending: Buffer[] = [];

  constructor(private readonly o: VncSessionOptions) {
    o.ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    o.ws.on('close', () => this.teardown());
    o.ws.on('error', () => this.teardown());
  }

  async start(): Promise<void> {
    try {
      const { dom } = await this.o.client.domainLookupByUuid({ uuid: uuidBytes(this.o.uuid) });
      this.dom = dom;
      if (dom.id === -1) {
        if (this.o.waitForStart === true) this.waitForStart('The VM is not running; the display opens when it starts');
        else this.refuse(ConsoleCloseCode.notRunning, 'The VM is not running');
        return;
      }
      const { xml } = await this.o.client.domainGetXmlDesc({ dom, flags: VIR_DOMAIN_XML_SECURE });
      const { vnc } = parseDomainConsoles(xml);
      if (vnc === null) {
        this.refuse(ConsoleCloseCode.noGraphics, 'This VM has no VNC graphics');
        return;
      }
      if (vnc.target === null) {
        this.refuse(ConsoleCloseCode.noGraphics, 'The VM\'s VNC server has no reachable listener (listen type none)');
        return;
      }
      const tcp = await this.open(vnc.target);
      if (this.closed) {
        tcp.destroy();
        return;
      }
      this.tcp = tcp;
      sendControl(this.o.ws, { type: 'status', state: 'connected', message: 'Connected to the VM\'s VNC server' });
      // The password goes only to the browser holding this socket, before any RFB byte.
      if (vnc.password !== null) sendControl(this.o.ws, { type: 'vnc-credentials', password: vnc.password });
      this.pipe = new SocketPipe(this.o.ws, tcp, () => this.onUpstreamEnded());
      for (const chunk of this.pending) this.pipe.writeUpstream(chunk);
      this.pending = [];
    } catch (error) {
      this.onError(error);
    }
  }

  private open(target: VncTarget): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = target.kind === 'unix'
        ? connect({ path: target.path })
        : connect({ host: target.host, port: target.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('timed out reaching the VM\'s VNC server'));
      }, this.o.connectTimeoutMs ?? 5000);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const bytes = rawDataToBuffer(data);
    if (bytes.length > CONSOLE_MAX_FRAME_BYTES) {
      closeSocket(this.o.ws, ConsoleCloseCode.tooBig, `frame larger than ${CONSOLE_MAX_FRAME_BYTES} bytes`);
      return;
    }
    if (!isBinary) return; // no browser control messages on the VNC socket
    if (this.pipe !== null) this.pipe.writeUpstream(bytes);
    else if (this.tcp === null) this.pending.push(bytes);
  }

  /** The VNC server went away: usually the VM stopped. Wait for it to start, then ask the pane to reconnect. */
  private onUpstreamEnded(): void {
    this.pipe = null;
    this.tcp = null;
    this.waitForStart('The VM\'s display closed (VM stopped or restarting); reconnecting when it runs');
  }

  private waitForStart(message: string): void {
    if (this.closed || this.dom === null) return;
    sendControl(this.o.ws, { type: 'status', state: 'vm-not-running', message });
    const restarted = (): void => {
      if (this.unwatch === null) return;
      this.unwatch();
      this.unwatch = null;
      sendControl(this.o.ws, { type: 'restarted', message: 'The VM started again' });
      closeSocket(this.o.ws, ConsoleCloseCode.restarted, 'The VM started again; reconnect');
    };
    this.unwatch = this.o.watchStart(this.dom, restarted);
    // A reboot inside the same QEMU never closes the display; a QEMU restart may already be done.
    this.o.client.domainLookupByUuid({ uuid: uuidBytes(this.o.uuid) })
      .then(({ dom }) => { if (dom.id !== -1) restarted(); })
      .catch(() => undefined);
  }

  private onError(error: unknown): void {
    switch (classifyConsoleError(error)) {
      case 'no-domain':
        this.refuse(ConsoleCloseCode.notFound, 'No such VM on this host');
        return;
      case 'not-running':
        this.refuse(ConsoleCloseCode.notRunning, 'The VM is not running');
        return;
      case 'not-connected':
        this.refuse(ConsoleCloseCode.hostUnavailable, 'The host is not connected');
        return;
      default:
        this.o.log.warn({ err: error, uuid: this.o.uuid }, 'VNC relay failed');
        this.refuse(ConsoleCloseCode.upstreamClosed, `Cannot reach the VM's VNC server: ${errorMessage(error)}`);
    }
  }

  private refuse(code: (typeof ConsoleCloseCode)[keyof typeof ConsoleCloseCode], message: string): void {
    sendControl(this.o.ws, { type: 'status', state: code === ConsoleCloseCode.notRunning ? 'vm-not-running' : 'closed', message });
    closeSocket(this.o.ws, code, message);
    this.teardown();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.unwatch = null;
    this.pipe?.destroy();
    this.pipe = null;
    this.tcp?.destroy();
    this.tcp = null;
    this.pending = [];
  }
}
