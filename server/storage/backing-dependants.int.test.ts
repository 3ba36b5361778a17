import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { ApiErrorBody } from '../../common/errors.js';
import type { DeletePlan } from '../../common/provisioning.js';
import type { PoolUsers, VolumeDetails } from '../../common/storage.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';

// Deleting a volume another volume uses as its backing file gave no warning: refused by default, dependants named.
const MiB = 1024 * 1024;
const POOL = 'default-pool';
const tag = randomBytes(4).toString('hex');
const base = `vt-dep-${tag}-base.qcow2`;
const overlay = `vt-dep-${tag}-top.qcow2`;
const vm = `vt-dep-${tag}`;
const basePool = `vt-dep-${tag}-p`;
const dir = mkdtempSync(join(tmpdir(), 'vt-dep-'));
let app: App;
let api: Api;

const volApi = (pool: string, rest = ''): string => `/api/v1/hosts/test/pools/${pool}/volumes${rest}`;
const volNames = async (pool: string): Promise<string[]> =>
  (await virsh(TEST_VIRSH_URI, 'vol-list', pool)).split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter(Boolean);
const post = (url: string, payload: object) => api({ method: 'POST', url, payload });

async function defineVm(name: string, diskPath: string): Promise<string> {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, `<domain type='test'><name>${name}</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>
  <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${diskPath}'/><target dev='vda' bus='virtio'/></disk></devices></domain>`);
  await virsh(TEST_VIRSH_URI, 'define', file);
  return virsh(TEST_VIRSH_URI, 'domuuid', name);
}

beforeAll(async () => {
  ({ app, api } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } }));
  await app.hosts.ready('test');
});
afterAll(async () => {
  for (const n of [vm, `${vm}-b`]) await virshOrNull(TEST_VIRSH_URI, 'undefine', n);
  for (const v of [overlay, base]) await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', POOL, v);
  await virshOrNull(TEST_VIRSH_URI, 'pool-destroy', basePool);
  await virshOrNull(TEST_VIRSH_URI, 'pool-undefine', basePool);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('volumes that are backing files of other volumes', () => {
  let basePath = '';

  it('the base names its dependant (the overlay, and the VM using it)', async () => {
    expect((await post(volApi(POOL), { name: base, capacityBytes: 8 * MiB, format: 'qcow2' })).statusCode).toBe(201);
    const top = await post(volApi(POOL), { name: overlay, capacityBytes: 8 * MiB, format: 'qcow2', backingVolume: base });
    expect(top.statusCode, top.body).toBe(201);
    const topPath = top.json<VolumeDetails>().path;
    await defineVm(vm, topPath);
    const details = (await api({ url: volApi(POOL, `/${base}`) })).json<VolumeDetails>();
    basePath = details.path;
    expect(await virsh(TEST_VIRSH_URI, 'vol-dumpxml', '--pool', POOL, overlay)).toContain(`<path>${basePath}</path>`);
    expect(details.dependants).toEqual([{ pool: POOL, name: overlay, path: topPath, usedBy: [expect.objectContaining({ name: vm, active: false })] }]);
  });

  it('deleting the base is refused (409) naming the overlay and its VM; virsh vol-list unchanged', async () => {
    const before = await volNames(POOL);
    const res = await api({ method: 'DELETE', url: volApi(POOL, `/${base}`) });
    expect(res.statusCode).toBe(409);
    const { error } = res.json<ApiErrorBody>();
    expect(error.code).toBe('HAS_BACKING_DEPENDANTS');
    expect(error.message).toContain(`"${POOL}/${overlay}"`);
    expect(error.message).toContain(`"${vm}"`);
    expect(await volNames(POOL)).toEqual(before);
  });

  it('VM delete with storage: the plan names the dependant, does not pre-check the disk, and deleting it needs breakDependants', async () => {
    const uuid = await defineVm(`${vm}-b`, basePath);
    const plan = (await api({ url: `/api/v1/hosts/test/vms/${uuid}/delete-plan` })).json<DeletePlan>();
    expect(plan.disks[0]).toMatchObject({ path: basePath, defaultChecked: false, dependants: [expect.objectContaining({ name: overlay })] });
    const refused = await api({ method: 'DELETE', url: `/api/v1/hosts/test/vms/${uuid}`, payload: { volumes: [basePath] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiErrorBody>().error.code).toBe('HAS_BACKING_DEPENDANTS');
    expect(await virsh(TEST_VIRSH_URI, 'domstate', `${vm}-b`)).toBe('shut off');
    expect(await volNames(POOL)).toContain(base);
    // Keeping the disk deletes the VM only.
    const kept = await api({ method: 'DELETE', url: `/api/v1/hosts/test/vms/${uuid}`, payload: { volumes: [] } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', `${vm}-b`)).toBeNull();
    expect(await volNames(POOL)).toContain(base);
  });

  it('deleting anyway with the explicit confirmation (force=1) removes only the base', async () => {
    const res = await api({ method: 'DELETE', url: volApi(POOL, `/${base}?force=1`) });
    expect(res.statusCode, res.body).toBe(204);
    const after = await volNames(POOL);
    expect(after).not.toContain(base);
    expect(after).toContain(overlay);
  });

  it('pool delete: the users answer names volumes of other pools backed by its files; delete-storage needs breakDependants', async () => {
    await virsh(TEST_VIRSH_URI, 'pool-define-as', basePool, 'dir', '--target', `/${basePool}`);
    await virsh(TEST_VIRSH_URI, 'pool-start', basePool);
    expect((await post(volApi(basePool), { name: 'gold.qcow2', capacityBytes: 8 * MiB, format: 'qcow2' })).statusCode).toBe(201);
    await virsh(TEST_VIRSH_URI, 'vol-delete', '--pool', POOL, overlay);
    const goldPath = `/${basePool}/gold.qcow2`;
    const file = join(dir, 'top.xml');
    writeFileSync(file, `<volume><name>${overlay}</name><capacity>${8 * MiB}</capacity><target><format type='qcow2'/></target><backingStore><path>${goldPath}</path><format type='qcow2'/></backingStore></volume>`);
    await virsh(TEST_VIRSH_URI, 'vol-create', POOL, file);
    await virsh(TEST_VIRSH_URI, 'pool-destroy', basePool);
    const users = (await api({ url: `/api/v1/hosts/test/pools/${basePool}/users` })).json<PoolUsers>();
    expect(users.dependants.map((d) => `${d.pool}/${d.name}`)).toEqual([`${POOL}/${overlay}`]);
    const refused = await post(`/api/v1/hosts/test/pools/${basePool}/delete-storage`, { confirm: basePool });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiErrorBody>().error.message).toContain(`"${POOL}/${overlay}"`);
    expect(await virsh(TEST_VIRSH_URI, 'pool-info', basePool)).toMatch(/State:\s+inactive/);
    const done = await post(`/api/v1/hosts/test/pools/${basePool}/delete-storage`, { confirm: basePool, breakDependants: true });
    expect(done.statusCode, done.body).toBe(200);
  });
});
