import WebSocket from 'ws';
import { parseServerControl, type ServerControl } from '../../common/consoles.js';

export interface ConsoleOpenOptions {
  headers?: Record<string, string>;
  origin?: string;
  answerCursorQueries?: boolean;
}

export interface ClosedInfo {
  code: number;
  reason: string;
}

/**
 * A console WebSocket client for tests and benchmarks: collects the bytes, the control frames and
 * the close, and answers the guest shell's cursor position query (ESC[6n) like a terminal.
 */
export class ConsoleTestClient {
  readonly controls: ServerControl[] = [];
  /** Bytes received before each control frame (same index as `controls`). */
  readonly controlOffsets: number[] = [];
  private received = 0;
  private chunks: Buffer[] = [];
  private joined: Buffer | null = Buffer.alloc(0);
  closed: ClosedInfo | null = null;
  private readonly waiters = new Set<() => void>();
  private onBytes: ((chunk: Buffer) => void) | null = null;

  private constructor(readonly ws: WebSocket, answerCursorQueries: boolean) {
    ws.on('message', (data, isBinary) => {
      const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      if (isBinary) {
        this.received += buf.length;
        if (this.onBytes !== null) this.onBytes(buf);
        else {
          this.chunks.push(buf);
          this.joined = null;
        }
        if (answerCursorQueries && buf.includes('\x1b[6n')) ws.send(Buffer.from('\x1b[24;1R'));
      } else {
        const control = parseServerControl(buf.toString('utf8'));
        if (control !== null) {
          this.controls.push(control);
          this.controlOffsets.push(this.received);
        }
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
      this.wake();
    });
    ws.on('error', () => this.wake());
  }

  /** `headers` carry the session (cookie and Origin, see test/helpers/app.ts); `origin` replaces the Origin header. */
  static open(url: string, options: ConsoleOpenOptions = {}): Promise<ConsoleTestClient> {
    const headers = { ...options.headers, ...(options.origin === undefined ? {} : { origin: options.origin }) };
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const client = new ConsoleTestClient(ws, options.answerCursorQueries ?? true);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (req, res) => {
        // With this listener ws leaves the refused request's socket open; end it as a browser would.
        req.destroy();
        reject(new Error(`upgrade refused with HTTP ${String(res.statusCode)}`));
      });
      ws.once('error', reject);
    });
  }

  /** Resolves when `predicate` holds, checked on every frame; rejects after `timeoutMs`. */
  waitFor(what: string, predicate: () => boolean, timeoutMs = 20_000, failOnClose = true): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!predicate()) {
          if (failOnClose && this.closed !== null) {
            clearTimeout(timer);
            this.waiters.delete(check);
            reject(new Error(`socket closed (${String(this.closed.code)} ${this.closed.reason}) while waiting for ${what}`));
          }
          return;
        }
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const states = this.controls.map((c) => (c.type === 'status' ? c.state : c.type)).join(',');
        reject(new Error(`timed out waiting for ${what}; controls [${states}], closed ${JSON.stringify(this.closed)}, output tail ${JSON.stringify(this.text().slice(-300))}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  waitForState(state: string, timeoutMs?: number): Promise<void> {
    const from = this.controls.length;
    return this.waitFor(`status ${state}`, () => this.controls.slice(from).some((c) => c.type === 'status' && c.state === state), timeoutMs);
  }

  waitForText(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(JSON.stringify(text), () => this.text().includes(text), timeoutMs);
  }

  waitForClose(timeoutMs?: number): Promise<ClosedInfo> {
    return this.waitFor('close', () => this.closed !== null, timeoutMs, false).then(() => this.closed ?? { code: 0, reason: '' });
  }

  lastStatus(): string | undefined {
    const statuses = this.controls.filter((c) => c.type === 'status');
    const last = statuses[statuses.length - 1];
    return last?.type === 'status' ? last.state : undefined;
  }

  /** Everything received so far (not what went to a tap). */
  get output(): Buffer {
    this.joined ??= Buffer.concat(this.chunks);
    this.chunks = [this.joined];
    return this.joined;
  }

  text(): string {
    return this.output.toString('utf8');
  }

  send(data: string | Buffer): void {
    this.ws.send(typeof data === 'string' ? Buffer.from(data) : data, { binary: true });
  }

  sendControl(control: object): void {
    this.ws.send(JSON.stringify(control));
  }

  /** Called with each binary chunk as it arrives instead of collecting it (benchmarks). */
  tap(listener: ((chunk: Buffer) => void) | null): void {
    this.onBytes = listener;
  }

  close(): Promise<ClosedInfo> {
    if (this.closed !== null) return Promise.resolve(this.closed);
    this.ws.close(1000);
    return this.waitForClose(5000);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
