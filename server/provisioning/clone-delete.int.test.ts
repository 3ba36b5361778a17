import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import type { Api } from '../../test/helpers/app.js';
import type { CloneVmResult, DeletePlan, DeleteVmResult, SaveVmResult } from '../../common/provisioning.js';
import { parseDomainXml, type DomainDefinition } from '../xml/domain.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { createTestGuest, waitForFileText, TEST_GUEST_BANNER, TEST_GUEST_INITRD, TEST_GUEST_KERNEL, TEST_GUEST_CMDLINE, type TestGuest } from '../../test/helpers/guest.js';
import { domainNames, provisioningApp, provName, removeVm, tempPool, volNames } from './provisioning-app.test-helpers.js';

let app: App;
let api: Api;
let pool: Awaited<ReturnType<typeof tempPool>>;
const guests: TestGuest[] = [];
const vms: string[] = [];
const MiB = 1024 * 1024;

beforeAll(async () => {
  ({ app, api } = await provisioningApp());
  pool = await tempPool();
  await virsh(QEMU_URI, 'vol-create-as', pool.name, 'shared.iso', '1M', '--format', 'raw');
});
afterAll(async () => {
  for (const name of vms) await removeVm(name);
  for (const g of guests) await g.cleanup().catch(() => undefined);
  await pool.remove();
  await app.close();
});

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (b) => h.update(b)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
}
const dumpxml = async (name: string): Promise<DomainDefinition> => parseDomainXml(await virsh(QEMU_URI, 'dumpxml', '--inactive', name));
const uuidOf = (name: string): Promise<string> => virsh(QEMU_URI, 'domuuid', name);

async function createVm(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  vms.push(name);
  const res = await api({
    method: 'POST',
    url: '/api/v1/hosts/local/vms',
    payload: { name, source: { kind: 'kernel', kernel: TEST_GUEST_KERNEL, initrd: TEST_GUEST_INITRD, cmdline: TEST_GUEST_CMDLINE }, memoryMiB: 128, vcpus: 1, storage: { kind: 'new', pool: pool.name, sizeBytes: 8 * MiB }, network: { kind: 'none' }, graphics: 'none', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ uuid: string }>().uuid;
}

describe('clone', () => {
  let source: TestGuest;
  let clone: CloneVmResult;
  let sumBefore: string;

  it('clones a shut-off guest: new UUID, MAC and disk; the original untouched', async () => {
    source = await createTestGuest({ prefix: 'prov', disk: 'qcow2', diskMiB: 16, nic: true });
    guests.push(source);
    const origPath = source.diskPath ?? '';
    sumBefore = await sha256(origPath);
    const origXml = await virsh(QEMU_URI, 'dumpxml', '--inactive', source.name);
    const name = provName();
    vms.push(name);
    const t0 = Date.now();
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${source.uuid}/clone`, payload: { name } });
    const ms = Date.now() - t0;
    expect(res.statusCode, res.body).toBe(201);
    clone = res.json<CloneVmResult>();
    console.log(`clone of a 16 MiB qcow2 guest: ${ms} ms`);
    expect(clone.name).toBe(name);
    const [o, c] = [parseDomainXml(origXml), await dumpxml(name)];
    expect(await uuidOf(name)).toBe(clone.uuid);
    expect(clone.uuid).not.toBe(source.uuid);
    expect(c.interfaces[0]?.mac).toBe(clone.macs[0]);
    expect(c.interfaces[0]?.mac).not.toBe(o.interfaces[0]?.mac);
    expect(c.interfaces[0]?.mac).toMatch(/^52:54:00:/);
    const clonePath = c.disks[0]?.sourceFile ?? '';
    expect(clonePath).not.toBe(origPath);
    expect(clone.disks).toEqual([{ target: 'vda', action: 'cloned', from: origPath, to: clonePath }]);
    expect(await virsh(QEMU_URI, 'vol-path', '--pool', 'virtdeck', `${name}.qcow2`)).toBe(clonePath);
    expect(c.consoles.find((x) => x.kind === 'serial')?.logFile).toBe(`/var/log/libvirt/qemu/${name}-serial.log`);
    expect(c.os.kernel).toBe(o.os.kernel);
    // The original's definition is exactly what it was.
    expect(await virsh(QEMU_URI, 'dumpxml', '--inactive', source.name)).toBe(origXml);
  });

  it('the clone boots; the original disk is unchanged', async () => {
    await virsh(QEMU_URI, 'start', clone.name);
    const ms = await waitForFileText(`/var/log/libvirt/qemu/${clone.name}-serial.log`, TEST_GUEST_BANNER, 60_000);
    console.log(`clone banner after ${ms} ms`);
    expect(await sha256(source.diskPath ?? '')).toBe(sumBefore);
  });

  it('refuses to clone a running VM with 409, nothing created', async () => {
    const name = provName();
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${clone.uuid}/clone`, payload: { name } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/shut it down or pause it/);
    expect(await domainNames()).not.toContain(name);
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', `${name}.qcow2`)).toBeNull();
  });

  it('refuses a clone name that is taken or invalid', async () => {
    const taken = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${source.uuid}/clone`, payload: { name: clone.name } });
    expect(taken.statusCode).toBe(409);
    const bad = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${source.uuid}/clone`, payload: { name: 'a<b' } });
    expect(bad.statusCode).toBe(400);
  });

  it('deletes the running clone only with force, removing its volume', async () => {
    const refused = await api({ method: 'DELETE', url: `/api/v1/hosts/local/vms/${clone.uuid}`, payload: { volumes: [clone.disks[0]?.to ?? ''] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/running/);
    expect(await virsh(QEMU_URI, 'domstate', clone.name)).toBe('running');
    const res = await api({ method: 'DELETE', url: `/api/v1/hosts/local/vms/${clone.uuid}`, payload: { volumes: [clone.disks[0]?.to ?? ''], force: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DeleteVmResult>()).toMatchObject({ forcedOff: true, undefined: true, removedVolumes: [clone.disks[0]?.to], failures: [] });
    expect(await domainNames()).not.toContain(clone.name);
    expect(await virshOrNull(QEMU_URI, 'vol-info', '--pool', 'virtdeck', `${clone.name}.qcow2`)).toBeNull();
    expect(await sha256(source.diskPath ?? '')).toBe(sumBefore);
  });
});

describe('delete with storage', () => {
  it('plans: own disk pre-checked, the ISO another VM uses marked shared and not checked', async () => {
    const a = provName();
    const b = provName();
    const uuidA = await createVm(a, { source: { kind: 'iso', pool: pool.name, volume: 'shared.iso' } });
    await createVm(b, { source: { kind: 'iso', pool: pool.name, volume: 'shared.iso' }, storage: { kind: 'none' } });
    const planRes = await api({ url: `/api/v1/hosts/local/vms/${uuidA}/delete-plan` });
    expect(planRes.statusCode, planRes.body).toBe(200);
    const plan = planRes.json<DeletePlan>();
    expect(plan).toMatchObject({ name: a, active: false, snapshots: 0, managedSave: false });
    const disk = plan.disks.find((d) => d.device === 'disk');
    const iso = plan.disks.find((d) => d.device === 'cdrom');
    expect(disk).toMatchObject({ path: `${pool.dir}/${a}.qcow2`, pool: pool.name, volume: `${a}.qcow2`, deletable: true, sharedWith: [], defaultChecked: true });
    expect(iso).toMatchObject({ path: `${pool.dir}/shared.iso`, readonlyOrShared: true, sharedWith: [b], defaultChecked: false });

    const res = await api({ method: 'DELETE', url: `/api/v1/hosts/local/vms/${uuidA}`, payload: { volumes: [disk?.path] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DeleteVmResult>()).toMatchObject({ forcedOff: false, undefined: true, removedVolumes: [`${pool.dir}/${a}.qcow2`], keptVolumes: [`${pool.dir}/shared.iso`] });
    const vols = await volNames(pool.name);
    expect(vols).not.toContain(`${a}.qcow2`);
    expect(vols).toContain('shared.iso');
    expect(await domainNames()).not.toContain(a);
    expect(await domainNames()).toContain(b);
  });

  it('keeps every volume when none is checked, and refuses paths that are not its disks', async () => {
    const c = provName();
    const uuid = await createVm(c);
    const bad = await api({ method: 'DELETE', url: `/api/v1/hosts/local/vms/${uuid}`, payload: { volumes: [`${pool.dir}/shared.iso`] } });
    expect(bad.statusCode).toBe(400);
    expect(await domainNames()).toContain(c);
    const res = await api({ method: 'DELETE', url: `/api/v1/hosts/local/vms/${uuid}?snapshots=1` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DeleteVmResult>()).toMatchObject({ removedVolumes: [], keptVolumes: [`${pool.dir}/${c}.qcow2`] });
    expect(await volNames(pool.name)).toContain(`${c}.qcow2`);
    expect(await volNames(pool.name)).toContain('shared.iso');
    expect(await domainNames()).not.toContain(c);
  });
});

describe('managed save', () => {
  it('saves a running VM (shut off, reason saved); start restores it', async () => {
    const name = provName();
    const uuid = await createVm(name, { storage: { kind: 'none' } });
    await virsh(QEMU_URI, 'start', name);
    await waitForFileText(`/var/log/libvirt/qemu/${name}-serial.log`, TEST_GUEST_BANNER, 60_000);
    const t0 = Date.now();
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${uuid}/save` });
    console.log(`managed save of a 128 MiB guest: ${Date.now() - t0} ms`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SaveVmResult>()).toEqual({ name, saved: true, state: 'shutoff' });
    expect(await virsh(QEMU_URI, 'domstate', '--reason', name)).toBe('shut off (saved)');
    expect(await virsh(QEMU_URI, 'dominfo', name)).toMatch(/Managed save:\s+yes/);
    const list = await api({ url: '/api/v1/hosts/local/vms' });
    expect(list.json<{ vms: { uuid: string; state: string; stateReason?: string }[] }>().vms.find((v) => v.uuid === uuid)).toMatchObject({ state: 'shutoff', stateReason: 'saved' });

    const plan = (await api({ url: `/api/v1/hosts/local/vms/${uuid}/delete-plan` })).json<DeletePlan>();
    expect(plan.managedSave).toBe(true);

    const start = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${uuid}/start` });
    expect(start.statusCode, start.body).toBe(200);
    expect(await virsh(QEMU_URI, 'domstate', '--reason', name)).toBe('running (restored)');
    expect(await virsh(QEMU_URI, 'dominfo', name)).toMatch(/Managed save:\s+no/);
  });

  it('refuses to save a VM that is not running (409)', async () => {
    const name = provName();
    const uuid = await createVm(name, { storage: { kind: 'none' } });
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/vms/${uuid}/save` });
    expect(res.statusCode).toBe(409);
    expect(await virsh(QEMU_URI, 'dominfo', name)).toMatch(/Managed save:\s+no/);
  });
});
