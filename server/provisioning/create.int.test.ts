import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import type { Api } from '../../test/helpers/app.js';
import type { CreateVmResult, ProvisioningOptions, OsSearchResult } from '../../common/provisioning.js';
import { parseDomainXml, type DomainDefinition } from '../xml/domain.js';
import { QEMU_URI, virsh } from '../../test/helpers/virsh.js';
import { TEST_GUEST_INITRD, TEST_GUEST_KERNEL } from '../../test/helpers/guest.js';
import { domainNames, provisioningApp, provName, removeVm, tempPool, volNames } from './provisioning-app.test-helpers.js';

let app: App;
let api: Api;
let pool: Awaited<ReturnType<typeof tempPool>>;
const vms: string[] = [];
const MiB = 1024 * 1024;

beforeAll(async () => {
  ({ app, api } = await provisioningApp());
  pool = await tempPool();
  await virsh(QEMU_URI, 'vol-create-as', pool.name, 'tiny.iso', '1M', '--format', 'raw');
  await virsh(QEMU_URI, 'vol-create-as', pool.name, 'import.qcow2', '16M', '--format', 'qcow2');
});
afterAll(async () => {
  for (const name of vms) await removeVm(name);
  await pool.remove();
  await app.close();
});

async function create(body: Record<string, unknown>): Promise<{ status: number; json: CreateVmResult & { error?: { code: string; message: string } } }> {
  if (typeof body['name'] === 'string') vms.push(body['name']);
  const res = await api({ method: 'POST', url: '/api/v1/hosts/local/vms', payload: body });
  return { status: res.statusCode, json: res.json() };
}
const dumpxml = async (name: string): Promise<DomainDefinition> => parseDomainXml(await virsh(QEMU_URI, 'dumpxml', '--inactive', name));

describe('platform and catalog', () => {
  it('takes domain type, emulator and machine from libvirt (qemu here: the CPU has no vmx/svm)', async () => {
    const res = await api({ url: '/api/v1/hosts/local/provisioning/options' });
    expect(res.statusCode, res.body).toBe(200);
    const opts = res.json<ProvisioningOptions>();
    const domcaps = await virsh(QEMU_URI, 'domcapabilities', '--virttype', opts.domainType);
    expect(domcaps).toContain(`<path>${opts.emulator ?? ''}</path>`);
    expect(domcaps).toContain(`<machine>${opts.machine ?? ''}</machine>`);
    const kvmUsable = /\b(vmx|svm)\b/.test(await import('node:fs/promises').then((fs) => fs.readFile('/proc/cpuinfo', 'utf8')));
    expect(opts.domainType).toBe(kvmUsable ? 'kvm' : 'qemu');
    expect(opts.firmware).toContain('bios');
    expect(opts.firmware.includes('efi')).toBe(/<value>efi<\/value>/.test(domcaps));
    expect(opts.pools.find((p) => p.name === pool.name)?.active).toBe(true);
    expect(opts.networks.map((n) => n.name)).toContain('default');
  });

  it('searches the OS list', async () => {
    const res = await api({ url: '/api/v1/osinfo?q=debian&limit=5' });
    expect(res.statusCode).toBe(200);
    const r = res.json<OsSearchResult>();
    expect(r.oses).toHaveLength(5);
    expect(r.oses.every((o) => /debian/i.test(o.name))).toBe(true);
  });
});

describe('create', () => {
  it('dry run: XML and virt-install line, nothing created', async () => {
    const name = provName();
    const before = await volNames(pool.name);
    const { status, json } = await create({ name, source: { kind: 'pxe' }, storage: { kind: 'new', pool: pool.name, sizeBytes: 16 * MiB }, network: { kind: 'network', network: 'default' }, dryRun: true });
    expect(status, JSON.stringify(json)).toBe(200);
    expect(json.dryRun).toBe(true);
    expect(json.xml).toContain(`<name>${name}</name>`);
    expect(json.virtInstall).toContain(`virt-install --connect qemu:///system --name ${name} --memory`);
    expect(json.virtInstall).toContain(`--disk pool=${pool.name},size=`);
    expect(json.virtInstall).toContain('--pxe');
    expect(await domainNames()).not.toContain(name);
    expect(await volNames(pool.name)).toEqual(before);
  });

  it('from an ISO volume: CD-ROM first in the boot order, read-only, new qcow2 disk second', async () => {
    const name = provName();
    const { status, json } = await create({ name, source: { kind: 'iso', pool: pool.name, volume: 'tiny.iso' }, memoryMiB: 128, vcpus: 1, storage: { kind: 'new', pool: pool.name, sizeBytes: 16 * MiB, format: 'qcow2' }, network: { kind: 'none' }, graphics: 'none' });
    expect(status, JSON.stringify(json)).toBe(201);
    expect(json.steps).toEqual([`created volume ${pool.name}/${name}.qcow2 (16 MiB qcow2)`, `defined VM ${name}`]);
    const def = await dumpxml(name);
    expect(def.os.bootDevices).toEqual(['cdrom', 'hd']);
    const cdrom = def.disks.find((d) => d.device === 'cdrom');
    expect(cdrom).toMatchObject({ readonly: true, sourceFile: `${pool.dir}/tiny.iso` });
    expect(def.disks.find((d) => d.device === 'disk')).toMatchObject({ format: 'qcow2', bus: 'virtio', sourceFile: `${pool.dir}/${name}.qcow2` });
    expect(def.memory.maxBytes).toBe(128 * MiB);
    expect(def.domainType).toBe(json.resolved.domainType);
    expect(await volNames(pool.name)).toContain(`${name}.qcow2`);
    expect(await virsh(QEMU_URI, 'vol-dumpxml', '--pool', pool.name, `${name}.qcow2`)).toContain("<capacity unit='bytes'>16777216</capacity>");
  });

  it('import an existing disk: boots from it, no new volume', async () => {
    const name = provName();
    const before = await volNames(pool.name);
    const { status, json } = await create({ name, source: { kind: 'import' }, memoryMiB: 128, storage: { kind: 'existing', pool: pool.name, volume: 'import.qcow2' }, network: { kind: 'none' } });
    expect(status, JSON.stringify(json)).toBe(201);
    const def = await dumpxml(name);
    expect(def.os.bootDevices).toEqual(['hd']);
    expect(def.disks).toMatchObject([{ device: 'disk', sourceFile: `${pool.dir}/import.qcow2`, format: 'qcow2' }]);
    expect(def.graphics).toMatchObject([{ type: 'vnc', listen: '127.0.0.1', autoport: true }]);
    expect(await volNames(pool.name)).toEqual(before);
  });

  it('PXE: network first, a virtio NIC on default with a 52:54:00 MAC', async () => {
    const name = provName();
    const { status, json } = await create({ name, source: { kind: 'pxe' }, memoryMiB: 128, storage: { kind: 'none' }, network: { kind: 'network', network: 'default' } });
    expect(status, JSON.stringify(json)).toBe(201);
    const def = await dumpxml(name);
    expect(def.os.bootDevices).toEqual(['network']);
    expect(def.interfaces).toHaveLength(1);
    expect(def.interfaces[0]).toMatchObject({ type: 'network', sourceNetwork: 'default', model: 'virtio' });
    expect(def.interfaces[0]?.mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(await virsh(QEMU_URI, 'domiflist', name)).toContain(def.interfaces[0]?.mac ?? 'none');
  });

  it('an OS from osinfo-db changes the defaults (Windows XP: its RAM, IDE disk, e1000; Debian 11: virtio)', async () => {
    const xp = provName();
    const r1 = await create({ name: xp, os: 'winxp', source: { kind: 'pxe' }, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, network: { kind: 'network', network: 'default' } });
    expect(r1.status, JSON.stringify(r1.json)).toBe(201);
    const d1 = await dumpxml(xp);
    expect(d1.memory.maxBytes).toBe(512 * MiB);
    expect(d1.disks[0]?.bus).toBe('ide');
    expect(d1.interfaces[0]?.model).toBe('e1000');
    expect(await virsh(QEMU_URI, 'dumpxml', xp)).toContain('<libosinfo:os id="http://microsoft.com/win/xp"/>');

    const deb = provName();
    const r2 = await create({ name: deb, os: 'debian11', source: { kind: 'pxe' }, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, network: { kind: 'network', network: 'default' } });
    expect(r2.status, JSON.stringify(r2.json)).toBe(201);
    const d2 = await dumpxml(deb);
    expect(d2.memory.maxBytes).toBe(Math.min(1024 * MiB, r2.json.resolved.memoryMiB * MiB));
    expect(d2.disks[0]?.bus).toBe('virtio');
    expect(d2.interfaces[0]?.model).toBe('virtio');
  });

  it('an explicit disk bus and NIC model win over the OS defaults', async () => {
    const name = provName();
    const { status, json } = await create({ name, os: 'debian11', source: { kind: 'pxe' }, memoryMiB: 128, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, diskBus: 'sata', network: { kind: 'network', network: 'default', model: 'e1000' } });
    expect(status, JSON.stringify(json)).toBe(201);
    const def = await dumpxml(name);
    expect(def.disks[0]).toMatchObject({ bus: 'sata', target: 'sda' });
    expect(def.interfaces[0]?.model).toBe('e1000');
  });

  it('escapes XML-special characters in the kernel command line: libvirt stores them verbatim', async () => {
    const name = provName();
    const cmdline = `console=ttyS0 x="<a&b>" y='1'`;
    const { status, json } = await create({ name, source: { kind: 'kernel', kernel: TEST_GUEST_KERNEL, initrd: TEST_GUEST_INITRD, cmdline }, memoryMiB: 128, storage: { kind: 'none' }, network: { kind: 'none' } });
    expect(status, JSON.stringify(json)).toBe(201);
    const def = await dumpxml(name);
    expect(def.os).toMatchObject({ kernel: TEST_GUEST_KERNEL, initrd: TEST_GUEST_INITRD, cmdline });
  });
});

describe('rollback', () => {
  it('a name clash at define, after the volume was made: the volume is deleted, the other VM untouched', async () => {
    const name = provName();
    const first = await create({ name, source: { kind: 'pxe' }, memoryMiB: 64, storage: { kind: 'none' }, network: { kind: 'network', network: 'default' } });
    expect(first.status).toBe(201);
    const uuidBefore = await virsh(QEMU_URI, 'domuuid', name);
    const { status, json } = await create({ name, source: { kind: 'pxe' }, memoryMiB: 128, storage: { kind: 'new', pool: pool.name, name: `${name}-new.qcow2`, sizeBytes: 8 * MiB }, network: { kind: 'network', network: 'default' } });
    expect(status).toBe(409);
    expect(json.error?.message).toContain(`Rolled back: deleted volume ${pool.name}/${name}-new.qcow2`);
    expect(await volNames(pool.name)).not.toContain(`${name}-new.qcow2`);
    expect((await domainNames()).filter((n) => n === name)).toHaveLength(1);
    expect(await virsh(QEMU_URI, 'domuuid', name)).toBe(uuidBefore);
    expect((await dumpxml(name)).memory.maxBytes).toBe(64 * MiB);
  });

  it('a start that fails (kernel missing): the VM is undefined and the volume deleted', async () => {
    const name = provName();
    const { status, json } = await create({ name, source: { kind: 'kernel', kernel: '/nonexistent/vmlinuz' }, memoryMiB: 64, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, network: { kind: 'none' }, graphics: 'none', start: true });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(json.error?.message).toContain(`Rolled back: undefined VM ${name}, deleted volume ${pool.name}/${name}.qcow2`);
    expect(await domainNames()).not.toContain(name);
    expect(await volNames(pool.name)).not.toContain(`${name}.qcow2`);
  });
});

describe('bad input: 4xx and nothing created', () => {
  const good = () => ({ name: provName(), source: { kind: 'pxe' }, memoryMiB: 64, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, network: { kind: 'network', network: 'default' } });
  const cases: [string, (b: ReturnType<typeof good>) => Record<string, unknown>][] = [
    ['a name with a space', (b) => ({ ...b, name: 'vt prov' })],
    ['a name with a slash', (b) => ({ ...b, name: 'vt/prov' })],
    ['a name with XML-special characters', (b) => ({ ...b, name: `vt<prov>&'"` })],
    ['a name starting with "-"', (b) => ({ ...b, name: '-vt-prov' })],
    ['an empty name', (b) => ({ ...b, name: '' })],
    ['a disk of size 0', (b) => ({ ...b, storage: { kind: 'new', pool: pool.name, sizeBytes: 0 } })],
    ['a disk larger than the pool', (b) => ({ ...b, storage: { kind: 'new', pool: pool.name, sizeBytes: 1024 ** 5 } })],
    ['an unknown pool', (b) => ({ ...b, storage: { kind: 'new', pool: 'vt-prov-no-such-pool', sizeBytes: 8 * MiB } })],
    ['an unknown network', (b) => ({ ...b, network: { kind: 'network', network: 'vt-prov-no-such-net' } })],
    ['memory 0 MiB', (b) => ({ ...b, memoryMiB: 0 })],
    ['memory below 1 MiB', (b) => ({ ...b, memoryMiB: 0.5 })],
    ['a relative kernel path', (b) => ({ ...b, source: { kind: 'kernel', kernel: 'vmlinuz' } })],
    ['a kernel path with ".."', (b) => ({ ...b, source: { kind: 'kernel', kernel: '/var/../etc/passwd' } })],
    ['an unknown OS', (b) => ({ ...b, os: 'http://example.com/no-such-os' })],
    ['an unknown field', (b) => ({ ...b, extra: 1 })],
    ['PXE without a NIC', (b) => ({ ...b, network: { kind: 'none' } })],
  ];
  for (const [what, mutate] of cases) {
    it(what, async () => {
      const body = mutate(good());
      const before = await volNames(pool.name);
      const names = await domainNames();
      const res = await api({ method: 'POST', url: '/api/v1/hosts/local/vms', payload: body });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.json<{ error: { message: string } }>().error.message.length).toBeGreaterThan(5);
      expect(await volNames(pool.name)).toEqual(before);
      expect(await domainNames()).toEqual(names);
    });
  }
});
