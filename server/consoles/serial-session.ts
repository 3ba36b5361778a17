import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import {
  CONSOLE_MAX_FRAME_BYTES,
  ConsoleCloseCode,
  parseClientControl,
  type ConsoleState,
} from '../../common/consoles.js';
import type { DomainRef } from '../libvirt/remote-types.js';
import { parseDomainConsoles } from './domain-consoles.js';
import { classifyConsoleError, errorMessage } from './errors.js';
import { ConsoleHolders, type ConsoleHolder } from './holders.js';
import {
  VIR_DOMAIN_CONSOLE_FORCE,
  VIR_DOMAIN_CONSOLE_SAFE,
  uuidBytes,
  type ConsoleLibvirt,
  type WatchDomainStart,
} from './libvirt-port.js';
import { SocketPipe } from './pipe.js';
import { closeSocket, rawDataToBuffer, sendControl } from './socket.js';

/** QEMU assigns the pty a moment after it starts; libvirt says "not yet assigned" until then. */
const NOT_READY_RETRY_MS = 250;
const MAX_NOT_READY_RETRIES = 40;

export interface SerialSessionOptions {
  ws: WebSocket;
  client: ConsoleLibvirt;
  hostId: string;
  uuid: string;
  /** Requested device alias; null = the first serial console. */
  device: string | null;
  force: boolean;
  holders: ConsoleHolders;
  watchStart: WatchDomainStart;
  log: FastifyBaseLogger;
}

/**
 * One browser socket attached to one VM serial console through libvirt's console stream.
 * Survives VM restarts (reattaches on the start event) and reports every state as a status frame.
 */
export class SerialSession implements ConsoleHolder {
  private state: ConsoleState = 'connecting';
  private closed = false;
  private busy = false;
  private again: { force: boolean } | null = null;
  private pipe: SocketPipe | null = null;
  private domId = -1;
  private dom: DomainRef | null = null;
  private deviceName: string | null;
  private key: string | null = null;
  private unwatch: (() => void) | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retries = 0;

  constructor(private readonly o: SerialSessionOptions) {
    this.deviceName = o.device;
    o.ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    o.ws.on('close', () => this.teardown());
    o.ws.on('error', () => this.teardown());
  }

  start(): void {
    this.status('connecting', 'Opening the serial console');
    void this.attach(this.o.force);
  }

  displace(): void {
    if (this.closed) return;
    this.pipe?.destroy();
    this.pipe = null;
    sendControl(this.o.ws, { type: 'displaced', message: 'Another client took over this console' });
    this.status('in-use', 'Another client took over this console. Take over to get it back.');
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const bytes = rawDataToBuffer(data);
    if (bytes.length > CONSOLE_MAX_FRAME_BYTES) {
      closeSocket(this.o.ws, ConsoleCloseCode.tooBig, `frame larger than ${CONSOLE_MAX_FRAME_BYTES} bytes`);
      return;
    }
    if (isBinary) {
      this.pipe?.writeUpstream(bytes);
      return;
    }
    const control = parseClientControl(bytes.toString('utf8'));
    if (control?.type === 'take-over' && this.state === 'in-use') void this.attach(true);
    // resize: accepted; a serial line has no window size to pass on.
  }

  private status(state: ConsoleState, message: string): void {
    this.state = state;
    const device = this.deviceName ?? undefined;
    sendControl(this.o.ws, device === undefined
      ? { type: 'status', state, message }
      : { type: 'status', state, message, device });
  }

  private fail(code: (typeof ConsoleCloseCode)[keyof typeof ConsoleCloseCode], message: string): void {
    this.status('closed', message);
    closeSocket(this.o.ws, code, message);
    this.teardown();
  }

  private async attach(force: boolean): Promise<void> {
    if (this.closed) return;
    if (this.busy) {
      this.again = { force: force || (this.again?.force ?? false) };
      return;
    }
    this.busy = true;
    let endTakeover: (() => void) | null = null;
    try {
      const { dom } = await this.o.client.domainLookupByUuid({ uuid: uuidBytes(this.o.uuid) });
      this.dom = dom;
      if (dom.id === -1) {
        this.waitForStart();
        return;
      }
      const device = await this.chooseDevice(dom);
      if (device === null || this.closed) return;
      this.key = ConsoleHolders.key(this.o.hostId, this.o.uuid, device);
      if (force) endTakeover = this.o.holders.beginTakeover(this.key);
      const flags = VIR_DOMAIN_CONSOLE_SAFE | (force ? VIR_DOMAIN_CONSOLE_FORCE : 0);
      const stream = await this.o.client.domainOpenConsole({ dom, devName: device, flags });
      if (this.closed) {
        stream.destroy();
        return;
      }
      this.connect(stream, dom, this.key);
    } catch (error) {
      this.onAttachError(error, force);
    } finally {
      endTakeover?.();
      this.busy = false;
      const again = this.again;
      this.again = null;
      if (again !== null && this.pipe === null) void this.attach(again.force);
    }
  }

  private async chooseDevice(dom: DomainRef): Promise<string | null> {
    const { xml } = await this.o.client.domainGetXmlDesc({ dom, flags: 0 });
    const devices = parseDomainConsoles(xml).serial;
    const wanted = this.deviceName;
    const device = wanted === null ? devices[0] : devices.find((d) => d.name === wanted);
    if (device === undefined) {
      this.fail(ConsoleCloseCode.notFound, wanted === null
        ? 'This VM has no serial console'
        : `This VM has no console device named ${wanted}`);
      return null;
    }
    if (device.sourceType !== 'pty') {
      this.fail(ConsoleCloseCode.badRequest,
        `Console ${device.name} is of type ${device.sourceType}; only pty consoles can be attached`);
      return null;
    }
    this.deviceName = device.name;
    return device.name;
  }

  private connect(stream: Duplex, dom: DomainRef, key: string): void {
    this.domId = dom.id;
    this.retries = 0;
    this.pipe = new SocketPipe(this.o.ws, stream, (error) => void this.onStreamEnded(error));
    this.o.holders.claim(key, this);
    this.status('connected', `Connected to ${this.deviceName ?? 'the serial console'}`);
  }

  private onAttachError(error: unknown, force = false): void {
    switch (classifyConsoleError(error)) {
      case 'not-ready':
        if (this.retries < MAX_NOT_READY_RETRIES) {
          this.retries++;
          this.status('connecting', 'Waiting for the VM\'s console device');
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.attach(force);
          }, NOT_READY_RETRY_MS);
          return;
        }
        this.fail(ConsoleCloseCode.internal, `Cannot open the console: ${errorMessage(error)}`);
        return;
      case 'in-use':
        this.status('in-use', 'Another client is using this console. Take over to disconnect it.');
        return;
      case 'not-running':
        this.waitForStart();
        return;
      case 'no-domain':
        this.fail(ConsoleCloseCode.notFound, 'No such VM on this host');
        return;
      case 'not-connected':
        this.fail(ConsoleCloseCode.hostUnavailable, 'The host is not connected; reconnect when it is back');
        return;
      default:
        this.o.log.warn({ err: error, uuid: this.o.uuid }, 'serial console attach failed');
        this.fail(ConsoleCloseCode.internal, `Cannot open the console: ${errorMessage(error)}`);
    }
  }

  private async onStreamEnded(error?: Error): Promise<void> {
    this.pipe = null;
    if (this.closed) return;
    if (this.key !== null && this.o.holders.isBeingTakenOver(this.key)) return; // displace() follows
    if (this.key !== null) this.o.holders.release(this.key, this);
    try {
      const { dom } = await this.o.client.domainLookupByUuid({ uuid: uuidBytes(this.o.uuid) });
      this.dom = dom;
      if (dom.id === -1) {
        this.waitForStart();
        return;
      }
      const restarted = dom.id !== this.domId;
      this.status('connecting', restarted
        ? 'The VM restarted; reattaching'
        : classifyConsoleError(error) === 'overflow'
          ? 'The browser fell behind the console output; reattaching'
          : 'Console stream ended; reattaching');
      await this.attach(false);
      if (!restarted && this.state === 'in-use') {
        sendControl(this.o.ws, { type: 'displaced', message: 'Another client took over this console' });
      }
    } catch (lookupError) {
      this.o.log.debug({ err: error, lookupError }, 'serial console stream ended');
      this.onAttachError(lookupError);
    }
  }

  private waitForStart(): void {
    if (this.closed || this.dom === null) return;
    this.status('vm-not-running', 'The VM is not running; the console attaches when it starts');
    this.unwatch?.();
    const started = (): void => {
      if (this.unwatch === null) return;
      this.unwatch();
      this.unwatch = null;
      this.status('connecting', 'The VM started; attaching');
      void this.attach(false);
    };
    this.unwatch = this.o.watchStart(this.dom, started);
    // It may have started between the last look and the subscription.
    this.o.client.domainLookupByUuid({ uuid: uuidBytes(this.o.uuid) })
      .then(({ dom }) => { if (dom.id !== -1) started(); })
      .catch(() => undefined);
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.unwatch = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pipe?.destroy();
    this.pipe = null;
    if (this.key !== null) this.o.holders.release(this.key, this);
  }
}
