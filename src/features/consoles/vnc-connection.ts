import type RFB from '@novnc/novnc';
import { ConsoleCloseCode, type ServerControl } from '../../../common/consoles';
import { ControlChannel } from './control-channel';
import { Keysym, textToKeystrokes } from './keysyms';
import { statusAfterClose, type PaneStatus } from './pane-status';
import { consoleSocketUrl } from './socket-url';

export interface VncConnectionOptions {
  host: string;
  uuid: string;
  onStatus: (status: PaneStatus) => void;
  /** The VM's VNC server wants a password virtdeck does not know. */
  onPasswordRequired: () => void;
}

/**
 * A graphical console pane: noVNC (loaded on first use) over virtdeck's VNC relay socket.
 * With scaling on, noVNC maps pointer coordinates back to the remote framebuffer itself.
 */
export class VncConnection {
  private Rfb: typeof RFB | null = null;
  private rfb: RFB | null = null;
  private ws: WebSocket | null = null;
  private container: HTMLElement | null = null;
  private password: string | null = null;
  private scale = true;
  private disposed = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: VncConnectionOptions) {}

  async mount(container: HTMLElement): Promise<void> {
    const { loadNoVnc } = await import('./novnc-loader');
    this.Rfb = await loadNoVnc();
    if (this.disposed) return;
    this.container = container;
    this.connect();
  }

  connect(): void {
    if (this.disposed || this.Rfb === null || this.container === null) return;
    this.teardown();
    this.password = null;
    this.o.onStatus({ state: 'connecting', message: 'Connecting to the VM display' });
    // wait=1: when the VM is off the server keeps the socket and says when it has started.
    const ws = new WebSocket(consoleSocketUrl(this.o.host, this.o.uuid, 'vnc', { wait: '1' }));
    const channel = new ControlChannel(ws, (control) => this.onControl(control));
    const rfb = new this.Rfb(this.container, channel, { shared: true });
    rfb.scaleViewport = this.scale;
    rfb.clipViewport = !this.scale;
    rfb.resizeSession = false;
    rfb.background = '#18181b';
    rfb.addEventListener('connect', () => {
      this.retries = 0;
      this.o.onStatus({ state: 'connected', message: 'Connected to the VM display' });
    });
    rfb.addEventListener('credentialsrequired', () => {
      if (this.password !== null) rfb.sendCredentials({ password: this.password });
      else this.o.onPasswordRequired();
    });
    rfb.addEventListener('securityfailure', () => {
      this.o.onStatus({ state: 'disconnected', message: 'The VM display refused the password' });
    });
    ws.addEventListener('close', (e) => {
      if (this.ws !== ws || this.disposed) return;
      this.ws = null;
      if (e.code === ConsoleCloseCode.restarted) {
        this.connect();
        return;
      }
      // Just after a restart QEMU may not listen yet: try again a few times before giving up.
      if (e.code === ConsoleCloseCode.upstreamClosed && this.retries < 3) {
        this.retries++;
        this.o.onStatus({ state: 'connecting', message: 'Waiting for the VM display' });
        this.retryTimer = setTimeout(() => this.connect(), 1000);
        return;
      }
      this.o.onStatus(statusAfterClose(e.code, e.reason));
    });
    this.ws = ws;
    this.rfb = rfb;
  }

  sendPassword(password: string): void {
    this.rfb?.sendCredentials({ password });
  }

  setScale(scale: boolean): void {
    this.scale = scale;
    if (this.rfb !== null) {
      this.rfb.scaleViewport = scale;
      this.rfb.clipViewport = !scale;
    }
  }

  sendCombo(keys: readonly number[]): void {
    const rfb = this.rfb;
    if (rfb === null) return;
    for (const key of keys) rfb.sendKey(key, null, true);
    for (const key of [...keys].reverse()) rfb.sendKey(key, null, false);
    rfb.focus();
  }

  sendCtrlAltDel(): void {
    this.rfb?.sendCtrlAltDel();
  }

  /** Types text into the guest as keystrokes (works without any clipboard support in the guest). */
  typeText(text: string): void {
    const rfb = this.rfb;
    if (rfb === null) return;
    for (const stroke of textToKeystrokes(text)) {
      if (stroke.shift) rfb.sendKey(Keysym.Shift_L, null, true);
      rfb.sendKey(stroke.keysym, null, true);
      rfb.sendKey(stroke.keysym, null, false);
      if (stroke.shift) rfb.sendKey(Keysym.Shift_L, null, false);
    }
  }

  screenshot(): Promise<Blob | null> {
    const rfb = this.rfb;
    if (rfb === null) return Promise.resolve(null);
    return new Promise((resolve) => rfb.toBlob(resolve, 'image/png'));
  }

  focus(): void {
    this.rfb?.focus();
  }

  dispose(): void {
    this.disposed = true;
    this.teardown();
  }

  private onControl(control: ServerControl): void {
    if (control.type === 'vnc-credentials') this.password = control.password;
    else if (control.type === 'status') {
      if (control.state === 'vm-not-running') this.o.onStatus({ state: 'vm-not-running', message: control.message });
      else if (control.state === 'closed') this.o.onStatus({ state: 'disconnected', message: control.message });
    } else if (control.type === 'restarted') {
      this.o.onStatus({ state: 'connecting', message: control.message });
    }
  }

  private teardown(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const rfb = this.rfb;
    const ws = this.ws;
    this.rfb = null;
    this.ws = null;
    if (rfb !== null) {
      try {
        rfb.disconnect();
      } catch {
        // already disconnected
      }
    }
    if (ws !== null && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'pane closed');
  }
}
