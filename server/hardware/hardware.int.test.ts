import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { uuidFromString } from '../libvirt/index.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { createTestGuest, uniqueName, type TestGuest } from '../../test/helpers/guest.js';
import { SerialShell } from '../../test/helpers/serial-shell.js';
import { freeSubnets } from '../networks/test-subnets.test-helpers.js';
import type { ChangeResult, HardwareView } from '../../common/hardware.js';
import type { NetworkLeases } from '../../common/networks.js';

const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** MACs `virsh domiflist` lists for the running VM. */
async function domiflistMacs(name: string, inactive = false): Promise<string[]> {
  const out = await virsh(QEMU_URI, 'domiflist', name, ...(inactive ? ['--inactive'] : []));
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[4])
    .filter((m): m is string => m !== undefined && /^[0-9a-f:]{17}$/.test(m))
    .sort();
}

async function domblkTargets(name: string, inactive = false): Promise<string[]> {
  const out = await virsh(QEMU_URI, 'domblklist', name, ...(inactive ? ['--inactive'] : []));
  return out.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((t) => t !== '').sort();
}

const dominfo = async (name: string): Promise<Record<string, string>> =>
  Object.fromEntries((await virsh(QEMU_URI, 'dominfo', name)).split('\n').map((l) => l.split(/:\s+/, 2) as [string, string]));

describe('hardware API on a running test guest', () => {
  let app: App;
  let inject: Api;
  let guest: TestGuest;
  let shell: SerialShell | undefined;
  let url: string;
  const network = uniqueName('net-hw');
  const volumes: string[] = [];

  const api = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) => {
    const res = await inject({ method, url: `${url}${path}`, ...(payload === undefined ? {} : { payload }) });
    return { status: res.statusCode, body: res.json<ChangeResult & HardwareView & { error: { code: string; message: string; libvirtCode?: number } }>(), raw: res.body };
  };
  const liveMacsOfApi = async (): Promise<string[]> => {
    const view = (await api('GET', '/hardware')).body;
    return view.interfaces.filter((i) => i.live).map((i) => i.mac).sort();
  };

  beforeAll(async () => {
    ({ app, api: inject } = await buildTestApp({ config }));
    await app.hosts.ready('local');
    const [prefix] = await freeSubnets(1);
    const created = await inject({
      method: 'POST',
      url: '/api/v1/hosts/local/networks',
      payload: { name: network, forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24, dhcp: { start: `${prefix}.100`, end: `${prefix}.200` } }, start: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    guest = await createTestGuest({ prefix: 'hw', disk: 'qcow2', diskMiB: 16 });
    url = `/api/v1/hosts/local/vms/${guest.uuid}`;
    // The guest's NIC on the new network, added to the persistent config while it is off.
    const nic = await api('POST', '/interfaces', { source: { type: 'network', network }, model: 'virtio' });
    expect(nic.status, nic.raw).toBe(200);
    expect(nic.body.applies).toBe('next-boot');
    expect(await virsh(QEMU_URI, 'domiflist', guest.name, '--inactive')).toContain(network);
    await virsh(QEMU_URI, 'start', guest.name);
    await guest.waitForBanner(60_000);
    const { dom } = await app.hosts.get('local').domainLookupByUuid({ uuid: uuidFromString(guest.uuid) });
    shell = await SerialShell.open(app.hosts.get('local'), dom);
    await shell.ready();
  });

  afterAll(async () => {
    shell?.close();
    await guest?.cleanup();
    for (const v of volumes) if ((await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', v)) !== null) await virshOrNull(QEMU_URI, 'vol-delete', '--pool', 'virtdeck', v);
    await virshOrNull(QEMU_URI, 'net-destroy', network);
    await virshOrNull(QEMU_URI, 'net-undefine', network);
    await app?.close();
  });

  afterEach(async () => {
    // After every step, the API's NICs are the ones virsh lists, live and persistent.
    await until('domiflist to agree', async () => (JSON.stringify(await liveMacsOfApi()) === JSON.stringify(await domiflistMacs(guest.name)) ? true : undefined), 10_000);
    const view = (await api('GET', '/hardware')).body;
    expect(view.interfaces.filter((i) => i.config).map((i) => i.mac).sort()).toEqual(await domiflistMacs(guest.name, true));
  });

  it('the guest gets a DHCP lease on the new NAT network and the leases endpoint shows it', async () => {
    const [mac] = await liveMacsOfApi();
    const lease = await until('a lease', async () => {
      const res = await inject({ method: 'GET', url: `/api/v1/hosts/local/networks/${network}/leases` });
      return res.json<NetworkLeases>().leases.find((l) => l.mac === mac);
    }, 45_000);
    expect(lease.vm).toEqual({ uuid: guest.uuid, name: guest.name });
    expect(await virsh(QEMU_URI, 'net-dhcp-leases', network)).toContain(lease.ip);
    // dnsmasq records the lease as it acknowledges it; the guest's udhcpc applies it a moment later.
    await until('the leased address on eth0', async () => ((await shell?.run('ip -4 addr show eth0'))?.includes(`inet ${lease.ip}/`) === true ? true : undefined));
    expect(await liveMacsOfApi()).toEqual(await domiflistMacs(guest.name));
  });

  it('hot-adds a new 64 MiB qcow2 disk that the guest sees as vdb, then detaches it', async () => {
    const name = `${guest.name}-extra.qcow2`;
    volumes.push(name);
    const added = await api('POST', '/disks', { source: { kind: 'new', pool: 'virtdeck', name, capacityBytes: 64 * 1024 * 1024, format: 'qcow2' }, cache: 'none' });
    expect(added.status, added.raw).toBe(200);
    expect(added.body.applies).toBe('both');
    expect(added.body.virsh).toContain(`attach-disk ${guest.name}`);
    expect(added.body.virsh).toContain('vdb --targetbus virtio');
    expect(added.body.hardware.disks.find((d) => d.target === 'vdb')).toMatchObject({ live: true, config: true, cache: 'none', format: 'qcow2' });
    expect(await domblkTargets(guest.name)).toEqual(['vda', 'vdb']);
    expect(await domblkTargets(guest.name, true)).toEqual(['vda', 'vdb']);
    expect(await virsh(QEMU_URI, 'vol-info', '--pool', 'virtdeck', name)).toMatch(/Capacity:\s+64\.00 MiB/);
    await until('vdb in the guest', async () => ((await shell?.run('ls /sys/block'))?.includes('vdb') === true ? true : undefined));
    expect(await shell?.run('cat /sys/block/vdb/size')).toMatch(/\b131072\b/);

    const detached = await api('DELETE', '/disks/vdb');
    expect(detached.status, detached.raw).toBe(200);
    expect(detached.body.virsh).toBe(`virsh detach-disk ${guest.name} vdb --live --config`);
    await until('vdb gone from domblklist', async () => ((await domblkTargets(guest.name)).includes('vdb') ? undefined : true));
    expect(await domblkTargets(guest.name, true)).toEqual(['vda']);
    await until('vdb gone in the guest', async () => ((await shell?.run('ls /sys/block'))?.includes('vdb') === true ? undefined : true));
  });

  it('hot-adds a CD-ROM (SCSI) with an image and detaches it; a refused live eject leaves it as it was', async () => {
    const iso = `${guest.name}-live.iso`;
    volumes.push(iso);
    await virsh(QEMU_URI, 'vol-create-as', 'virtdeck', iso, '1M', '--format', 'raw');
    const added = await api('POST', '/disks', { source: { kind: 'volume', pool: 'virtdeck', volume: iso }, device: 'cdrom' });
    expect(added.status, added.raw).toBe(200);
    expect(added.body.hardware.disks.find((d) => d.device === 'cdrom')).toMatchObject({ target: 'sda', bus: 'scsi', live: true, config: true });
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toMatch(new RegExp(`sda\\s+\\S*${iso.replace(/\./g, '\\.')}`));
    // The test guest has no SCSI CD driver, so QEMU cannot open the tray: libvirt's refusal comes back, the drive keeps its image.
    const ejected = await api('DELETE', '/disks/sda/media');
    expect(ejected.status).toBeGreaterThanOrEqual(400);
    expect(ejected.body.error.message).toMatch(/[Tt]ray/);
    expect(await virsh(QEMU_URI, 'domblklist', guest.name)).toContain(iso);
    const detached = await api('DELETE', '/disks/sda');
    expect(detached.status, detached.raw).toBe(200);
    await until('sda gone', async () => ((await domblkTargets(guest.name)).includes('sda') ? undefined : true));
  });

  it('grows the running disk with a block resize', async () => {
    const res = await api('POST', '/disks/vda/resize', { capacityBytes: 24 * 1024 * 1024 });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.virsh).toBe(`virsh blockresize ${guest.name} vda ${24 * 1024 * 1024}B`);
    expect(await virsh(QEMU_URI, 'domblkinfo', guest.name, 'vda')).toMatch(new RegExp(`Capacity:\\s+${24 * 1024 * 1024}\\b`));
    const smaller = await api('POST', '/disks/vda/resize', { capacityBytes: 8 * 1024 * 1024 });
    expect(smaller.status).toBe(400);
    expect(smaller.body.error.message).toMatch(/can only grow/);
  });

  it('hot-adds a NIC that the guest sees as a new eth, and sets its link down', async () => {
    const before = await shell?.run('ls /sys/class/net');
    expect(before).toContain('eth0');
    expect(before).not.toContain('eth1');
    const added = await api('POST', '/interfaces', { source: { type: 'network', network: 'default' }, model: 'virtio' });
    expect(added.status, added.raw).toBe(200);
    const mac = added.body.hardware.interfaces.find((i) => i.source === 'default')?.mac ?? '';
    expect(mac).toMatch(/^52:54:00:/);
    expect(added.body.virsh).toBe(`virsh attach-interface ${guest.name} --type network --source default --model virtio --mac ${mac} --live --config`);
    await until('eth1 in the guest', async () => ((await shell?.run('ls /sys/class/net'))?.includes('eth1') === true ? true : undefined));
    expect(await liveMacsOfApi()).toEqual(await domiflistMacs(guest.name));

    const down = await api('PUT', `/interfaces/${mac}/link`, { state: 'down' });
    expect(down.status, down.raw).toBe(200);
    expect(await virsh(QEMU_URI, 'domif-getlink', guest.name, mac)).toMatch(/down/);
    expect(down.body.hardware.interfaces.find((i) => i.mac === mac)?.link).toBe('down');

    const detached = await api('DELETE', `/interfaces/${mac}`);
    expect(detached.status, detached.raw).toBe(200);
    await until('the NIC gone from domiflist', async () => ((await domiflistMacs(guest.name)).includes(mac) ? undefined : true));
    expect(await liveMacsOfApi()).toEqual(await domiflistMacs(guest.name));
  });

  it('sets memory live within the maximum', async () => {
    const res = await api('PUT', '/memory', { currentBytes: 100 * 1024 * 1024, apply: 'live' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.applies).toBe('now');
    expect(res.body.virsh).toBe(`virsh setmem ${guest.name} 102400KiB --live`);
    await until('the balloon at 100 MiB', async () => ((await dominfo(guest.name))['Used memory'] === '102400 KiB' ? true : undefined));
    expect((await dominfo(guest.name))['Max memory']).toBe('131072 KiB');
  });

  it('persists vCPU changes (maximum and count) for the next boot', async () => {
    const res = await api('PUT', '/vcpus', { maximum: 2, count: 2, apply: 'config' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.applies).toBe('next-boot');
    expect(res.body.virsh).toBe(`virsh setvcpus ${guest.name} 2 --maximum --config && virsh setvcpus ${guest.name} 2 --config`);
    const counts = await virsh(QEMU_URI, 'vcpucount', guest.name);
    expect(counts).toMatch(/maximum\s+config\s+2/);
    expect(counts).toMatch(/current\s+config\s+2/);
    expect(counts).toMatch(/maximum\s+live\s+1/);
    expect(res.body.hardware.vcpus).toEqual({ live: { current: 1, max: 1 }, config: { current: 2, max: 2 } });
  });

  it('changes the boot order of the persistent config', async () => {
    const res = await api('PUT', '/boot', { devices: ['cdrom', 'hd'] });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.applies).toBe('next-boot');
    const xml = await virsh(QEMU_URI, 'dumpxml', guest.name, '--inactive');
    expect(xml).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
    expect(xml).toContain('<kernel>');
  });

  it('refuses bad input with a reason and changes nothing', async () => {
    const vcpusBefore = await virsh(QEMU_URI, 'vcpucount', guest.name);
    const infoBefore = await dominfo(guest.name);
    const macsBefore = await domiflistMacs(guest.name);
    const disksBefore = await domblkTargets(guest.name);

    const vcpus = await api('PUT', '/vcpus', { count: 2, apply: 'live' });
    expect(vcpus.status).toBe(400);
    expect(vcpus.body.error.message).toMatch(/over the running VM's maximum of 1/);
    const overMax = await api('PUT', '/vcpus', { count: 3, apply: 'config' });
    expect(overMax.status).toBe(400);
    expect(overMax.body.error.message).toMatch(/over the maximum of 2/);

    const memory = await api('PUT', '/memory', { currentBytes: 256 * 1024 * 1024, apply: 'live' });
    expect(memory.status).toBe(400);
    expect(memory.body.error.message).toMatch(/over the running VM's maximum memory of 128 MiB/);

    const [firstMac] = macsBefore;
    const dup = await api('POST', '/interfaces', { source: { type: 'network', network: 'default' }, mac: firstMac });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe(`MAC ${firstMac} is already used by VM "${guest.name}"`);
    const badMac = await api('POST', '/interfaces', { source: { type: 'network', network: 'default' }, mac: '52:54:00:zz:00:01' });
    expect(badMac.status).toBe(400);

    const noDisk = await api('DELETE', '/disks/vdz');
    expect(noDisk.status).toBe(404);
    expect(noDisk.body.error.message).toBe(`VM "${guest.name}" has no disk "vdz"`);

    const noNet = await api('POST', '/interfaces', { source: { type: 'network', network: 'vt-no-such-net' } });
    expect(noNet.status).toBe(404);
    expect(noNet.body.error.message).toMatch(/vt-no-such-net/);

    const ide = await api('POST', '/disks', { source: { kind: 'volume', pool: 'virtdeck', volume: guest.volumeName ?? '' }, bus: 'ide' });
    expect(ide.status).toBe(409);
    expect(ide.body.error.message).toMatch(/cannot be plugged into a running VM/);

    // A request libvirt refuses: its message comes back and the volume made for it is removed again.
    const cdName = `${guest.name}-cd.qcow2`;
    volumes.push(cdName);
    const cd = await api('POST', '/disks', { source: { kind: 'new', pool: 'virtdeck', name: cdName, capacityBytes: 8 * 1024 * 1024, format: 'qcow2' }, device: 'cdrom', bus: 'virtio' });
    expect(cd.status).toBe(400);
    expect(cd.body.error.message).toMatch(/does not support ejectable media/);
    expect(cd.body.error.libvirtCode).toBeGreaterThan(0);
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', cdName)).toBeNull();

    expect(await virsh(QEMU_URI, 'vcpucount', guest.name)).toBe(vcpusBefore);
    expect(await dominfo(guest.name)).toMatchObject({ 'Max memory': infoBefore['Max memory'], 'Used memory': infoBefore['Used memory'] });
    expect(await domiflistMacs(guest.name)).toEqual(macsBefore);
    expect(await domblkTargets(guest.name)).toEqual(disksBefore);
  });

  it('refuses to delete the network while the running guest uses it, naming the guest', async () => {
    const res = await inject({ method: 'DELETE', url: `/api/v1/hosts/local/networks/${network}` });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain(`"${guest.name}"`);
    expect(await virsh(QEMU_URI, 'net-info', network)).toMatch(/Active:\s+yes/);

    const stop = await inject({ method: 'POST', url: `/api/v1/hosts/local/networks/${network}/stop` });
    expect(stop.statusCode).toBe(409);
    expect(stop.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'NETWORK_IN_USE' });
    expect(stop.json<{ error: { message: string } }>().error.message).toContain(`"${guest.name}"`);
    expect(await virsh(QEMU_URI, 'net-info', network)).toMatch(/Active:\s+yes/);
    const forced = await inject({ method: 'POST', url: `/api/v1/hosts/local/networks/${network}/stop?force=1` });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(await virsh(QEMU_URI, 'net-info', network)).toMatch(/Active:\s+no/);
  });
});
