import { get, type IncomingMessage } from 'node:http';

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
  receivedAt: number;
}

/** A minimal EventSource for tests: collects every message of GET `url`. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private response: IncomingMessage | undefined;
  private buffer = '';
  private waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const req = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        client.response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        resolve(client);
      });
      req.on('error', reject);
    });
  }

  /** Resolves with the first message (already received or future) that matches. */
  next(match: (m: SseMessage) => boolean, timeoutMs = 10_000, since = 0): Promise<SseMessage> {
    const found = this.messages.slice(since).find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: SseMessage) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${this.messages.map((m) => m.event).join(',')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.response?.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length === 0) continue; // comments, retry
      const message = { id, event, data: data.join('\n'), receivedAt: performance.now() };
      this.messages.push(message);
      for (const w of this.waiters.filter((x) => x.match(message))) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(message);
      }
    }
  }
}
