import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LibvirtClient,
  LibvirtError,
  NetworkEventType,
  VIR_ERR_NO_NETWORK,
  uuidToString,
  type NetworkLifecycleEvent,
  type NetworkRef,
  type Unsubscribe,
} from '../index.js';
import { QEMU_URI, TEST_URI, TEST_VIRSH_URI, uniqueName, virsh, virshOrNull, waitFor } from '../test-support.test-helpers.js';

describe('network procedures (test driver, checked with virsh)', () => {
  let client: LibvirtClient;
  let net: NetworkRef;
  const name = uniqueName('net');
  const bridge = `vt${name.slice(-8)}`;
  const xml = `<network><name>${name}</name><bridge name='${bridge}'/><ip address='10.213.7.1' netmask='255.255.255.0'/></network>`;
  const v = (...args: string[]): Promise<string> => virsh(TEST_VIRSH_URI, ...args);
  const info = async (key: string): Promise<string> => {
    const line = (await v('net-info', name)).split('\n').find((l) => l.startsWith(`${key}:`));
    return line?.slice(key.length + 1).trim() ?? '';
  };
  const events: NetworkLifecycleEvent[] = [];
  let off: Unsubscribe | undefined;

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: TEST_URI });
    off = await client.onNetworkEvent('lifecycle', (e) => e.net.name === name && events.push(e));
  });
  afterAll(async () => {
    await off?.();
    await virshOrNull(TEST_VIRSH_URI, 'net-destroy', name);
    await virshOrNull(TEST_VIRSH_URI, 'net-undefine', name);
    await client.close();
  });

  const waitEvent = (event: number): Promise<NetworkLifecycleEvent> =>
    waitFor(() => events.find((e) => e.event === event), 5000, `network event ${event}`);

  it('defines a network virsh sees, with a defined event', async () => {
    ({ net } = await client.networkDefineXml({ xml }));
    expect(await v('net-uuid', name)).toBe(uuidToString(net.uuid));
    expect((await waitEvent(NetworkEventType.DEFINED)).eventName).toBe('defined');
    expect((await client.networkLookupByName({ name })).net.name).toBe(name);
    expect(uuidToString((await client.networkLookupByUuid({ uuid: net.uuid })).net.uuid)).toBe(uuidToString(net.uuid));
    expect((await client.networkIsActive({ net })).active).toBe(0);
    expect((await client.networkIsPersistent({ net })).persistent).toBe(1);
    const { nets } = await client.connectListAllNetworks({ flags: 0 });
    expect(nets.map((n) => n.name)).toContain(name);
  });

  it('starts and stops it, with events', async () => {
    await client.networkCreate({ net });
    expect(await info('Active')).toBe('yes');
    expect((await waitEvent(NetworkEventType.STARTED)).eventName).toBe('started');
    expect((await client.networkIsActive({ net })).active).toBe(1);
    expect((await client.networkGetBridgeName({ net })).name).toBe(bridge);
    await client.networkDestroy({ net });
    expect(await info('Active')).toBe('no');
    expect((await waitEvent(NetworkEventType.STOPPED)).eventName).toBe('stopped');
  });

  it('returns XML and sets autostart', async () => {
    const { xml: got } = await client.networkGetXmlDesc({ net, flags: 0 });
    expect(got.trim()).toBe((await v('net-dumpxml', name)).trim());
    await client.networkSetAutostart({ net, autostart: true });
    expect(await info('Autostart')).toBe('yes');
    expect((await client.networkGetAutostart({ net })).autostart).toBe(1);
    await client.networkSetAutostart({ net, autostart: false });
    expect(await info('Autostart')).toBe('no');
  });

  it('undefines it (event), and creates a transient one', async () => {
    await client.networkUndefine({ net });
    expect(await virshOrNull(TEST_VIRSH_URI, 'net-info', name)).toBeNull();
    await waitEvent(NetworkEventType.UNDEFINED);
    const err = await client.networkLookupByName({ name }).catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(VIR_ERR_NO_NETWORK);

    const tname = uniqueName('net');
    const { net: t } = await client.networkCreateXml({ xml: `<network><name>${tname}</name></network>` });
    expect(await virsh(TEST_VIRSH_URI, 'net-list', '--transient', '--name')).toContain(tname);
    await client.networkDestroy({ net: t });
    expect(await virshOrNull(TEST_VIRSH_URI, 'net-info', tname)).toBeNull();
  });
});

describe('DHCP leases (qemu:///system network default)', () => {
  it('lists the same leases as virsh net-dhcp-leases', async () => {
    const client = await LibvirtClient.connect({ uri: QEMU_URI });
    try {
      const { net } = await client.networkLookupByName({ name: 'default' });
      const { leases, ret } = await client.networkGetDhcpLeases({ net, mac: null, flags: 0 });
      expect(ret).toBe(leases.length);
      const text = await virsh(QEMU_URI, 'net-dhcp-leases', 'default');
      for (const lease of leases) {
        expect(lease.iface).toBe('virbr0');
        expect(typeof lease.expirytime).toBe('bigint');
        expect(text).toContain(`${lease.ipaddr}/${lease.prefix}`);
      }
      const rows = text.split('\n').filter((l) => /\d+\.\d+\.\d+\.\d+\//.test(l));
      // Leases can appear between the two reads; never fewer than we saw.
      expect(rows.length).toBeGreaterThanOrEqual(leases.length);
    } finally {
      await client.close();
    }
  });
});
