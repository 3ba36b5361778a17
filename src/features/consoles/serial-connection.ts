import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import { parseServerControl, type ClientControl } from '../../../common/consoles';
import { statusAfterClose, type PaneStatus } from './pane-status';
import { consoleSocketUrl } from './socket-url';
import { TERMINAL_FONT } from './terminal-font';

export interface SerialConnectionOptions {
  host: string;
  uuid: string;
  device?: string;
  onStatus: (status: PaneStatus) => void;
  onDevice?: (device: string) => void;
}

const encoder = new TextEncoder();

/**
 * A serial console pane's terminal and socket. xterm.js is loaded on first use (its own chunk);
 * xterm answers the guest's terminal queries (such as ESC[6n) by itself through onData.
 */
export class SerialConnection {
  private term: Terminal | null = null;
  private fit: FitAddon | null = null;
  private search: SearchAddon | null = null;
  private ws: WebSocket | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private disposed = false;

  constructor(private readonly o: SerialConnectionOptions) {}

  async mount(container: HTMLElement): Promise<void> {
    const { loadXterm } = await import('./xterm-loader');
    const { Terminal, FitAddon, SearchAddon } = await loadXterm();
    if (this.disposed) return;
    const term = new Terminal({
      scrollback: 10_000,
      convertEol: false,
      cursorBlink: true,
      ...TERMINAL_FONT,
      allowProposedApi: true,
    });
    this.fit = new FitAddon();
    this.search = new SearchAddon();
    term.loadAddon(this.fit);
    term.loadAddon(this.search);
    term.open(container);
    term.onData((data) => this.sendBytes(encoder.encode(data)));
    term.onBinary((data) => this.sendBytes(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff)));
    term.attachCustomKeyEventHandler((event) => this.onKey(event));
    this.term = term;
    this.resizeObserver = new ResizeObserver(() => this.refit());
    this.resizeObserver.observe(container);
    this.refit();
    this.connect(false);
  }

  connect(force: boolean): void {
    if (this.disposed) return;
    this.closeSocket();
    this.o.onStatus({ state: 'connecting', message: 'Connecting to the serial console' });
    const query: Record<string, string> = {};
    if (this.o.device !== undefined) query['device'] = this.o.device;
    if (force) query['force'] = '1';
    const ws = new WebSocket(consoleSocketUrl(this.o.host, this.o.uuid, 'serial', query));
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('message', (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data === 'string') this.onControl(e.data);
      else this.term?.write(new Uint8Array(e.data));
    });
    ws.addEventListener('close', (e) => {
      if (this.ws !== ws || this.disposed) return;
      this.ws = null;
      this.o.onStatus(statusAfterClose(e.code, e.reason));
    });
    this.ws = ws;
  }

  takeOver(): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.sendControl({ type: 'take-over' });
    else this.connect(true);
  }

  findNext(text: string): boolean {
    return this.search?.findNext(text) ?? false;
  }

  findPrevious(text: string): boolean {
    return this.search?.findPrevious(text) ?? false;
  }

  clearSearch(): void {
    this.search?.clearDecorations();
  }

  copySelection(): Promise<void> {
    const text = this.term?.getSelection() ?? '';
    return text === '' ? Promise.resolve() : navigator.clipboard.writeText(text);
  }

  async pasteFromClipboard(): Promise<void> {
    const text = await navigator.clipboard.readText();
    this.paste(text);
  }

  paste(text: string): void {
    this.term?.paste(text);
  }

  focus(): void {
    this.term?.focus();
  }

  /** The terminal's text, for tests and copy-all. */
  text(): string {
    const buffer = this.term?.buffer.active;
    if (buffer === undefined) return '';
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  dispose(): void {
    this.disposed = true;
    this.resizeObserver?.disconnect();
    this.closeSocket();
    this.term?.dispose();
    this.term = null;
  }

  private onKey(event: KeyboardEvent): boolean {
    // Ctrl+Shift+C / Ctrl+Shift+V copy and paste like a desktop terminal; everything else goes to the guest.
    if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && (event.code === 'KeyC' || event.code === 'KeyV')) {
      if (event.code === 'KeyC') void this.copySelection();
      else void this.pasteFromClipboard().catch(() => undefined);
      event.preventDefault();
      return false;
    }
    return true;
  }

  private onControl(text: string): void {
    const control = parseServerControl(text);
    if (control === null) return;
    if (control.type === 'status') {
      if (control.device !== undefined) this.o.onDevice?.(control.device);
      this.o.onStatus({ state: control.state === 'closed' ? 'disconnected' : control.state, message: control.message });
      if (control.state === 'connected') {
        this.refit();
        this.note(`${control.message}. Press Enter for a prompt.`);
      } else if (control.state === 'vm-not-running' || control.state === 'in-use') {
        this.note(control.message);
      }
    } else if (control.type === 'displaced') {
      this.note(control.message, true);
    }
  }

  /** A local line in the terminal (never sent to the guest), dimmed or highlighted. */
  private note(text: string, warn = false): void {
    this.term?.write(`\r\n\x1b[${warn ? '33' : '2'}m[virtdeck] ${text}\x1b[0m\r\n`);
  }

  private refit(): void {
    if (this.term === null || this.fit === null) return;
    try {
      this.fit.fit();
    } catch {
      return; // not laid out yet (hidden pane)
    }
    this.sendControl({ type: 'resize', cols: this.term.cols, rows: this.term.rows });
  }

  private sendBytes(bytes: Uint8Array<ArrayBuffer>): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  private sendControl(control: ClientControl): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(control));
  }

  private closeSocket(): void {
    const ws = this.ws;
    this.ws = null;
    if (ws !== null && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'pane closed');
  }
}
