import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGuest, TEST_POOL, type TestGuest } from '../../test/helpers/guest.js';
import {
  DomainConsoleFlags,
  LibvirtClient,
  StreamOverflowError,
  uuidFromString,
  withDedicatedConnection,
  type DomainRef,
  type LibvirtStream,
  type StorageVolRef,
} from './index.js';
import { QEMU_URI, uniqueName, virsh, waitFor } from './test-support.test-helpers.js';

const run = promisify(execFile);

/** Ids of this process's connections to libvirtd, from virt-admin (the daemon's own view). */
async function ourDaemonClients(): Promise<string[]> {
  const { stdout } = await run('virt-admin', ['-q', 'srv-clients-list', 'libvirtd']);
  const ids = stdout.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((id) => /^\d+$/.test(id));
  const ours: string[] = [];
  for (const id of ids) {
    const info = await run('virt-admin', ['-q', 'client-info', 'libvirtd', id]).catch(() => ({ stdout: '' }));
    if (new RegExp(`unix_process_id\\s*:\\s*${process.pid}\\b`).test(info.stdout)) ours.push(id);
  }
  return ours;
}

function readUntil(stream: LibvirtStream, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`${String(pattern)} not seen within ${timeoutMs} ms; got ${JSON.stringify(seen.slice(-300))}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('latin1');
      if (pattern.test(seen)) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve();
      }
    };
    stream.on('data', onData);
  });
}

async function timeCalls(client: LibvirtClient, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await client.connectGetVersion();
  return performance.now() - started;
}

describe('a console stream nobody reads does not stall the connection', () => {
  let client: LibvirtClient;
  let guest: TestGuest;
  let dom: DomainRef;

  beforeAll(async () => {
    // A small bound so that the overflow shows within the test's time.
    client = await LibvirtClient.connect({ uri: QEMU_URI, streamBufferBytes: 512 * 1024 });
    guest = await createTestGuest({ prefix: 'streams', start: true });
    ({ dom } = await client.domainLookupByUuid({ uuid: uuidFromString(guest.uuid) }));
    await guest.waitForBanner(60_000);
  }, 90_000);

  afterAll(async () => {
    await guest?.cleanup();
    await client?.close();
  });

  it('keeps answering calls while the console buffers unread output, then aborts it as "reader too slow"', async () => {
    const console = await client.domainOpenConsole({ dom, devName: null, flags: DomainConsoleFlags.FORCE });
    const errors: Error[] = [];
    console.on('error', (e) => errors.push(e));
    console.write('\r');
    await readUntil(console, /\/ # /, 15_000);
    // The guest prints without end; from now on nobody reads the console.
    console.write('while true; do echo virtdeck-flood-0123456789-abcdefghijklmnopqrstuvwxyz; done\r');
    console.pause();
    // Well past the 16 KiB high-water mark, where the client used to pause the whole socket.
    await waitFor(() => (console.readableLength > 64 * 1024 || errors.length > 0 ? true : undefined), 30_000, '64 KiB of unread console output');
    expect(errors).toEqual([]);
    const unread = console.readableLength;
    const ms = await timeCalls(client, 100);
    process.stdout.write(`[streams] 100 sequential connectGetVersion calls with ${unread} bytes of console output unread: ${ms.toFixed(0)} ms\n`);
    expect(ms).toBeLessThan(5_000);
    expect(client.state).toBe('connected');

    // Past the bound the stream is aborted with a typed error; the connection stays up.
    await waitFor(() => errors[0], 60_000, 'the overflow error');
    expect(errors[0]).toBeInstanceOf(StreamOverflowError);
    expect(errors[0]?.message).toMatch(/reader too slow/);
    expect(client.state).toBe('connected');
    expect(await timeCalls(client, 10)).toBeLessThan(2_000);
    // The console was released on the daemon: a new open without FORCE is accepted.
    const again = await client.domainOpenConsole({ dom, devName: null, flags: 0 });
    again.destroy();
  }, 120_000);
});

describe('volume transfers on a connection of their own', () => {
  let client: LibvirtClient;
  let vol: StorageVolRef;
  const size = 8 * 1024 * 1024 + 4321;
  const data = randomBytes(size);
  const sha = createHash('sha256').update(data).digest('hex');

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
    const { pool } = await client.storagePoolLookupByName({ name: TEST_POOL });
    ({ vol } = await client.storageVolCreateXml({
      pool,
      xml: `<volume><name>${uniqueName('streams')}.raw</name><capacity>${size}</capacity><target><format type='raw'/></target></volume>`,
      flags: 0,
    }));
    const upload = await client.storageVolUpload({ vol, offset: 0, length: size, flags: 0 });
    await pipeline(Readable.from([data]), upload);
  }, 60_000);

  afterAll(async () => {
    if (vol) await client.storageVolDelete({ vol, flags: 0 }).catch(() => undefined);
    await client?.close();
  });

  /** A consumer slower than the daemon: 5 ms per chunk (one stream packet, up to 256 KiB). */
  function slowSink(hash: ReturnType<typeof createHash>): Writable {
    return new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        setTimeout(cb, 5);
      },
    });
  }

  it('a download with a slow consumer runs on its own connection, matches sha256, and never stalls the shared one', async () => {
    const before = await ourDaemonClients();
    const download = await client.storageVolDownload({ vol, offset: 0, length: 0, flags: 0 });
    const during = await ourDaemonClients();
    expect(during.length).toBe(before.length + 1);
    const hash = createHash('sha256');
    let slowest = 0;
    let calls = 0;
    let reading = true;
    const probe = (async () => {
      while (reading) {
        const t0 = performance.now();
        await client.connectGetVersion();
        slowest = Math.max(slowest, performance.now() - t0);
        calls += 1;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const t0 = performance.now();
    await pipeline(download, slowSink(hash));
    const ms = performance.now() - t0;
    reading = false;
    await probe;
    process.stdout.write(`[streams] 8 MiB download, slow consumer: ${ms.toFixed(0)} ms; ${calls} calls meanwhile, slowest ${slowest.toFixed(1)} ms\n`);
    expect(hash.digest('hex')).toBe(sha);
    expect(calls).toBeGreaterThan(5);
    expect(slowest).toBeLessThan(500);
    // The transfer's connection is gone once the stream closed.
    await waitFor(async () => ((await ourDaemonClients()).length === before.length ? true : undefined), 10_000, 'the dedicated connection to close');
    const { name: path } = await client.storageVolGetPath({ vol });
    expect((await run('sha256sum', [path])).stdout.split(' ')[0]).toBe(sha);
  }, 60_000);

  it('withDedicatedConnection runs a transfer and closes its connection', async () => {
    const before = await ourDaemonClients();
    const hash = createHash('sha256');
    await withDedicatedConnection({ uri: QEMU_URI }, async (bulk) => {
      expect((await ourDaemonClients()).length).toBe(before.length + 1);
      await pipeline(await bulk.storageVolDownload({ vol, offset: 0, length: 0, flags: 0 }), slowSink(hash));
    });
    expect(hash.digest('hex')).toBe(sha);
    expect((await ourDaemonClients()).length).toBe(before.length);
  }, 60_000);

  it('on the shared connection (bulkStreams: shared), a consumer that falls 1 MiB behind gets StreamOverflowError', async () => {
    const shared = await LibvirtClient.connect({ uri: QEMU_URI, bulkStreams: 'shared', streamBufferBytes: 1024 * 1024 });
    try {
      const download = await shared.storageVolDownload({ vol, offset: 0, length: 0, flags: 0 });
      const failure = await pipeline(download, slowSink(createHash('sha256'))).then(() => undefined, (e: unknown) => e);
      expect(failure).toBeInstanceOf(StreamOverflowError);
      expect((await shared.connectGetVersion()).hvVer).toBeGreaterThan(0n);
      expect(await virsh(QEMU_URI, 'vol-info', '--pool', TEST_POOL, vol.name)).toContain(vol.name);
    } finally {
      await shared.close();
    }
  }, 60_000);
});
