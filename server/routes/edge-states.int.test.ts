import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { SseClient } from '../events/sse-client.test-helpers.js';
import { uuidFromString } from '../libvirt/index.js';
import { QEMU_URI, TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { infoMap, removePool, testPoolsDir } from '../storage/storage-app.test-helpers.js';
import { crashedNodeXml } from '../../test/helpers/test-driver-node.js';
import type { VmActionResult, VmSummary } from '../../common/vms.js';
import type { PoolDetails } from '../../common/storage.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-edge-'));
const suffix = randomBytes(4).toString('hex');
const newUuid = (tag: string) => `${randomBytes(4).toString('hex')}-${tag}-4222-8333-${randomBytes(6).toString('hex')}`;

// test:///default cannot be put into the crashed state through any API; libvirt's test driver
// takes a domain's initial run state from a node file (<test:runstate>), opened through the daemon.
const crashedUuid = newUuid('6666');
const crashedName = `vt-edge-crashed-${suffix}`;
const nodeFile = join(dir, 'node.xml');
const rebootUuid = newUuid('6667');
writeFileSync(nodeFile, crashedNodeXml([{ name: crashedName, uuid: crashedUuid }, { name: `${crashedName}-r`, uuid: rebootUuid }]));
const nodeUri = `test://${nodeFile}`;

const config = {
  hosts: [
    { id: 'test', uri: 'test:///default' },
    { id: 'edge', uri: nodeUri },
    { id: 'local', uri: QEMU_URI },
  ],
  listenHost: '127.0.0.1',
  port: 0,
};

function testDomainXml(name: string, uuid: string, disk: boolean): string {
  return `<domain type='test'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='MiB'>128</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>${disk ? `<disk type='file' device='disk'><source file='/var/lib/vt/${name}.qcow2'/><target dev='vda' bus='virtio'/></disk>` : ''}</devices>
</domain>`;
}

/** `virsh create` (transient) or `virsh define` (persistent) of a small test-driver domain. */
async function virshWithDomain(verb: 'create' | 'define', name: string, uuid: string, disk: boolean): Promise<void> {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, testDomainXml(name, uuid, disk));
  await virsh(TEST_VIRSH_URI, verb, file);
}

let app: App;
let api: Api;
let socketHeaders: () => Record<string, string>;
let url: string;
const request = (o: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }) => api(o);

beforeAll(async () => {
  ({ app, api, socketHeaders } = await buildTestApp({ config }));
  await Promise.all([app.hosts.ready('test'), app.hosts.ready('edge'), app.hosts.ready('local')]);
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Creates a fully allocated raw volume that must be refused with `status`; the error body. */
async function refusedVolume(host: string, pool: string, name: string, size: number, status: number): Promise<{ code: string; message: string }> {
  const res = await request({
    method: 'POST',
    url: `/api/v1/hosts/${host}/pools/${pool}/volumes`,
    payload: { name, capacityBytes: size, allocationBytes: size, format: 'raw' },
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<{ error: { code: string; message: string } }>().error;
}

describe('a crashed VM', () => {
  const base = `/api/v1/hosts/edge/vms/${crashedUuid}`;
  const libvirtState = async (uuid = crashedUuid) => {
    const client = app.hosts.get('edge');
    const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
    return (await client.domainGetState({ dom, flags: 0 })).state;
  };

  it('reboots on the test driver, which supports that for a crashed domain', async () => {
    expect(await libvirtState(rebootUuid)).toBe(6);
    const res = await request({ method: 'POST', url: `/api/v1/hosts/edge/vms/${rebootUuid}/reboot` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VmActionResult>().vm.state).toBe('running');
    expect(await libvirtState(rebootUuid)).toBe(1);
  });

  it('is crashed as libvirt (and virsh on the same node file) says', async () => {
    expect(await virsh(`test+unix://${nodeFile}`, 'domstate', crashedName)).toBe('crashed');
    const res = await request({ url: base });
    expect(res.statusCode).toBe(200);
    expect(res.json<VmSummary>().state).toBe('crashed');
  });

  it('refuses Start with 409 (libvirt counts it as active), then Force off and Start work', async () => {
    const start = await request({ method: 'POST', url: `${base}/start` });
    expect(start.statusCode, start.body).toBe(409);
    expect(start.json<{ error: { message: string } }>().error.message).toMatch(/already (active|running)/i);
    expect(await libvirtState()).toBe(6); // still crashed: nothing changed

    const off = await request({ method: 'POST', url: `${base}/destroy` });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<VmActionResult>().vm.state).toBe('shutoff');
    expect(await libvirtState()).toBe(5);

    const on = await request({ method: 'POST', url: `${base}/start` });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<VmActionResult>().vm.state).toBe('running');
    expect(await libvirtState()).toBe(1);
  });
});

describe('a transient VM', () => {
  const uuid = newUuid('7777');
  const name = `vt-edge-transient-${suffix}`;
  const keepUuid = newUuid('7778');
  const keepName = `vt-edge-keep-${suffix}`;

  beforeAll(async () => {
    await virshWithDomain('create', name, uuid, true);
    await virshWithDomain('create', keepName, keepUuid, true);
  });

  afterAll(async () => {
    for (const id of [uuid, keepUuid]) {
      await virshOrNull(TEST_VIRSH_URI, 'destroy', id);
      await virshOrNull(TEST_VIRSH_URI, 'undefine', id);
    }
  });

  it('answers Force off with success and the VM marked gone; the event says it was removed', async () => {
    const listed = (await request({ url: '/api/v1/hosts/test/vms' })).json<{ vms: VmSummary[] }>().vms.find((v) => v.uuid === uuid);
    expect(listed).toMatchObject({ persistent: false, state: 'running' });

    const sse = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    try {
      await sse.next((m) => m.event === 'host');
      const res = await request({ method: 'POST', url: `/api/v1/hosts/test/vms/${uuid}/destroy` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<VmActionResult>();
      expect(body.gone).toBe(true);
      expect(body.vm).toMatchObject({ uuid, name, state: 'shutoff', id: -1, persistent: false });
      expect(await virshOrNull(TEST_VIRSH_URI, 'dominfo', uuid)).toBeNull();

      const event = await sse.next((m) => m.event === 'vm' && m.data.includes(uuid) && m.data.includes('"event":"stopped"'));
      expect(JSON.parse(event.data)).toMatchObject({ uuid, name, removed: true });
      const after = (await request({ url: '/api/v1/hosts/test/vms' })).json<{ vms: VmSummary[] }>().vms;
      expect(after.some((v) => v.uuid === uuid)).toBe(false);
    } finally {
      sse.close();
    }
  });

  it('makes a running transient VM persistent from its live XML', async () => {
    const res = await request({ method: 'POST', url: `/api/v1/hosts/test/vms/${keepUuid}/persist` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<VmActionResult>().vm).toMatchObject({ uuid: keepUuid, persistent: true, state: 'running' });
    const info = infoMap(await virsh(TEST_VIRSH_URI, 'dominfo', keepUuid));
    expect(info['Persistent']).toBe('yes');
    expect(info['State']).toBe('running');
    // Stopping it now keeps it defined.
    await virsh(TEST_VIRSH_URI, 'destroy', keepUuid);
    expect(await virsh(TEST_VIRSH_URI, 'domstate', keepUuid)).toBe('shut off');

    const again = await request({ method: 'POST', url: `/api/v1/hosts/test/vms/${keepUuid}/persist` });
    expect(again.statusCode).toBe(409);
  });
});

describe('a full pool', () => {
  const pool = 'default-pool';
  const volName = `vt-edge-vol-${suffix}`;

  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', pool, volName);
  });

  it('refuses a fully allocated volume larger than the free space with 409 and the numbers', async () => {
    const poolRes = await request({ url: `/api/v1/hosts/test/pools/${pool}` });
    expect(poolRes.statusCode).toBe(200);
    const available = poolRes.json<PoolDetails>().availableBytes;
    if (available === null) throw new Error('the test pool reports no meaningful free space');
    expect(available).toBeGreaterThan(0);
    const size = available + 1024 * 1024 * 1024;
    const error = await refusedVolume('test', pool, volName, size, 409);
    expect(error.code).toBe('POOL_FULL');
    expect(error.message).toContain(String(available));
    expect(error.message).toContain(String(size));
    const vols = await virsh(TEST_VIRSH_URI, 'vol-list', pool);
    expect(vols).not.toContain(volName);
  });
});

describe('a pool whose file system runs out of space', () => {
  const run = promisify(execFile);
  const pool = `vt-edge-pool-${suffix}`;
  const volName = `vt-edge-big-${suffix}.img`;
  const MiB = 1024 * 1024;
  let mounted: { dir: string; remove: () => void } | undefined;

  beforeAll(async () => {
    mounted = testPoolsDir();
    await run('mount', ['-t', 'tmpfs', '-o', 'size=16m', pool, mounted.dir]);
    await virsh(QEMU_URI, 'pool-create-as', pool, 'dir', '--target', mounted.dir);
  });

  afterAll(async () => {
    await removePool(QEMU_URI, pool);
    if (mounted !== undefined) {
      await run('umount', [mounted.dir]).catch(() => undefined);
      mounted.remove();
    }
  });

  it('answers 507 with libvirt\'s message when libvirt cannot allocate what the pool figures promised', async () => {
    if (mounted === undefined) throw new Error('no pool directory');
    const before = (await request({ url: `/api/v1/hosts/local/pools/${pool}` })).json<PoolDetails>();
    expect(before.availableBytes).toBeGreaterThan(12 * MiB);
    // Filled behind libvirt's back: its figures (until the next refresh) still say there is room.
    await run('dd', ['if=/dev/zero', `of=${join(mounted.dir, 'filler')}`, 'bs=1M', 'count=12']);
    const size = 8 * MiB;
    const error = await refusedVolume('local', pool, volName, size, 507);
    expect(error.code).toBe('INSUFFICIENT_STORAGE');
    expect(error.message).toMatch(/no space left on device/i);
    await virsh(QEMU_URI, 'pool-refresh', pool);
    expect(await virsh(QEMU_URI, 'vol-list', pool)).not.toContain(volName);
  });
});

describe('a VM without disks', () => {
  const uuid = newUuid('8888');
  const name = `vt-edge-nodisk-${suffix}`;

  beforeAll(async () => {
    await virshWithDomain('define', name, uuid, false);
  });

  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', uuid);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', '--snapshots-metadata', uuid);
  });

  it('takes a snapshot as libvirt does (metadata only while shut off)', async () => {
    const res = await request({ method: 'POST', url: `/api/v1/hosts/test/vms/${uuid}/snapshots`, payload: { name: 'empty' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await virsh(TEST_VIRSH_URI, 'snapshot-list', '--domain', uuid, '--name')).toBe('empty');
  });

  it('takes a snapshot with its memory state while running on the test driver', async () => {
    await virsh(TEST_VIRSH_URI, 'start', uuid);
    const res = await request({ method: 'POST', url: `/api/v1/hosts/test/vms/${uuid}/snapshots`, payload: { name: 'live' } });
    expect(res.statusCode, res.body).toBe(201);
    const xml = await virsh(TEST_VIRSH_URI, 'snapshot-dumpxml', '--domain', uuid, 'live');
    expect(xml).toMatch(/<state>running<\/state>/);
  });
});
