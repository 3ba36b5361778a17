import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POOL } from '../../../test/helpers/guest.js';
import {
  LibvirtClient,
  LibvirtError,
  StoragePoolBuildFlags,
  StoragePoolEventType,
  StoragePoolState,
  StorageVolResizeFlags,
  VIR_ERR_NO_STORAGE_POOL,
  VIR_ERR_NO_STORAGE_VOL,
  uuidToString,
  type StoragePoolLifecycleEvent,
  type StoragePoolRef,
  type StoragePoolRefreshEvent,
  type Unsubscribe,
} from '../index.js';
import { QEMU_URI, TEST_URI, TEST_VIRSH_URI, uniqueName, virsh, virshOrNull, waitFor } from '../test-support.test-helpers.js';

const volXml = (name: string, capacityMiB: number, format = 'raw'): string =>
  `<volume><name>${name}</name><capacity unit='MiB'>${capacityMiB}</capacity><target><format type='${format}'/></target></volume>`;

describe('storage procedures (test driver, checked with virsh)', () => {
  let client: LibvirtClient;
  let pool: StoragePoolRef;
  const name = uniqueName('pool');
  const v = (...args: string[]): Promise<string> => virsh(TEST_VIRSH_URI, ...args);
  const info = async (key: string): Promise<string> => {
    const line = (await v('pool-info', name)).split('\n').find((l) => l.startsWith(`${key}:`));
    return line?.slice(key.length + 1).trim() ?? '';
  };
  const lifecycle: StoragePoolLifecycleEvent[] = [];
  const refreshes: StoragePoolRefreshEvent[] = [];
  const offs: Unsubscribe[] = [];

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: TEST_URI });
    offs.push(await client.onStoragePoolEvent('lifecycle', (e) => e.pool.name === name && lifecycle.push(e)));
    offs.push(await client.onStoragePoolEvent('refresh', (e) => e.pool.name === name && refreshes.push(e)));
  });
  afterAll(async () => {
    for (const off of offs) await off();
    await virshOrNull(TEST_VIRSH_URI, 'pool-destroy', name);
    await virshOrNull(TEST_VIRSH_URI, 'pool-undefine', name);
    await client.close();
  });

  const waitPoolEvent = (event: number): Promise<StoragePoolLifecycleEvent> =>
    waitFor(() => lifecycle.find((e) => e.event === event), 5000, `pool event ${event}`);

  it('defines, builds and starts a dir pool, with lifecycle events', async () => {
    ({ pool } = await client.storagePoolDefineXml({
      xml: `<pool type='dir'><name>${name}</name><target><path>/${name}</path></target></pool>`,
      flags: 0,
    }));
    expect(await v('pool-uuid', name)).toBe(uuidToString(pool.uuid));
    expect((await waitPoolEvent(StoragePoolEventType.DEFINED)).eventName).toBe('defined');
    await client.storagePoolBuild({ pool, flags: StoragePoolBuildFlags.NEW });
    await client.storagePoolCreate({ pool, flags: 0 });
    expect(await info('State')).toBe('running');
    expect((await waitPoolEvent(StoragePoolEventType.STARTED)).pool.name).toBe(name);
    expect((await client.storagePoolIsActive({ pool })).active).toBe(1);
    expect((await client.storagePoolIsPersistent({ pool })).persistent).toBe(1);
    const byName = await client.storagePoolLookupByName({ name });
    expect(uuidToString(byName.pool.uuid)).toBe(uuidToString(pool.uuid));
    expect((await client.storagePoolLookupByUuid({ uuid: pool.uuid })).pool.name).toBe(name);
    const { pools } = await client.connectListAllStoragePools({ flags: 0 });
    expect(pools.map((p) => p.name)).toContain(name);
  });

  it('reports info and XML like virsh, and sets autostart', async () => {
    const pi = await client.storagePoolGetInfo({ pool });
    expect(pi.state).toBe(StoragePoolState.RUNNING);
    expect(typeof pi.capacity).toBe('bigint');
    expect(await virsh(TEST_VIRSH_URI, 'pool-info', '--bytes', name)).toMatch(new RegExp(`Capacity:\\s+${pi.capacity}`));
    const { xml } = await client.storagePoolGetXmlDesc({ pool, flags: 0 });
    expect(xml.trim()).toBe((await v('pool-dumpxml', name)).trim());
    await client.storagePoolSetAutostart({ pool, autostart: true });
    expect(await info('Autostart')).toBe('yes');
    expect((await client.storagePoolGetAutostart({ pool })).autostart).toBe(1);
    await client.storagePoolSetAutostart({ pool, autostart: 0 });
    expect(await info('Autostart')).toBe('no');
  });

  it('creates, clones, finds, describes and deletes volumes', async () => {
    const { vol } = await client.storageVolCreateXml({ pool, xml: volXml('v1.img', 10), flags: 0 });
    expect(vol).toMatchObject({ pool: name, name: 'v1.img' });
    expect(await v('vol-list', name, '--details')).toMatch(/v1\.img/);
    const vi = await client.storageVolGetInfo({ vol });
    expect(vi.capacity).toBe(10n * 1024n * 1024n);
    expect(await virsh(TEST_VIRSH_URI, 'vol-info', '--bytes', '--pool', name, 'v1.img')).toMatch(/Capacity:\s+10485760 bytes/);
    const { name: path } = await client.storageVolGetPath({ vol });
    expect(path).toBe(await v('vol-path', '--pool', name, 'v1.img'));
    expect((await client.storageVolLookupByPath({ path })).vol.name).toBe('v1.img');
    expect((await client.storageVolLookupByKey({ key: vol.key })).vol.name).toBe('v1.img');
    expect((await client.storageVolLookupByName({ pool, name: 'v1.img' })).vol.key).toBe(vol.key);
    expect((await client.storagePoolLookupByVolume({ vol })).pool.name).toBe(name);
    const { xml } = await client.storageVolGetXmlDesc({ vol, flags: 0 });
    expect(xml.trim()).toBe((await v('vol-dumpxml', '--pool', name, 'v1.img')).trim());

    const { vol: clone } = await client.storageVolCreateXmlFrom({ pool, xml: volXml('v2.img', 10), clonevol: vol, flags: 0 });
    expect(clone.name).toBe('v2.img');
    const { vols, ret } = await client.storagePoolListAllVolumes({ pool, flags: 0 });
    expect(ret).toBe(2);
    expect(vols.map((x) => x.name).sort()).toEqual(['v1.img', 'v2.img']);
    expect((await client.storagePoolNumOfVolumes({ pool })).num).toBe(2);

    await client.storageVolDelete({ vol: clone, flags: 0 });
    expect(await v('vol-list', name)).not.toContain('v2.img');
    const gone = await client.storageVolLookupByName({ pool, name: 'v2.img' }).catch((e: unknown) => e);
    expect((gone as LibvirtError).code).toBe(VIR_ERR_NO_STORAGE_VOL);
    await client.storageVolDelete({ vol, flags: 0 });
  });

  it('refreshes (with a refresh event), stops, deletes and undefines the pool', async () => {
    await client.storagePoolRefresh({ pool, flags: 0 });
    await waitFor(() => refreshes[0], 5000, 'pool refresh event');
    await client.storagePoolDestroy({ pool });
    expect(await info('State')).toBe('inactive');
    await waitPoolEvent(StoragePoolEventType.STOPPED);
    await client.storagePoolDelete({ pool, flags: 0 });
    await client.storagePoolUndefine({ pool });
    expect(await virshOrNull(TEST_VIRSH_URI, 'pool-info', name)).toBeNull();
    await waitPoolEvent(StoragePoolEventType.UNDEFINED);
    const err = await client.storagePoolLookupByName({ name }).catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(VIR_ERR_NO_STORAGE_POOL);
  });

  it('creates and starts a transient pool', async () => {
    const tname = uniqueName('pool');
    const { pool: tp } = await client.storagePoolCreateXml({
      xml: `<pool type='dir'><name>${tname}</name><target><path>/${tname}</path></target></pool>`,
      flags: 0,
    });
    expect(await virsh(TEST_VIRSH_URI, 'pool-list', '--transient', '--name')).toContain(tname);
    await client.storagePoolDestroy({ pool: tp });
    expect(await virshOrNull(TEST_VIRSH_URI, 'pool-info', tname)).toBeNull();
  });
});

describe('volume wipe and resize (qemu:///system pool virtdeck, checked with qemu-img)', () => {
  let client: LibvirtClient;
  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
  });
  afterAll(async () => {
    await client.close();
  });

  it('wipes and resizes a real volume', async () => {
    const { pool } = await client.storagePoolLookupByName({ name: TEST_POOL });
    const volName = `${uniqueName('vol')}.qcow2`;
    const { vol } = await client.storageVolCreateXml({ pool, xml: volXml(volName, 4, 'qcow2'), flags: 0 });
    try {
      const { name: path } = await client.storageVolGetPath({ vol });
      const imgInfo = (): { 'virtual-size': number; format: string } =>
        JSON.parse(execFileSync('qemu-img', ['info', '-U', '--output=json', path]).toString()) as { 'virtual-size': number; format: string };
      expect(imgInfo()).toMatchObject({ format: 'qcow2', 'virtual-size': 4 * 1024 * 1024 });
      await client.storageVolResize({ vol, capacity: 8n * 1024n * 1024n, flags: 0 });
      expect(imgInfo()['virtual-size']).toBe(8 * 1024 * 1024);
      await client.storageVolResize({ vol, capacity: 1024 * 1024, flags: StorageVolResizeFlags.DELTA });
      expect(imgInfo()['virtual-size']).toBe(9 * 1024 * 1024);
      expect((await client.storageVolGetInfoFlags({ vol, flags: 0 })).capacity).toBe(9n * 1024n * 1024n);
      expect(await virsh(QEMU_URI, 'vol-info', '--bytes', '--pool', TEST_POOL, volName)).toMatch(/Capacity:\s+9437184 bytes/);
      await client.storageVolWipe({ vol, flags: 0 });
      // A wiped qcow2 volume is rewritten as zeros: no qcow2 header left.
      expect(imgInfo().format).toBe('raw');
    } finally {
      await client.storageVolDelete({ vol, flags: 0 });
    }
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', TEST_POOL, volName)).toBeNull();
  });
});
