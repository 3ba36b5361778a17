import type { Duplex } from 'node:stream';
import { DomainConsoleFlags, type DomainRef, type LibvirtClient } from '../../server/libvirt/index.js';

const CURSOR_QUERY = '\x1b[6n';

/**
 * The guest's serial console through the client's console stream (virDomainOpenConsole).
 * `run(cmd)` types a shell command and resolves with what it printed: each command ends with
 * `echo END-$((n+1))`, so the marker in the output (END-<n+1>) differs from the typed text.
 */
export class SerialShell {
  private buffer = '';
  private counter = 1000;
  private waiters: Array<() => void> = [];

  private constructor(private readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      // busybox's shell asks for the cursor position at each prompt; answer like a terminal.
      if (text.includes(CURSOR_QUERY)) stream.write('\x1b[1;1R');
      this.buffer += text;
      for (const wake of this.waiters.splice(0)) wake();
    });
    stream.on('error', () => undefined);
  }

  static async open(client: LibvirtClient, dom: DomainRef): Promise<SerialShell> {
    const stream = await client.domainOpenConsole({ dom, devName: null, flags: DomainConsoleFlags.FORCE });
    return new SerialShell(stream);
  }

  async run(command: string, timeoutMs = 20_000): Promise<string> {
    this.counter += 2;
    const marker = `END-${this.counter + 1}`;
    const start = this.buffer.length;
    this.stream.write(`${command}; echo END-$((${this.counter}+1))\r`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const output = this.buffer.slice(start);
      // The marker as output sits at the start of a line (the typed line shows $((…)) instead).
      const at = output.search(new RegExp(`(^|\\n)${marker}\\r?\\n`));
      if (at >= 0) return output.slice(0, at);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${marker} on the serial console within ${timeoutMs} ms; got: ${JSON.stringify(output.slice(-500))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Presses Enter until the shell answers (after boot or revert). */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.run('true', 3000);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  }

  close(): void {
    this.stream.destroy();
  }
}
