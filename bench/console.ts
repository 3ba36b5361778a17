/**
 * `npm run bench -- console`: the serial console through virtdeck beside libvirt's console stream.
 *
 * On a throwaway test guest (qemu:///system), in the same run:
 *  - keystroke-to-echo round trip: one character typed at the guest shell until its echo is back,
 *    200 keystrokes through WebSocket ↔ server ↔ libvirt ↔ guest, and 200 directly on a libvirt
 *    console stream of our client (no server), interleaved in batches so both see the same guest;
 *  - serial throughput: the guest prints 2 MiB, timed from Enter to the end marker, both ways.
 * The server runs in its own process (as in production). The WebSocket end is first Node's `ws`
 * (virtdeck's part of the path, beside the direct stream), then, when the SPA is built, Chromium
 * with xterm.js: keydown to the echo rendered on screen, and the 2 MiB print until it is in xterm.
 * Prints one JSON line per result: {"bench","metric","value","unit","baseline","ratio"}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConsoleTestClient } from '../server/consoles/console-client.test-helpers.js';
import { VIR_DOMAIN_CONSOLE_SAFE, uuidBytes } from '../server/consoles/libvirt-port.js';
import { LibvirtClient } from '../server/libvirt/index.js';
import { createTestGuest } from '../test/helpers/guest.js';
import { QEMU_URI } from '../test/helpers/virsh.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, authHeaders, loginOverHttp } from '../test/helpers/app.js';
import { existsSync } from 'node:fs';
import { browserConsoleTimes } from './console-browser.js';
import { round, type BenchResult, percentile } from './run.js';

const KEYSTROKES = 200;
const BATCH = 50;
const PRINT_BYTES = 2 * 1024 * 1024;
const PRINT_COMMAND = `dd if=/dev/zero bs=1024 count=${String(PRINT_BYTES / 1024)} 2>/dev/null | tr '\\0' 'x'; echo; echo END-$((40+2))`;

/** A byte channel to the guest's serial console: write, and wait for bytes to come back. */
interface Channel {
  write(data: string): void;
  /** Resolves when `text` has arrived after the mark; bytes before the mark are ignored. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  mark(): void;
  received(): number;
  close(): Promise<void>;
}

function channelOver(subscribe: (onData: (chunk: Buffer) => void) => void, write: (data: string) => void, close: () => Promise<void>): Channel {
  let buffer = '';
  let total = 0;
  let waiter: { text: string; resolve: () => void } | null = null;
  subscribe((chunk) => {
    total += chunk.length;
    const s = chunk.toString('latin1');
    if (s.includes('\x1b[6n')) write('\x1b[24;1R'); // answer the shell's cursor query like a terminal
    buffer = (buffer + s).slice(-4096);
    if (waiter !== null && buffer.includes(waiter.text)) {
      const w = waiter;
      waiter = null;
      w.resolve();
    }
  });
  return {
    write,
    mark: () => { buffer = ''; },
    received: () => total,
    waitFor(text, timeoutMs = 20_000) {
      if (buffer.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${JSON.stringify(text)} within ${String(timeoutMs)} ms`)), timeoutMs);
        waiter = { text, resolve: () => { clearTimeout(timer); resolve(); } };
      });
    },
    close,
  };
}

function streamChannel(stream: Duplex): Channel {
  return channelOver(
    (onData) => stream.on('data', onData),
    (data) => { stream.write(data); },
    async () => {
      stream.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  );
}

function socketChannel(client: ConsoleTestClient): Channel {
  return channelOver(
    (onData) => client.tap(onData),
    (data) => client.send(data),
    async () => {
      await client.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  );
}

/** Types `count` characters at the prompt, timing each until its echo; then erases the line. */
async function keystrokes(channel: Channel, count: number): Promise<number[]> {
  channel.mark();
  channel.write('\r');
  await channel.waitFor('# ');
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const ch = String.fromCharCode(0x61 + (i % 26));
    channel.mark();
    const t0 = performance.now();
    channel.write(ch);
    await channel.waitFor(ch, 5000);
    samples.push(performance.now() - t0);
  }
  channel.write('\x15'); // Ctrl+U: drop the typed line
  return samples;
}

async function throughput(channel: Channel): Promise<{ ms: number; bytes: number }> {
  channel.mark();
  channel.write('\r');
  await channel.waitFor('# ');
  channel.mark();
  const before = channel.received();
  const t0 = performance.now();
  channel.write(`${PRINT_COMMAND}\r`);
  await channel.waitFor('END-42', 300_000);
  return { ms: performance.now() - t0, bytes: channel.received() - before };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  child: ChildProcess;
  /** The admin's session cookie. */
  cookie: string;
}

/**
 * The real server entry point in a child process with a data dir of its own and the admin password
 * seeded, resolved once the admin is logged in and its host is connected.
 */
async function startServer(port: number, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', VIRTDECK_HOSTS: `local=${QEMU_URI}`,
      VIRTDECK_DATA_DIR: dataDir, VIRTDECK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Interrupted benchmarks must not leave the server behind.
  const stop = (): void => {
    child.kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });
  const origin = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + 60_000;
  let cookie: string | null = null;
  while (Date.now() < deadline) {
    try {
      cookie ??= await loginOverHttp(origin, ADMIN_USERNAME, ADMIN_PASSWORD);
      const res = await fetch(`${origin}/api/v1/hosts`, { headers: authHeaders(cookie, origin) });
      const body = (await res.json()) as { hosts?: { id: string; state: string }[] };
      if (body.hosts?.some((h) => h.id === 'local' && h.state === 'connected')) return { child, cookie };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the virtdeck server did not come up within 60 s');
}

export async function run(): Promise<BenchResult[]> {
  const guest = await createTestGuest({ prefix: 'bench-console', start: true });
  const direct = await LibvirtClient.connect({ uri: QEMU_URI });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'vt-bench-console-'));
  let server: ChildProcess | null = null;
  try {
    const started = await startServer(port, dataDir);
    server = started.child;
    const headers = authHeaders(started.cookie, `http://127.0.0.1:${String(port)}`);
    await guest.waitForBanner(90_000);
    const url = `ws://127.0.0.1:${String(port)}/api/v1/hosts/local/vms/${guest.uuid}/console/serial`;
    const { dom } = await direct.domainLookupByUuid({ uuid: uuidBytes(guest.uuid) });

    const openDirect = async (): Promise<Channel> =>
      streamChannel(await direct.domainOpenConsole({ dom, devName: null, flags: VIR_DOMAIN_CONSOLE_SAFE }));
    const openSocket = async (): Promise<Channel> => {
      const client = await ConsoleTestClient.open(url, { headers, answerCursorQueries: false });
      await client.waitForState('connected');
      return socketChannel(client);
    };

    const viaWs: number[] = [];
    const viaLibvirt: number[] = [];
    for (let done = 0; done < KEYSTROKES; done += BATCH) {
      for (const [open, into] of [[openDirect, viaLibvirt], [openSocket, viaWs]] as const) {
        const channel = await open();
        into.push(...(await keystrokes(channel, BATCH)));
        await channel.close();
      }
    }

    const directPrint = await openDirect();
    const d = await throughput(directPrint);
    await directPrint.close();
    const socketPrint = await openSocket();
    const w = await throughput(socketPrint);
    await socketPrint.close();

    const spaBuilt = existsSync('dist/spa/index.html');
    if (!spaBuilt) process.stderr.write('bench console: dist/spa not built (npm run build:spa); browser metrics skipped\n');
    const browser = spaBuilt
      ? await browserConsoleTimes(`http://127.0.0.1:${String(port)}`, started.cookie, { uuid: guest.uuid, name: guest.name }, KEYSTROKES, BATCH, PRINT_COMMAND, 'END-42')
      : null;

    const mibps = (t: { ms: number; bytes: number }): number => t.bytes / (1024 * 1024) / (t.ms / 1000);
    const result = (metric: string, value: number, unit: string, baseline: number | null, ratio: number | null): BenchResult => ({
      bench: 'console', metric, value: round(value), unit,
      baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio),
    });
    const p50 = percentile(viaWs, 50);
    const p95 = percentile(viaWs, 95);
    const b50 = percentile(viaLibvirt, 50);
    const b95 = percentile(viaLibvirt, 95);
    const browserResults = browser === null ? [] : [
      result('browser-keystroke-echo-rendered-p50', percentile(browser.echoMs, 50), 'ms', b50, b50 / percentile(browser.echoMs, 50)),
      result('browser-keystroke-echo-rendered-p95', percentile(browser.echoMs, 95), 'ms', b95, b95 / percentile(browser.echoMs, 95)),
      result('browser-serial-print-2mib-in-xterm', browser.printMs, 'ms', d.ms, d.ms / browser.printMs),
    ];
    return [
      ...browserResults,
      result('keystroke-echo-p50', p50, 'ms', b50, b50 / p50),
      result('keystroke-echo-p95', p95, 'ms', b95, b95 / p95),
      result('keystroke-echo-added-p50', p50 - b50, 'ms', null, null),
      result('keystroke-echo-added-p95', p95 - b95, 'ms', null, null),
      result('serial-print-2mib-time', w.ms, 'ms', d.ms, d.ms / w.ms),
      result('serial-print-2mib-rate', mibps(w), 'MiB/s', mibps(d), mibps(w) / mibps(d)),
    ];
  } finally {
    if (server !== null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await direct.close();
    await guest.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
