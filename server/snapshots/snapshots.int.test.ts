import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayPath, type DeleteSnapshotResult, RevertSnapshotResult, Snapshot, SnapshotDetails, SnapshotList } from '../../common/snapshots.js';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { LibvirtClient, uuidFromString, type DomainRef } from '../libvirt/index.js';
import { parseSnapshotXml } from '../xml/snapshot.js';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import { QEMU_URI, virsh, VirshError, virshOrNull } from '../../test/helpers/virsh.js';
import { SerialShell } from '../../test/helpers/serial-shell.js';

const run = promisify(execFile);
const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };

let app: App;
let inject: Api;
let client: LibvirtClient;
let guest: TestGuest;
let dom: DomainRef;
let base: string;
const frames: string[] = [];
const timings: Record<string, string[]> = { create: [], revert: [] };

async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<{ status: number; json: T }> {
  const res = await inject({ method, url: `${base}${path}`, ...(body === undefined ? {} : { payload: body }) });
  return { status: res.statusCode, json: res.json<T>() };
}

async function timed<T>(kind: 'create' | 'revert', label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings[kind]?.push(`${label} ${(performance.now() - started).toFixed(0)}`);
  return result;
}

async function create(body: object): Promise<Snapshot> {
  const res = await timed('create', JSON.stringify(body), () => api<Snapshot>('POST', '', body));
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

async function list(): Promise<SnapshotList> {
  const res = await api<SnapshotList>('GET', '');
  expect(res.status).toBe(200);
  return res.json;
}

async function virshNames(): Promise<string[]> {
  const out = await virsh(QEMU_URI, 'snapshot-list', '--domain', guest.name, '--name');
  return out.split('\n').filter((l) => l !== '').sort();
}

async function virshCurrent(): Promise<string | null> {
  return virshOrNull(QEMU_URI, 'snapshot-current', '--domain', guest.name, '--name');
}

/** `virsh snapshot-list` and `snapshot-current` agree with the API. */
async function expectVirshAgrees(): Promise<SnapshotList> {
  const listed = await list();
  expect(listed.snapshots.map((s) => s.name).sort()).toEqual(await virshNames());
  expect(listed.current).toBe(await virshCurrent());
  for (const s of listed.snapshots) expect(s.current).toBe(s.name === listed.current);
  return listed;
}

async function virshParent(name: string): Promise<string | null> {
  return virshOrNull(QEMU_URI, 'snapshot-parent', '--domain', guest.name, '--snapshotname', name);
}

async function diskSource(): Promise<string> {
  const out = await virsh(QEMU_URI, 'domblklist', guest.name);
  const line = out.split('\n').find((l) => l.trim().startsWith('vda'));
  return line?.trim().split(/\s+/)[1] ?? '';
}

async function shell(): Promise<SerialShell> {
  const sh = await SerialShell.open(client, dom);
  await sh.ready();
  return sh;
}

beforeAll(async () => {
  guest = await createTestGuest({ prefix: 'snap', disk: 'qcow2', start: true });
  await guest.waitForBanner(60_000);
  client = await LibvirtClient.connect({ uri: QEMU_URI });
  dom = (await client.domainLookupByUuid({ uuid: uuidFromString(guest.uuid) })).dom;
  ({ app, api: inject } = await buildTestApp({ config }));
  await app.hosts.ready('local');
  app.events.subscribe((frame) => frames.push(frame));
  base = `/api/v1/hosts/local/vms/${guest.uuid}/snapshots`;
});

afterAll(async () => {
  await app?.close();
  await client?.close();
  const disk = guest?.diskPath;
  await guest?.cleanup();
  if (disk) {
    // external overlays and memory files are named after the guest, beside its disk
    const dir = dirname(disk);
    for (const file of await readdir(dir)) if (file.startsWith(`${guest.name}.`)) await rm(join(dir, file), { force: true });
    await virshOrNull(QEMU_URI, 'pool-refresh', 'virtdeck');
  }
  console.log(`snapshot timings (ms)\n create: ${(timings['create'] ?? []).join('; ')}\n revert: ${(timings['revert'] ?? []).join('; ')}`);
});

describe('snapshots of a running VM with a qcow2 disk', () => {
  it('offers internal (with memory) and external kinds, external not revertible on this libvirt', async () => {
    const { capabilities, snapshots, current } = await list();
    expect(snapshots).toEqual([]);
    expect(current).toBeNull();
    expect(capabilities.vmState).toBe('running');
    expect(capabilities.internal).toMatchObject({ available: true, memory: 'required' });
    expect(capabilities.external).toMatchObject({ available: true, memory: 'optional' });
    expect(capabilities.disks).toEqual([{ target: 'vda', source: guest.diskPath, format: 'qcow2' }]);
    const version = await virsh(QEMU_URI, 'version');
    if (/Using library: libvirt 9\.[0-8]\./.test(version)) {
      expect(capabilities.external.revertible).toBe(false);
      expect(capabilities.external.revertReason).toMatch(/cannot revert to external snapshots/);
    }
  });

  it('creates an external disk-only snapshot, refuses to revert to it, and deletes it by merging', async () => {
    const before = await diskSource();
    const ext = await create({ name: 'ext-first', kind: 'external', memory: false });
    expect(ext).toMatchObject({ kind: 'external', withMemory: false, state: 'disk-snapshot', current: true, revertible: false });
    const overlay = ext.disks[0]?.file ?? '';
    expect(overlay).toBe(before.replace(/\.qcow2$/, '.ext-first.qcow2'));
    expect(await diskSource()).toBe(overlay);
    expect(existsSync(overlay)).toBe(true);
    const listed = await expectVirshAgrees();
    // its size is what `virsh domstats --block --backing` reports for the overlay
    const stats = await virsh(QEMU_URI, 'domstats', '--block', '--backing', guest.name);
    const index = /block\.(\d+)\.path=(.*)/g;
    const entry = [...stats.matchAll(index)].find((m) => m[2] === overlay)?.[1];
    const physical = Number(new RegExp(`block\\.${entry ?? 'x'}\\.physical=(\\d+)`).exec(stats)?.[1]);
    expect(physical).toBeGreaterThan(0);
    expect(listed.snapshots[0]?.sizeBytes).toBe(physical);

    const refused = await api<{ error: { code: string; message: string } }>('POST', '/ext-first/revert', {});
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('SNAPSHOT_NOT_REVERTIBLE');
    expect(refused.json.error.message).toMatch(/cannot revert to external snapshots/);
    expect(await diskSource()).toBe(overlay);
    expect(await virshCurrent()).toBe('ext-first');

    const del = await api<DeleteSnapshotResult>('DELETE', '/ext-first');
    expect(del.status, JSON.stringify(del.json)).toBe(200);
    expect(del.json).toEqual({ deleted: ['ext-first'], leftFiles: [] });
    expect(await virshNames()).toEqual([]);
    expect(await diskSource()).toBe(before);
    expect(existsSync(overlay)).toBe(false);
    await expectVirshAgrees();
  });

  it('creates an internal snapshot, and reverting to it removes a marker written afterwards', async () => {
    const s = await create({ name: 'base', description: 'before the marker' });
    expect(s).toMatchObject({ name: 'base', kind: 'internal', withMemory: true, state: 'running', current: true, parent: null, revertible: true });
    await expectVirshAgrees();
    expect(frames.some((f) => f.startsWith('id:') && f.includes('event: snapshot') && f.includes('"action":"created"'))).toBe(true);

    const sh = await shell();
    await sh.run('echo MARK-xyz > /tmp/marker');
    expect(await sh.run('cat /tmp/marker')).toContain('MARK-xyz');
    sh.close();

    const reverted = await timed('revert', 'base as-taken', () => api<RevertSnapshotResult>('POST', '/base/revert', { state: 'as-taken' }));
    expect(reverted.status, JSON.stringify(reverted.json)).toBe(200);
    expect(reverted.json).toEqual({ snapshot: 'base', vmState: 'running' });
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');

    // revert restarted QEMU: the console is a new one
    const after = await shell();
    const out = await after.run('cat /tmp/marker 2>&1');
    expect(out).not.toContain('MARK-xyz');
    expect(out).toMatch(/No such file/);
    after.close();
    await expectVirshAgrees();
  });

  it('reverts to a paused VM when asked', async () => {
    const res = await timed('revert', 'base paused', () => api<RevertSnapshotResult>('POST', '/base/revert', { state: 'paused' }));
    expect(res.status).toBe(200);
    expect(res.json.vmState).toBe('paused');
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('paused');
    const running = await timed('revert', 'base running', () => api<RevertSnapshotResult>('POST', '/base/revert', { state: 'running' }));
    expect(running.json.vmState).toBe('running');
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
  });

  it('deleting with children removes exactly the subtree', async () => {
    await create({ name: 'c1' });
    await create({ name: 'c2' });
    await timed('revert', 'base', () => api('POST', '/base/revert', {}));
    await create({ name: 'c3' });
    expect(await virshParent('c1')).toBe('base');
    expect(await virshParent('c2')).toBe('c1');
    expect(await virshParent('c3')).toBe('base');
    const listed = await expectVirshAgrees();
    expect(listed.snapshots.find((s) => s.name === 'c2')?.parent).toBe('c1');
    expect(listed.current).toBe('c3');

    const del = await api<DeleteSnapshotResult>('DELETE', '/c1?scope=children');
    expect(del.status).toBe(200);
    expect(del.json.deleted).toEqual(['c1', 'c2']);
    expect(await virshNames()).toEqual(['base', 'c3']);
    const tree = await virsh(QEMU_URI, 'snapshot-list', '--domain', guest.name, '--tree');
    expect(tree.split('\n').map((l) => l.trim()).filter((l) => /\w/.test(l))).toEqual(['base', '+- c3']);
    await expectVirshAgrees();

    const one = await api<DeleteSnapshotResult>('DELETE', '/c3?scope=this');
    expect(one.json.deleted).toEqual(['c3']);
    expect(await virshNames()).toEqual(['base']);
    await expectVirshAgrees();
  });

  it('stores XML-special characters in names and descriptions exactly', async () => {
    const name = `<a&b>"'`;
    const description = `</description><memory snapshot='no'/> & "quotes" 'too'\nsecond line`;
    const s = await create({ name, description });
    expect(s.name).toBe(name);
    expect(s.description).toBe(description);
    expect(await virshNames()).toContain(name);
    const dumped = parseSnapshotXml(await virsh(QEMU_URI, 'snapshot-dumpxml', '--domain', guest.name, '--snapshotname', name));
    expect(dumped.name).toBe(name);
    expect(dumped.description).toBe(description);
    expect(dumped.memory.snapshot).toBe('internal');
    const details = await api<SnapshotDetails>('GET', `/${encodeURIComponent(name)}`);
    expect(details.status).toBe(200);
    expect(details.json.name).toBe(name);
    expect(details.json.description).toBe(description);
    expect(parseSnapshotXml(details.json.xml).description).toBe(description);
    await expectVirshAgrees();
    const del = await api<DeleteSnapshotResult>('DELETE', `/${encodeURIComponent(name)}`);
    expect(del.status).toBe(200);
    expect(await virshNames()).toEqual(['base']);
  });

  it('a POST without a body takes a snapshot named like libvirt does (Unix time)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await timed('create', '(no body)', async () => {
      const r = await inject({ method: 'POST', url: base });
      return { status: r.statusCode, json: r.json<Snapshot>() };
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.name).toMatch(/^\d{10}$/);
    expect(Number(res.json.name)).toBeGreaterThanOrEqual(before);
    expect(Number(res.json.name)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(res.json.kind).toBe('internal');
    expect(await virshNames()).toEqual(['base', res.json.name].sort());
    await expectVirshAgrees();
    expect((await api('DELETE', `/${res.json.name}`)).status).toBe(200);
    expect(await virshNames()).toEqual(['base']);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await virshNames();
    const current = await virshCurrent();
    const disk = await diskSource();
    const cases: Array<[string, 'GET' | 'POST' | 'DELETE', string, object | undefined, number, string?]> = [
      ['duplicate name', 'POST', '', { name: 'base' }, 409, 'SNAPSHOT_EXISTS'],
      ['slash in name', 'POST', '', { name: 'a/b' }, 400],
      ['leading dash', 'POST', '', { name: '-rf' }, 400],
      ['empty name', 'POST', '', { name: '' }, 400],
      ['unknown field', 'POST', '', { name: 'x', size: 1 }, 400],
      ['unknown kind', 'POST', '', { name: 'x', kind: 'magic' }, 400],
      ['internal without memory on a running VM', 'POST', '', { name: 'x', kind: 'internal', memory: false }, 409, 'SNAPSHOT_KIND_UNAVAILABLE'],
      ['control character in description', 'POST', '', { name: 'x', description: 'a\u0001' }, 400],
      ['unknown snapshot details', 'GET', '/nope', undefined, 404, 'VIR_ERR_NO_DOMAIN_SNAPSHOT'],
      ['unknown snapshot revert', 'POST', '/nope/revert', {}, 404, 'VIR_ERR_NO_DOMAIN_SNAPSHOT'],
      ['unknown snapshot delete', 'DELETE', '/nope', undefined, 404, 'VIR_ERR_NO_DOMAIN_SNAPSHOT'],
      ['bad revert state', 'POST', '/base/revert', { state: 'sideways' }, 400],
      ['bad delete scope', 'DELETE', '/base?scope=everything', undefined, 400],
    ];
    for (const [what, method, path, body, status, code] of cases) {
      const res = await api<{ error: { code: string; message: string } }>(method, path, body);
      expect(res.status, `${what}: ${JSON.stringify(res.json)}`).toBe(status);
      expect(res.json.error.message.length, what).toBeGreaterThan(0);
      if (code !== undefined) expect(res.json.error.code, what).toBe(code);
    }
    // a non-empty file already where the overlay goes: libvirt refuses (it would reuse an empty one),
    // and the API passes that on as a 409
    const clash = overlayPath(disk, 'clash');
    await writeFile(clash, 'somebody else’s data');
    try {
      const res = await api<{ error: { code: string; message: string } }>('POST', '', { name: 'clash', kind: 'external', memory: false });
      expect(res.status, JSON.stringify(res.json)).toBe(409);
      expect(res.json.error.message).toMatch(/^libvirt 9\.\d+\.\d+ refused to take snapshot "clash": .*already exists/);
      console.log(`libvirt on an existing overlay file: ${res.json.error.message}`);
    } finally {
      if (!(await virshNames()).includes('clash')) await rm(clash, { force: true });
    }
    const unknownVm = await inject({ method: 'GET', url: '/api/v1/hosts/local/vms/00000000-0000-4000-8000-000000000000/snapshots' });
    expect(unknownVm.statusCode).toBe(404);
    const badUuid = await inject({ method: 'GET', url: '/api/v1/hosts/local/vms/not-a-uuid/snapshots' });
    expect(badUuid.statusCode).toBe(400);
    expect(await virshNames()).toEqual(before);
    expect(await virshCurrent()).toBe(current);
    expect(await diskSource()).toBe(disk);
  });

  it("an external snapshot over an internal one: libvirt's refusal to merge is explained, metadata-only delete works", async () => {
    const ext = await create({ name: 'ext-over-internal', kind: 'external', memory: false });
    expect(ext.parent).toBe('base');
    const listed = await expectVirshAgrees();
    const described = listed.snapshots.find((s) => s.name === 'ext-over-internal');
    expect(described?.deleteProblems.this).toMatch(/internal snapshot as parent not supported/);
    expect(listed.snapshots.find((s) => s.name === 'base')?.deleteProblems.children).toMatch(/external children|not the same/);

    const refused = await api<{ error: { code: string; message: string } }>('DELETE', '/ext-over-internal');
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('VIR_ERR_OPERATION_UNSUPPORTED');
    expect(refused.json.error.message).toContain('deleting external snapshot that has internal snapshot as parent not supported');
    expect(refused.json.error.message).toMatch(/metadata/);
    expect(await virshNames()).toEqual(['base', 'ext-over-internal']);

    // libvirt refuses the same through virsh, with the same message the API passes on
    const baseSnapshot = listed.snapshots.find((s) => s.name === 'base');
    expect(baseSnapshot?.deleteProblems.this).toMatch(/is not the same as disk image currently used by VM/);
    const withChildren = await api<{ error: { code: string; message: string } }>('DELETE', '/base?scope=children');
    expect(withChildren.status).toBe(409);
    const viaVirsh = await virsh(QEMU_URI, 'snapshot-delete', '--domain', guest.name, '--snapshotname', 'base', '--children').catch((e: unknown) => e);
    expect(viaVirsh).toBeInstanceOf(VirshError);
    const libvirtMessage = (viaVirsh as VirshError).stderr.split('\n').map((l) => l.replace(/^error: /, '').trim()).filter((l) => l !== '').pop() ?? '';
    expect(libvirtMessage.length).toBeGreaterThan(0);
    expect(withChildren.json.error.message).toContain(libvirtMessage);
    console.log(`libvirt on deleting an internal snapshot with an external child: ${libvirtMessage}`);
    expect(await virshNames()).toEqual(['base', 'ext-over-internal']);

    const overlay = ext.disks[0]?.file ?? '';
    const meta = await api<DeleteSnapshotResult>('DELETE', '/ext-over-internal?scope=metadata');
    expect(meta.status).toBe(200);
    expect(meta.json).toEqual({ deleted: ['ext-over-internal'], leftFiles: [overlay] });
    expect(await virshNames()).toEqual(['base']);
    expect(existsSync(overlay)).toBe(true);
    expect(await diskSource()).toBe(overlay);
  });

  it('creates an external snapshot with a memory file', async () => {
    const s = await create({ name: 'ext-mem', kind: 'external', memory: true });
    expect(s).toMatchObject({ kind: 'external', withMemory: true, state: 'running', revertible: false });
    expect(s.memoryFile).toMatch(new RegExp(`/${guest.name}\\.ext-mem\\.mem$`));
    expect(existsSync(s.memoryFile ?? '')).toBe(true);
    expect(await virsh(QEMU_URI, 'domstate', guest.name)).toBe('running');
    await expectVirshAgrees();
  });
});

describe('snapshots of VMs that are shut off or have a raw disk', () => {
  let off: TestGuest;
  let raw: TestGuest;
  const path = (g: TestGuest, rest = '') => `/api/v1/hosts/local/vms/${g.uuid}/snapshots${rest}`;
  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: object) => {
    const res = await inject({ method, url, ...(body === undefined ? {} : { payload: body }) });
    return { status: res.statusCode, json: res.json<T>() };
  };
  const names = async (g: TestGuest) => (await virsh(QEMU_URI, 'snapshot-list', '--domain', g.name, '--name')).split('\n').filter((l) => l !== '');

  beforeAll(async () => {
    [off, raw] = await Promise.all([
      createTestGuest({ prefix: 'snap-off', disk: 'qcow2' }),
      createTestGuest({ prefix: 'snap-raw', disk: 'raw' }),
    ]);
  });

  afterAll(async () => {
    for (const g of [off, raw]) {
      if (g === undefined) continue;
      const dir = g.diskPath === null ? null : dirname(g.diskPath);
      await g.cleanup();
      if (dir !== null) for (const file of await readdir(dir)) if (file.startsWith(`${g.name}.`)) await rm(join(dir, file), { force: true });
    }
    await virshOrNull(QEMU_URI, 'pool-refresh', 'virtdeck');
  });

  it('a shut-off VM gets disk-only snapshots; reverting with state running starts it', async () => {
    const listed = await call<SnapshotList>('GET', path(off));
    expect(listed.json.capabilities).toMatchObject({ vmState: 'shutoff', defaultKind: 'internal' });
    expect(listed.json.capabilities.internal.memory).toBe('impossible');

    const refused = await call<{ error: { code: string } }>('POST', path(off), { name: 'with-memory', memory: true });
    expect(refused.status).toBe(409);
    expect(await names(off)).toEqual([]);

    const created = await timed('create', 'shut-off internal', () => call<Snapshot>('POST', path(off), { name: 'cold' }));
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ kind: 'internal', withMemory: false, state: 'shutoff', revertible: true, current: true });
    expect(await names(off)).toEqual(['cold']);
    expect(await virsh('qemu:///system', 'domstate', off.name)).toBe('shut off');
    // the snapshot lives inside the qcow2 image
    const { stdout } = await run('qemu-img', ['info', '-U', '--output=json', off.diskPath ?? '']);
    expect((JSON.parse(stdout) as { snapshots?: Array<{ name: string }> }).snapshots?.map((x) => x.name)).toEqual(['cold']);

    const reverted = await timed('revert', 'shut-off -> running', () => call<RevertSnapshotResult>('POST', path(off, '/cold/revert'), { state: 'running' }));
    expect(reverted.status, JSON.stringify(reverted.json)).toBe(200);
    expect(reverted.json.vmState).toBe('running');
    expect(await virsh(QEMU_URI, 'domstate', off.name)).toBe('running');
    await off.waitForBanner(60_000);

    const asTaken = await timed('revert', 'running -> shut-off as taken', () => call<RevertSnapshotResult>('POST', path(off, '/cold/revert'), { state: 'as-taken' }));
    expect(asTaken.json.vmState).toBe('shutoff');
    expect(await virsh(QEMU_URI, 'domstate', off.name)).toBe('shut off');

    const del = await call<DeleteSnapshotResult>('DELETE', path(off, '/cold'));
    expect(del.status).toBe(200);
    expect(await names(off)).toEqual([]);
  });

  it('a raw disk rules out internal snapshots, as libvirt itself does', async () => {
    const listed = await call<SnapshotList>('GET', path(raw));
    const caps = listed.json.capabilities;
    expect(caps.internal.available).toBe(false);
    expect(caps.internal.reason).toBe('Internal snapshots need every writable disk in qcow2 format; vda is raw.');
    expect(caps.defaultKind).toBe('external');

    const refused = await call<{ error: { code: string; message: string } }>('POST', path(raw), { name: 'inside', kind: 'internal' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('SNAPSHOT_KIND_UNAVAILABLE');
    expect(refused.json.error.message).toMatch(/vda is raw/);
    // libvirt refuses it too: the API only withholds what libvirt would not do
    const viaVirsh = await virsh(QEMU_URI, 'snapshot-create-as', '--domain', raw.name, '--name', 'inside').catch((e: unknown) => e);
    expect(viaVirsh).toBeInstanceOf(VirshError);
    console.log(`libvirt on an internal snapshot of a raw disk: ${(viaVirsh as VirshError).stderr.trim()}`);
    expect(await names(raw)).toEqual([]);

    const ext = await call<Snapshot>('POST', path(raw), { name: 'outside' });
    expect(ext.status, JSON.stringify(ext.json)).toBe(201);
    expect(ext.json).toMatchObject({ kind: 'external', withMemory: false, state: 'shutoff', revertible: false });
    expect(await names(raw)).toEqual(['outside']);
    const overlay = ext.json.disks[0]?.file ?? '';
    expect(existsSync(overlay)).toBe(true);
    const del = await call<DeleteSnapshotResult>('DELETE', path(raw, '/outside'));
    expect(del.status, JSON.stringify(del.json)).toBe(200);
    expect(await names(raw)).toEqual([]);
    expect(existsSync(overlay)).toBe(false);
    expect(await virsh(QEMU_URI, 'domstate', raw.name)).toBe('shut off');
  });
});
