import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { QEMU_URI, virsh, virshBridges, virshOrNull } from '../../test/helpers/virsh.js';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import type { ChangeResult, HardwareView } from '../../common/hardware.js';

const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };
const MiB = 1024 * 1024;

describe('hardware API on a stopped test guest (changes for the next boot), then live vCPU hot-plug', () => {
  let app: App;
  let inject: Api;
  let guest: TestGuest;
  let url: string;
  let iso: string;

  const api = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object) => {
    const res = await inject({ method, url: `${url}${path}`, ...(payload === undefined ? {} : { payload }) });
    return { status: res.statusCode, body: res.json<ChangeResult & HardwareView & { error: { code: string; message: string } }>(), raw: res.body };
  };

  beforeAll(async () => {
    ({ app, api: inject } = await buildTestApp({ config }));
    await app.hosts.ready('local');
    guest = await createTestGuest({ prefix: 'hwoff', disk: 'qcow2', diskMiB: 16, serialLog: true });
    url = `/api/v1/hosts/local/vms/${guest.uuid}`;
    iso = `${guest.name}-media.iso`;
    await virsh(QEMU_URI, 'vol-create-as', 'virtdeck', iso, '1M', '--format', 'raw');
  });

  afterAll(async () => {
    await guest?.cleanup();
    if ((await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', iso)) !== null) await virshOrNull(QEMU_URI, 'vol-delete', '--pool', 'virtdeck', iso);
    await app?.close();
  });

  it("lists the host's bridges as libvirt's interface driver reports them", async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/hosts/local/bridges' });
    const expected = await virshBridges(QEMU_URI);
    expect(res.json<{ bridges: string[] }>().bridges).toEqual(expected);
    expect(expected).toContain('virbr0');
  });

  it('refuses a change "now" while the VM is off', async () => {
    const res = await api('PUT', '/memory', { currentBytes: 100 * MiB, apply: 'live' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/is not running/);
  });

  it('adds a NIC on a host bridge with a given MAC, for the next boot', async () => {
    const res = await api('POST', '/interfaces', { source: { type: 'bridge', bridge: 'virbr0' }, model: 'e1000', mac: '52:54:00:7e:57:01' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.applies).toBe('next-boot');
    expect(res.body.virsh).toBe(`virsh attach-interface ${guest.name} --type bridge --source virbr0 --model e1000 --mac 52:54:00:7e:57:01 --config`);
    expect(await virsh(QEMU_URI, 'domiflist', guest.name, '--inactive')).toMatch(/bridge\s+virbr0\s+e1000\s+52:54:00:7e:57:01/);
    const down = await api('PUT', '/interfaces/52:54:00:7e:57:01/link', { state: 'down' });
    expect(down.status, down.raw).toBe(200);
    expect(await virsh(QEMU_URI, 'domif-getlink', guest.name, '52:54:00:7e:57:01', '--config')).toMatch(/down/);
  });

  it('adds a CD-ROM with an image, ejects and inserts media', async () => {
    const added = await api('POST', '/disks', { source: { kind: 'volume', pool: 'virtdeck', volume: iso }, device: 'cdrom', bus: 'sata' });
    expect(added.status, added.raw).toBe(200);
    const cd = added.body.hardware.disks.find((d) => d.device === 'cdrom');
    expect(cd).toMatchObject({ target: 'sda', bus: 'sata', readonly: true, config: true, live: false });
    expect(await virsh(QEMU_URI, 'domblklist', guest.name, '--inactive')).toMatch(new RegExp(`sda\\s+\\S*${iso.replace(/\./g, '\\.')}`));

    const ejected = await api('DELETE', '/disks/sda/media');
    expect(ejected.status, ejected.raw).toBe(200);
    expect(ejected.body.virsh).toBe(`virsh change-media ${guest.name} sda --eject --config`);
    expect(await virsh(QEMU_URI, 'domblklist', guest.name, '--inactive')).toMatch(/sda\s+-/);

    const inserted = await api('PUT', '/disks/sda/media', { pool: 'virtdeck', volume: iso });
    expect(inserted.status, inserted.raw).toBe(200);
    expect(await virsh(QEMU_URI, 'domblklist', guest.name, '--inactive')).toContain(iso);

    const notCd = await api('DELETE', '/disks/vda/media');
    expect(notCd.status).toBe(400);
  });

  it('grows the disk of the stopped VM through its volume', async () => {
    const res = await api('POST', '/disks/vda/resize', { capacityBytes: 32 * MiB });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.virsh).toBe(`virsh vol-resize --pool virtdeck ${guest.volumeName ?? ''} ${32 * MiB}B`);
    expect(await virsh(QEMU_URI, 'vol-info', '--pool', 'virtdeck', guest.volumeName ?? '')).toMatch(/Capacity:\s+32\.00 MiB/);
  });

  it('changes maximum and current memory in the persistent config', async () => {
    const over = await api('PUT', '/memory', { currentBytes: 300 * MiB, maxBytes: 256 * MiB });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toMatch(/over the maximum memory of 256 MiB/);
    const res = await api('PUT', '/memory', { currentBytes: 160 * MiB, maxBytes: 192 * MiB });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.virsh).toBe(`virsh setmaxmem ${guest.name} 196608KiB --config && virsh setmem ${guest.name} 163840KiB --config`);
    const info = await virsh(QEMU_URI, 'dominfo', guest.name);
    expect(info).toMatch(/Max memory:\s+196608 KiB/);
    expect(info).toMatch(/Used memory:\s+163840 KiB/);
  });

  it('raises the vCPU maximum for the next boot, then hot-plugs a vCPU into the running VM', async () => {
    const cfg = await api('PUT', '/vcpus', { maximum: 2, count: 1 });
    expect(cfg.status, cfg.raw).toBe(200);
    expect(await virsh(QEMU_URI, 'vcpucount', guest.name)).toMatch(/maximum\s+config\s+2[\s\S]*current\s+config\s+1/);
    await virsh(QEMU_URI, 'start', guest.name);
    await guest.waitForBanner(60_000);
    const live = await api('PUT', '/vcpus', { count: 2, apply: 'live' });
    expect(live.status, live.raw).toBe(200);
    expect(live.body.applies).toBe('now');
    expect(await virsh(QEMU_URI, 'vcpucount', guest.name)).toMatch(/current\s+live\s+2/);
    expect(await virsh(QEMU_URI, 'vcpucount', guest.name)).toMatch(/current\s+config\s+1/);
  });
});
