import { execFile } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import type { Api } from '../../test/helpers/app.js';
import type { VolumeDetails } from '../../common/storage.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { createTestGuest, testGuestXml, TEST_POOL, type TestGuest } from '../../test/helpers/guest.js';
import { infoMap, removePool, storageApp, storageName, testPoolsDir } from '../storage/storage-app.test-helpers.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;

interface QemuImgInfo {
  format: string;
  'virtual-size': number;
  filename: string;
  'backing-filename'?: string;
  'format-specific'?: { data?: { compat?: string } };
}

async function qemuImg(path: string, shared = false): Promise<QemuImgInfo> {
  const { stdout } = await run('qemu-img', ['info', '--output=json', ...(shared ? ['-U'] : []), path]);
  return JSON.parse(stdout) as QemuImgInfo;
}

let app: App;
let api: Api;
let tmp: { dir: string; remove: () => void };
const pool = storageName();
let poolDir: string;
const url = (rest = ''): string => `/api/v1/hosts/local/pools/${pool}/volumes${rest}`;
const volList = async (): Promise<string[]> =>
  (await virsh(QEMU_URI, 'vol-list', pool)).split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter(Boolean);
const volInfo = async (vol: string): Promise<Record<string, string>> => infoMap(await virsh(QEMU_URI, 'vol-info', '--pool', pool, vol));
const errorOf = (body: string): string => (JSON.parse(body) as { error: { message: string } }).error.message;

beforeAll(async () => {
  ({ app, api } = await storageApp());
  tmp = testPoolsDir();
  poolDir = join(tmp.dir, 'vols');
  await virsh(QEMU_URI, 'pool-create-as', pool, 'dir', '--target', poolDir, '--build');
});
afterAll(async () => {
  await removePool(QEMU_URI, pool);
  tmp.remove();
  await app.close();
});

describe('volumes through the API, checked with virsh and qemu-img', () => {
  it('creates a qcow2 volume (compat 1.1)', async () => {
    const res = await api({ method: 'POST', url: url(), payload: { name: 'disk.qcow2', capacityBytes: 64 * MiB, format: 'qcow2' } });
    expect(res.statusCode, res.body).toBe(201);
    const info = await qemuImg(join(poolDir, 'disk.qcow2'));
    expect(info.format).toBe('qcow2');
    expect(info['virtual-size']).toBe(64 * MiB);
    expect(info['format-specific']?.data?.compat).toBe('1.1');
    expect((await volInfo('disk.qcow2'))['Capacity']).toBe('64.00 MiB');
    const details = res.json<VolumeDetails>();
    expect(details).toMatchObject({ name: 'disk.qcow2', format: 'qcow2', capacityBytes: info['virtual-size'], path: info.filename, compat: '1.1', usedBy: [], backingChain: [] });
  });

  it('creates raw volumes, sparse or fully allocated', async () => {
    const res = await api({ method: 'POST', url: url(), payload: { name: 'data.img', capacityBytes: 32 * MiB, format: 'raw' } });
    expect(res.statusCode, res.body).toBe(201);
    const info = await qemuImg(join(poolDir, 'data.img'));
    expect([info.format, info['virtual-size']]).toEqual(['raw', 32 * MiB]);
    expect(res.json<VolumeDetails>().allocationBytes).toBeLessThan(MiB);
    const full = await api({ method: 'POST', url: url(), payload: { name: 'full.img', capacityBytes: 8 * MiB, format: 'raw', preallocation: 'full' } });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json<VolumeDetails>().allocationBytes).toBeGreaterThanOrEqual(8 * MiB);
    expect((await volInfo('full.img'))['Allocation']).toBe('8.00 MiB');
  });

  it('creates a qcow2 overlay on a backing volume and reports the chain', async () => {
    const res = await api({ method: 'POST', url: url(), payload: { name: 'overlay.qcow2', capacityBytes: 64 * MiB, format: 'qcow2', backingVolume: 'disk.qcow2' } });
    expect(res.statusCode, res.body).toBe(201);
    const info = await qemuImg(join(poolDir, 'overlay.qcow2'));
    expect(info['backing-filename']).toBe(join(poolDir, 'disk.qcow2'));
    expect(res.json<VolumeDetails>().backingChain).toEqual([{ path: join(poolDir, 'disk.qcow2'), format: 'qcow2' }]);
  });

  it('lists volumes like virsh vol-list', async () => {
    const res = await api({ method: 'GET', url: url() });
    const names = res.json<{ volumes: { name: string }[] }>().volumes.map((v) => v.name);
    expect(names).toEqual([...(await volList())].sort());
  });

  it('grows a qcow2 volume', async () => {
    const res = await api({ method: 'POST', url: url('/disk.qcow2/resize'), payload: { capacityBytes: 128 * MiB } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await qemuImg(join(poolDir, 'disk.qcow2')))['virtual-size']).toBe(128 * MiB);
    expect((await volInfo('disk.qcow2'))['Capacity']).toBe('128.00 MiB');
  });

  it('shrinks only with allowShrink', async () => {
    const refused = await api({ method: 'POST', url: url('/data.img/resize'), payload: { capacityBytes: 16 * MiB } });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused.body)).toMatch(/allowShrink/);
    expect((await qemuImg(join(poolDir, 'data.img')))['virtual-size']).toBe(32 * MiB);
    const res = await api({ method: 'POST', url: url('/data.img/resize'), payload: { capacityBytes: 16 * MiB, allowShrink: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await qemuImg(join(poolDir, 'data.img')))['virtual-size']).toBe(16 * MiB);
  });

  it('clones a volume', async () => {
    const res = await api({ method: 'POST', url: url('/disk.qcow2/clone'), payload: { name: 'copy.qcow2' } });
    expect(res.statusCode, res.body).toBe(201);
    const info = await qemuImg(join(poolDir, 'copy.qcow2'));
    expect([info.format, info['virtual-size']]).toEqual(['qcow2', 128 * MiB]);
    expect(await volList()).toContain('copy.qcow2');
  });

  it('wipes a volume: its bytes become zeros', async () => {
    const path = join(poolDir, 'data.img');
    const fd = openSync(path, 'r+');
    const junk = Buffer.alloc(MiB, 0xab);
    writeFileSync(fd, junk);
    closeSync(fd);
    const res = await api({ method: 'POST', url: url('/data.img/wipe') });
    expect(res.statusCode, res.body).toBe(200);
    const back = Buffer.alloc(MiB);
    const rfd = openSync(path, 'r');
    readSync(rfd, back, 0, MiB, 0);
    closeSync(rfd);
    expect(back.every((b) => b === 0)).toBe(true);
    expect((await volInfo('data.img'))['Capacity']).toBe('16.00 MiB');
  });

  it('deletes volumes', async () => {
    for (const vol of ['overlay.qcow2', 'copy.qcow2', 'full.img']) {
      const res = await api({ method: 'DELETE', url: url(`/${vol}`) });
      expect(res.statusCode, res.body).toBe(204);
      expect(await volList()).not.toContain(vol);
      expect(existsSync(join(poolDir, vol))).toBe(false);
    }
  });
});

describe('bad volume input is refused with a reason and changes nothing', () => {
  const cases: [string, object, number, RegExp][] = [
    ['traversal name', { name: '../escape.qcow2', capacityBytes: MiB, format: 'qcow2' }, 400, /Volume name must not contain "\/"/],
    ['absolute name', { name: '/tmp/abs.qcow2', capacityBytes: MiB, format: 'qcow2' }, 400, /name/],
    ['hidden name', { name: '.hidden', capacityBytes: MiB, format: 'raw' }, 400, /Volume name must not start with "\."/],
    ['zero size', { name: 'zero.img', capacityBytes: 0, format: 'raw' }, 400, /capacityBytes/],
    ['negative size', { name: 'neg.img', capacityBytes: -1024, format: 'raw' }, 400, /capacityBytes/],
    ['fractional size', { name: 'frac.img', capacityBytes: 1.5, format: 'raw' }, 400, /capacityBytes/],
    ['huge size', { name: 'huge.img', capacityBytes: 2 ** 52, format: 'raw' }, 400, /capacityBytes/],
    ['unknown format', { name: 'x.vmdk', capacityBytes: MiB, format: 'vmdk' }, 400, /format/],
    ['duplicate name', { name: 'disk.qcow2', capacityBytes: MiB, format: 'qcow2' }, 409, /already exists/],
    ['missing backing volume', { name: 'ov2.qcow2', capacityBytes: 128 * MiB, format: 'qcow2', backingVolume: 'nope.qcow2' }, 400, /not in pool/],
  ];
  it.each(cases)('%s', async (_what, payload, status, reason) => {
    const before = await volList();
    const res = await api({ method: 'POST', url: url(), payload });
    expect(res.statusCode, res.body).toBe(status);
    expect(errorOf(res.body)).toMatch(reason);
    expect(await volList()).toEqual(before);
    expect(existsSync(join(tmp.dir, 'escape.qcow2'))).toBe(false);
    expect(existsSync('/tmp/abs.qcow2')).toBe(false);
    expect((await qemuImg(join(poolDir, 'disk.qcow2')))['virtual-size']).toBe(128 * MiB);
  });

  it('a clone with a traversal name → 400', async () => {
    const before = await volList();
    const res = await api({ method: 'POST', url: url('/disk.qcow2/clone'), payload: { name: '../../x' } });
    expect(res.statusCode).toBe(400);
    expect(await volList()).toEqual(before);
  });

  it('volume operations in an inactive pool → 409', async () => {
    const idle = storageName();
    await virsh(QEMU_URI, 'pool-define-as', idle, 'dir', '--target', join(tmp.dir, 'idle'));
    try {
      const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${idle}/volumes`, payload: { name: 'a.img', capacityBytes: MiB, format: 'raw' } });
      expect(res.statusCode).toBe(409);
      expect(existsSync(join(tmp.dir, 'idle', 'a.img'))).toBe(false);
    } finally {
      await removePool(QEMU_URI, idle);
    }
  });
});

describe('volumes used by VMs', () => {
  let running: TestGuest;
  let idleVm: string;
  beforeAll(async () => {
    running = await createTestGuest({ prefix: 'storage', disk: 'qcow2', start: true, serialLog: false });
    idleVm = storageName('vm');
    const xmlPath = join(tmp.dir, 'idle-vm.xml');
    writeFileSync(xmlPath, testGuestXml({ name: idleVm, disk: { path: join(poolDir, 'disk.qcow2'), format: 'qcow2' } }));
    await virsh(QEMU_URI, 'define', xmlPath);
  });
  afterAll(async () => {
    await running.cleanup();
    await virshOrNull(QEMU_URI, 'undefine', idleVm);
  });

  const runningUrl = (rest = ''): string => `/api/v1/hosts/local/pools/${TEST_POOL}/volumes/${running.volumeName ?? ''}${rest}`;

  it('details name the VMs using a volume', async () => {
    const res = await api({ method: 'GET', url: runningUrl() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VolumeDetails>().usedBy).toEqual([{ uuid: running.uuid, name: running.name, active: true }]);
    const idle = await api({ method: 'GET', url: url('/disk.qcow2') });
    expect(idle.json<VolumeDetails>().usedBy.map((u) => [u.name, u.active])).toEqual([[idleVm, false]]);
  });

  it('refuses to shrink, resize, wipe or delete a volume of a running VM', async () => {
    const path = running.diskPath ?? '';
    const before = (await qemuImg(path, true))['virtual-size'];
    const shrink = await api({ method: 'POST', url: runningUrl('/resize'), payload: { capacityBytes: MiB, allowShrink: true } });
    expect(shrink.statusCode).toBe(409);
    expect(errorOf(shrink.body)).toMatch(new RegExp(`in use by running VM "${running.name}"`));
    const grow = await api({ method: 'POST', url: runningUrl('/resize'), payload: { capacityBytes: before * 2 } });
    expect(grow.statusCode).toBe(409);
    expect((await api({ method: 'POST', url: runningUrl('/wipe') })).statusCode).toBe(409);
    const del = await api({ method: 'DELETE', url: runningUrl() });
    expect(del.statusCode).toBe(409);
    expect((await qemuImg(path, true))['virtual-size']).toBe(before);
    expect(await virsh(QEMU_URI, 'vol-list', TEST_POOL)).toContain(running.volumeName ?? '?');
  });

  it('deleting a volume of a stopped VM needs force', async () => {
    const res = await api({ method: 'DELETE', url: url('/disk.qcow2') });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body)).toMatch(new RegExp(`disk of VM "${idleVm}".*force`));
    expect(await volList()).toContain('disk.qcow2');
  });
});
