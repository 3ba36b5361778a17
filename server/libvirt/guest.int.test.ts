import { execFileSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGuest, TEST_POOL, type TestGuest } from '../../test/helpers/guest.js';
import {
  DomainAffect,
  DomainConsoleFlags,
  LibvirtError,
  DomainEventType,
  DomainStatsTypes,
  LibvirtClient,
  LibvirtStream,
  SnapshotDeleteFlags,
  typedParamsToObject,
  uuidFromString,
  type DomainLifecycleEvent,
  type DomainRef,
  type StorageVolRef,
  type Unsubscribe,
} from './index.js';
import { QEMU_URI, uniqueName, virsh, waitFor } from './test-support.test-helpers.js';

/** Reads from a stream until `pattern` matches the text seen so far. */
function readUntil(stream: LibvirtStream, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`${String(pattern)} not seen within ${timeoutMs} ms; got ${JSON.stringify(seen.slice(-500))}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('latin1');
      const m = pattern.exec(seen);
      if (m) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve(m);
      }
    };
    stream.on('data', onData);
  });
}

describe('a real test guest on qemu:///system', () => {
  let client: LibvirtClient;
  let guest: TestGuest;
  let dom: DomainRef;
  const events: DomainLifecycleEvent[] = [];
  const deviceEvents: string[] = [];
  const offs: Unsubscribe[] = [];
  let extraVol: StorageVolRef | undefined;

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
    guest = await createTestGuest({ prefix: 'client', disk: 'qcow2', diskMiB: 16 });
    ({ dom } = await client.domainLookupByUuid({ uuid: uuidFromString(guest.uuid) }));
    offs.push(await client.onDomainEvent('lifecycle', (e) => events.push(e), { dom }));
    offs.push(await client.onDomainEvent('deviceAdded', (e) => deviceEvents.push(`added:${e.devAlias}`), { dom }));
    offs.push(await client.onDomainEvent('deviceRemoved', (e) => deviceEvents.push(`removed:${e.devAlias}`), { dom }));
  });

  afterAll(async () => {
    for (const off of offs) await off();
    await guest?.cleanup();
    if (extraVol) await client.storageVolDelete({ vol: extraVol }).catch(() => undefined);
    await client?.close();
  });

  const waitEvent = (event: number, detail: number): Promise<DomainLifecycleEvent> =>
    waitFor(() => events.find((e) => e.event === event && e.detail === detail), 20_000, `lifecycle event ${event}/${detail}`);

  it('sees lifecycle events for start, suspend, resume (and the banner on the serial log)', async () => {
    const { dom: started } = await client.domainCreateWithFlags({ dom, flags: 0 });
    const e = await waitEvent(DomainEventType.STARTED, 0);
    expect(e.eventName).toBe('started');
    expect(e.detailName).toBe('booted');
    expect(e.dom.name).toBe(guest.name);
    expect(started.id).toBeGreaterThan(0);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    // TCG boot takes ~4 s on an idle host, much longer when the host is busy.
    await guest.waitForBanner(100_000);

    await client.domainSuspend({ dom });
    expect((await waitEvent(DomainEventType.SUSPENDED, 0)).eventName).toBe('suspended');
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('paused');
    await client.domainResume({ dom });
    expect((await waitEvent(DomainEventType.RESUMED, 0)).eventName).toBe('resumed');
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
  }, 150_000);

  it('types into the serial console and reads the answer', async () => {
    const console = await client.domainOpenConsole({ dom, devName: null, flags: 1 });
    try {
      const token = `virtdeck-${randomInt(1_000_000)}`;
      console.write('\r');
      await readUntil(console, /\/ # /, 15_000);
      console.write(`echo ${token.replace('virtdeck-', 'virtdeck-$((')}+0))\r`);
      const m = await readUntil(console, new RegExp(`\\r?\\n(${token})\\r?\\n`), 15_000);
      expect(m[1]).toBe(token);
    } finally {
      console.end();
      await new Promise<void>((resolve) => console.once('close', () => resolve()));
    }
  });

  it('propagates a console takeover as an error and aborts from our side', async () => {
    const first = await client.domainOpenConsole({ dom, devName: null, flags: 0 });
    const firstEnded = new Promise<string>((resolve) => {
      first.on('error', (e) => resolve(`error:${e.name}:${e.message}`));
      first.on('close', () => resolve('closed'));
      first.resume();
    });
    // A second open without FORCE is refused while the first holds the console.
    const refused = await client.domainOpenConsole({ dom, devName: null, flags: 0 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LibvirtError);

    // FORCE takes it over: the first stream is ended by the daemon.
    const second = await client.domainOpenConsole({ dom, devName: null, flags: DomainConsoleFlags.FORCE });
    expect(await firstEnded).toMatch(/^(error:LibvirtError|closed)/);

    // Our abort releases it on the daemon: a plain open succeeds afterwards.
    second.destroy();
    await new Promise<void>((resolve) => second.once('close', () => resolve()));
    const third = await waitFor(
      () => client.domainOpenConsole({ dom, devName: null, flags: 0 }).catch(() => undefined),
      5000,
      'console free again',
    );
    third.destroy();
    expect((await client.connectGetUri()).uri).toBe(QEMU_URI);
  });

  it('resizes a disk and reports block info', async () => {
    const before = await client.domainGetBlockInfo({ dom, path: 'vda', flags: 0 });
    expect(before.capacity).toBe(16n * 1024n * 1024n);
    await client.domainBlockResize({ dom, disk: 'vda', size: 32n * 1024n * 1024n, flags: 1 });
    const info = await virsh(QEMU_URI, 'domblkinfo', guest.name, 'vda');
    expect(info).toMatch(/Capacity:\s+33554432/);
    expect((await client.domainGetBlockInfo({ dom, path: 'vda', flags: 0 })).capacity).toBe(32n * 1024n * 1024n);
  });

  it('samples stats in one bulk call and memory stats', async () => {
    const { retStats } = await client.connectGetAllDomainStats({
      doms: [dom],
      stats: DomainStatsTypes.STATE | DomainStatsTypes.BALLOON | DomainStatsTypes.BLOCK,
    });
    expect(retStats).toHaveLength(1);
    const stats = typedParamsToObject(retStats[0]?.params ?? []);
    expect(stats['state.state']).toBe(1);
    expect(stats['block.count']).toBe(1);
    expect(stats['block.0.name']).toBe('vda');
    expect(stats['balloon.maximum']).toBe(128n * 1024n);
    const domstats = await virsh(QEMU_URI, 'domstats', '--block', guest.name);
    expect(domstats).toContain(`block.0.capacity=${String(stats['block.0.capacity'])}`);
    const { stats: mem } = await client.domainMemoryStats({ dom, maxStats: 16, flags: 0 });
    expect(mem.length).toBeGreaterThan(0);
  });

  it('attaches and detaches a disk live, with device events', async () => {
    const volName = `${uniqueName('client')}.img`;
    const { pool } = await client.storagePoolLookupByName({ name: TEST_POOL });
    ({ vol: extraVol } = await client.storageVolCreateXml({
      pool,
      xml: `<volume><name>${volName}</name><capacity unit='M'>4</capacity><target><format type='raw'/></target></volume>`,
      flags: 0,
    }));
    const { name: path } = await client.storageVolGetPath({ vol: extraVol });
    const diskXml = `<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${path}'/><target dev='vdb' bus='virtio'/></disk>`;
    await client.domainAttachDeviceFlags({ dom, xml: diskXml, flags: DomainAffect.LIVE });
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toContain(path);
    await waitFor(() => deviceEvents.find((e) => e.startsWith('added:')), 10_000, 'device added event');
    await client.domainDetachDeviceFlags({ dom, xml: diskXml, flags: DomainAffect.LIVE });
    await waitFor(() => deviceEvents.find((e) => e.startsWith('removed:')), 20_000, 'device removed event');
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).not.toContain(path);
  });

  it('updates and attaches devices in the persistent config', async () => {
    const nicXml = `<interface type='network'><mac address='52:54:00:aa:bb:01'/><source network='default'/><model type='virtio'/></interface>`;
    await client.domainAttachDevice({ dom, xml: nicXml }).catch(() => undefined);
    await client.domainDetachDevice({ dom, xml: nicXml }).catch(() => undefined);
    await client.domainAttachDeviceFlags({ dom, xml: nicXml, flags: DomainAffect.CONFIG });
    expect(await virsh(QEMU_URI, 'domiflist', guest.name, '--inactive')).toContain('52:54:00:aa:bb:01');
    const updated = nicXml.replace('<model', "<link state='down'/><model");
    await client.domainUpdateDeviceFlags({ dom, xml: updated, flags: DomainAffect.CONFIG });
    expect(await virsh(QEMU_URI, 'dumpxml', '--inactive', guest.name)).toMatch(/<link state='down'\/>/);
    await client.domainDetachDeviceFlags({ dom, xml: nicXml, flags: DomainAffect.CONFIG });
    expect(await virsh(QEMU_URI, 'domiflist', guest.name, '--inactive')).not.toContain('52:54:00:aa:bb:01');
  });

  it('sees a reboot event when the guest is reset', async () => {
    const reboots: string[] = [];
    const off = await client.onDomainEvent('reboot', (e) => reboots.push(e.dom.name), { dom });
    try {
      await client.domainReset({ dom, flags: 0 });
      expect(await waitFor(() => reboots[0], 10_000, 'reboot event')).toBe(guest.name);
      expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    } finally {
      await off();
    }
  });

  it('sees the stopped event on destroy', async () => {
    await client.domainDestroy({ dom });
    const e = await waitEvent(DomainEventType.STOPPED, 1);
    expect(e.detailName).toBe('destroyed');
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('shut off');
  });

  it('deletes only the metadata of an internal snapshot when asked', async () => {
    const { snap } = await client.domainSnapshotCreateXml({
      dom,
      xmlDesc: '<domainsnapshot><name>vt-meta</name></domainsnapshot>',
      flags: 0,
    });
    expect(await virsh(QEMU_URI, 'snapshot-list', guest.name, '--name')).toBe('vt-meta');
    await client.domainSnapshotDelete({ snap, flags: SnapshotDeleteFlags.METADATA_ONLY });
    expect(await virsh(QEMU_URI, 'snapshot-list', guest.name, '--name')).toBe('');
    // The internal snapshot itself is still in the qcow2 image.
    expect(execFileSync('qemu-img', ['snapshot', '-l', '-U', guest.diskPath ?? '']).toString()).toContain('vt-meta');
  });

  it('uploads 8 MiB into a volume and downloads the same bytes', async () => {
    const size = 8 * 1024 * 1024 + 12345;
    const data = Buffer.alloc(size);
    for (let i = 0; i + 4 <= size; i += 4) data.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i);
    const volName = `${uniqueName('client')}.raw`;
    const { pool } = await client.storagePoolLookupByName({ name: TEST_POOL });
    const { vol } = await client.storageVolCreateXml({
      pool,
      xml: `<volume><name>${volName}</name><capacity>${size}</capacity><target><format type='raw'/></target></volume>`,
      flags: 0,
    });
    try {
      const upload = await client.storageVolUpload({ vol, offset: 0, length: size, flags: 0 });
      // Uneven ~1 MB pieces through pipeline(): split into 262,120-byte packets, backpressure, finish confirmed by libvirt.
      const pieces = function* (): Generator<Buffer> {
        for (let off = 0; off < size; off += 1_000_003) yield data.subarray(off, off + 1_000_003);
      };
      await pipeline(Readable.from(pieces()), upload);
      const download = await client.storageVolDownload({ vol, offset: 0n, length: 0n, flags: 0 });
      const hash = createHash('sha256');
      let received = 0;
      await pipeline(
        download,
        new Writable({
          write(chunk: Buffer, _enc, cb) {
            hash.update(chunk);
            received += chunk.length;
            cb();
          },
        }),
      );
      expect(received).toBe(size);
      expect(hash.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
      const { name: path } = await client.storageVolGetPath({ vol });
      // The file on disk holds the same bytes (checked outside libvirt).
      expect(execFileSync('sha256sum', [path]).toString().split(' ')[0]).toBe(createHash('sha256').update(data).digest('hex'));
    } finally {
      await client.storageVolDelete({ vol, flags: 0 });
    }
  });
});
