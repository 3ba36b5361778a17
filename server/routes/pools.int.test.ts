import { existsSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import type { Api } from '../../test/helpers/app.js';
import { POOL_TYPES } from '../../common/storage-pool-types.js';
import type { PoolCreateBody, PoolDetails } from '../../common/storage.js';
import { buildPoolXml, parsePoolXml } from '../xml/pool.js';
import { poolCreateCommands } from '../../common/storage-virsh.js';
import { SAMPLE_POOLS } from '../xml/pool-samples.test-helpers.js';
import { QEMU_URI, TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { infoMap, removePool, storageApp, storageName, testPoolsDir } from '../storage/storage-app.test-helpers.js';

let app: App;
let api: Api;
const created: { uri: string; name: string }[] = [];
let tmp: { dir: string; remove: () => void };

beforeAll(async () => {
  ({ app, api } = await storageApp());
  tmp = testPoolsDir();
});
afterAll(async () => {
  for (const p of created) await removePool(p.uri, p.name);
  tmp.remove();
  await app.close();
});

const poolInfo = async (name: string): Promise<Record<string, string>> => infoMap(await virsh(QEMU_URI, 'pool-info', name));
const allPools = async (uri: string): Promise<string[]> => (await virsh(uri, 'pool-list', '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean);

describe('dir pool lifecycle through the API (qemu:///system)', () => {
  const name = storageName();
  let target: string;

  it('defines the pool', async () => {
    target = join(tmp.dir, 'pool');
    created.push({ uri: QEMU_URI, name });
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: { name, type: 'dir', target: { path: target } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ steps: string[] }>().steps).toEqual(['defined']);
    const info = await poolInfo(name);
    expect(info['State']).toBe('inactive');
    expect(info['Persistent']).toBe('yes');
    expect(info['Autostart']).toBe('no');
    expect(parsePoolXml(await virsh(QEMU_URI, 'pool-dumpxml', name)).targetPath).toBe(target);
    expect(existsSync(target)).toBe(false);
  });

  it('builds it: the directory appears', async () => {
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/build`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('starts it', async () => {
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/start` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PoolDetails>()).toMatchObject({ state: 'running', active: true, targetPath: target, type: 'dir' });
    expect((await poolInfo(name))['State']).toBe('running');
  });

  it('sets autostart', async () => {
    const res = await api({ method: 'PUT', url: `/api/v1/hosts/local/pools/${name}/autostart`, payload: { enabled: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PoolDetails>().autostart).toBe(true);
    expect((await poolInfo(name))['Autostart']).toBe('yes');
  });

  it('refreshes it: a file copied into the directory becomes a volume', async () => {
    writeFileSync(join(target, 'dropped.img'), Buffer.alloc(4096));
    expect(await virsh(QEMU_URI, 'vol-list', name)).not.toContain('dropped.img');
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/refresh` });
    expect(res.statusCode, res.body).toBe(200);
    expect(await virsh(QEMU_URI, 'vol-list', name)).toContain('dropped.img');
    const vols = await api({ method: 'GET', url: `/api/v1/hosts/local/pools/${name}/volumes` });
    expect(vols.json<{ volumes: { name: string }[] }>().volumes.map((v) => v.name)).toContain('dropped.img');
  });

  it('lists it with capacity and state, like virsh', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts/local/pools' });
    const pool = res.json<{ pools: PoolDetails[] }>().pools.find((p) => p.name === name);
    expect(pool).toMatchObject({ state: 'running', autostart: true, persistent: true });
    expect(pool?.capacityBytes).toBeGreaterThan(0);
    const details = await api({ method: 'GET', url: `/api/v1/hosts/local/pools/${name}` });
    expect(details.json<PoolDetails>().xml).toContain(`<path>${target}</path>`);
  });

  it('refuses to undefine or delete the storage while active; nothing changes', async () => {
    const res = await api({ method: 'DELETE', url: `/api/v1/hosts/local/pools/${name}` });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/is active; stop it/);
    const storage = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/delete-storage`, payload: { confirm: name } });
    expect(storage.statusCode).toBe(409);
    expect(storage.json<{ error: { message: string } }>().error.message).toMatch(/is active; stop it before deleting its storage/);
    const info = await poolInfo(name);
    expect(info['State']).toBe('running');
    expect(info['Persistent']).toBe('yes');
    expect(existsSync(join(target, 'dropped.img'))).toBe(true);
  });

  it('stops it', async () => {
    await api({ method: 'DELETE', url: `/api/v1/hosts/local/pools/${name}/volumes/dropped.img` }).then((r) => expect(r.statusCode, r.body).toBe(204));
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/stop` });
    expect(res.statusCode, res.body).toBe(200);
    expect((await poolInfo(name))['State']).toBe('inactive');
  });

  it('deletes the storage only when confirmed with the pool name', async () => {
    const wrong = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/delete-storage`, payload: { confirm: 'yes' } });
    expect(wrong.statusCode).toBe(400);
    expect(existsSync(target)).toBe(true);
    const res = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/delete-storage`, payload: { confirm: name } });
    expect(res.statusCode, res.body).toBe(200);
    expect(existsSync(target)).toBe(false);
  });

  it('undefines it', async () => {
    const res = await api({ method: 'DELETE', url: `/api/v1/hosts/local/pools/${name}` });
    expect(res.statusCode, res.body).toBe(204);
    expect(await virshOrNull(QEMU_URI, 'pool-info', name)).toBeNull();
  });
});

describe('wizard create in one go', () => {
  it('defines, builds, starts and autostarts', async () => {
    const name = storageName();
    created.push({ uri: QEMU_URI, name });
    const target = join(tmp.dir, 'onego');
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: { name, type: 'dir', target: { path: target }, build: true, start: true, autostart: true } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ steps: string[] }>().steps).toEqual(['defined', 'built', 'started', 'autostart set']);
    const info = await poolInfo(name);
    expect([info['State'], info['Autostart']]).toEqual(['running', 'yes']);
  });

  it('rolls back when a later step fails and says so', async () => {
    const name = storageName();
    created.push({ uri: QEMU_URI, name });
    const blocker = join(tmp.dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: { name, type: 'dir', target: { path: join(blocker, 'sub') }, build: true, start: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/defined but build failed: .*Rolled back: undefined the pool/);
    expect(await allPools(QEMU_URI)).not.toContain(name);
  });

  it('previews XML and the virsh command without defining anything (dry run)', async () => {
    const name = storageName();
    const body: PoolCreateBody = { name, type: 'dir', target: { path: join(tmp.dir, 'dry') }, build: true, start: true };
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools?dryRun=1', payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{ xml: string; virsh: string[] }>();
    expect(parsePoolXml(preview.xml)).toMatchObject({ name, type: 'dir', targetPath: body.target?.path });
    expect(preview.virsh[0]).toBe(`virsh pool-define-as --name ${name} --type dir --target ${body.target?.path}`);
    expect(await allPools(QEMU_URI)).not.toContain(name);
  });
});

describe('every wizard pool type is accepted by libvirt (test:///default)', () => {
  it.each(POOL_TYPES)('%s: define → dumpxml round trip → undefine', async (type) => {
    const sample = SAMPLE_POOLS[type];
    const name = storageName(`pool-${type}`);
    created.push({ uri: TEST_VIRSH_URI, name });
    const res = await api({ method: 'POST', url: '/api/v1/hosts/test/pools', payload: { ...sample, name } });
    expect(res.statusCode, res.body).toBe(201);
    const dumped = parsePoolXml(await virsh(TEST_VIRSH_URI, 'pool-dumpxml', name));
    expect(dumped.type).toBe(type);
    expect(dumped.source).toEqual(sample.source ?? {});
    if (sample.target?.path) expect(dumped.targetPath).toBe(sample.target.path);
    const del = await api({ method: 'DELETE', url: `/api/v1/hosts/test/pools/${name}` });
    expect(del.statusCode, del.body).toBe(204);
    expect(await allPools(TEST_VIRSH_URI)).not.toContain(name);
  });
});

/** Splits a command made by shellQuote back into words. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(command); m !== null; m = re.exec(command)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : (m[2] ?? ''));
  return words;
}

describe('the virsh command shown in the wizard means the same pool as the XML', () => {
  it.each(POOL_TYPES.filter((t) => SAMPLE_POOLS[t].source?.port === undefined))('%s: pool-define-as --print-xml ≡ our XML', async (type) => {
    const sample = SAMPLE_POOLS[type];
    const first = poolCreateCommands(sample)[0] ?? '';
    const [program, ...args] = shellWords(first);
    expect(program).toBe('virsh');
    const printed = parsePoolXml(await virsh(TEST_VIRSH_URI, ...args, '--print-xml'));
    const ours = parsePoolXml(buildPoolXml(sample));
    expect(printed.source).toEqual(ours.source);
    expect(printed.targetPath).toBe(ours.targetPath);
    expect(printed.type).toBe(type);
  });
});

describe('bad pool input is refused with a reason and changes nothing', () => {
  const cases: [string, unknown, RegExp][] = [
    ['traversal name', { name: '../evil', type: 'dir', target: { path: '/var/lib/virtdeck/test-pools/x' } }, /Pool name must not contain "\/"/],
    ['name with a slash', { name: 'a/b', type: 'dir', target: { path: '/var/lib/virtdeck/test-pools/x' } }, /name/],
    ['relative target', { name: 'vt-storage-rel', type: 'dir', target: { path: 'relative/dir' } }, /Target path must be absolute/],
    ['traversal target', { name: 'vt-storage-trav', type: 'dir', target: { path: '/var/lib/../../etc' } }, /\.\./],
    ['unknown type', { name: 'vt-storage-type', type: 'floppy', target: { path: '/x' } }, /type/],
    ['bad netfs host', { name: 'vt-storage-host', type: 'netfs', source: { host: 'a b;rm', dir: '/e' }, target: { path: '/mnt/x' } }, /host/i],
    ['bad IQN', { name: 'vt-storage-iqn', type: 'iscsi', source: { host: 'h', device: 'not-an-iqn' } }, /IQN/],
    ['XML injection in a field', { name: 'vt-storage-inj', type: 'rbd', source: { name: "p'/><evil", host: 'h' } }, /Source name/],
  ];
  it.each(cases)('%s → 400', async (_what, payload, reason) => {
    // Other suites create pools on the same daemon meanwhile: compare only this suite's names.
    const ours = async (): Promise<string[]> => (await allPools(QEMU_URI)).filter((n) => n.startsWith('vt-storage') || n.includes('evil') || n.includes('/'));
    const before = await ours();
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: payload as object });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(reason);
    expect(await ours()).toEqual(before);
  });

  it('a duplicate name → 409 and the existing pool is untouched', async () => {
    const name = storageName();
    created.push({ uri: QEMU_URI, name });
    const first = join(tmp.dir, 'dup1');
    mkdirSync(first, { recursive: true });
    expect((await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: { name, type: 'dir', target: { path: first } } })).statusCode).toBe(201);
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pools', payload: { name, type: 'dir', target: { path: join(tmp.dir, 'dup2') } } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/already exists/);
    expect(parsePoolXml(await virsh(QEMU_URI, 'pool-dumpxml', name)).targetPath).toBe(first);
  });

  it('an unknown pool → 404', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts/local/pools/vt-storage-nonexistent' });
    expect(res.statusCode).toBe(404);
  });
});

describe('pool events', () => {
  it('libvirt pool events (from virsh, outside the API) and own volume changes reach the event hub', async () => {
    const name = storageName();
    created.push({ uri: QEMU_URI, name });
    const frames: string[] = [];
    const off = app.events.subscribe((frame) => frames.push(frame));
    const seen = async (event: string): Promise<void> => {
      const deadline = Date.now() + 10_000;
      const needle = `"name":"${name}","event":"${event}"`;
      while (!frames.some((f) => f.startsWith('id:') && f.includes('event: pool') && f.includes(needle))) {
        if (Date.now() > deadline) throw new Error(`no pool ${event} event for ${name}; got ${frames.join('')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await virsh(QEMU_URI, 'pool-define-as', name, 'dir', '--target', join(tmp.dir, 'events'));
      await seen('defined');
      await virsh(QEMU_URI, 'pool-build', name);
      await virsh(QEMU_URI, 'pool-start', name);
      await seen('started');
      await virsh(QEMU_URI, 'pool-refresh', name);
      await seen('refresh');
      const vol = await api({ method: 'POST', url: `/api/v1/hosts/local/pools/${name}/volumes`, payload: { name: 'a.qcow2', capacityBytes: 1048576, format: 'qcow2' } });
      expect(vol.statusCode, vol.body).toBe(201);
      await seen('changed');
      await virsh(QEMU_URI, 'vol-delete', '--pool', name, 'a.qcow2');
      await virsh(QEMU_URI, 'pool-destroy', name);
      await seen('stopped');
    } finally {
      off();
    }
  });
});

describe('source discovery input', () => {
  it.each([
    [{ type: 'netfs' }, /needs a host to scan/],
    [{ type: 'iscsi', host: 'bad host;reboot' }, /host name/],
    [{ type: 'zfs' }, /type/],
  ])('%j → 400', async (payload, reason) => {
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pool-sources', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(reason);
  });
});

describe('source discovery', () => {
  it('scans an NFS host through libvirt and reports its answer', async () => {
    const res = await api({ method: 'POST', url: '/api/v1/hosts/local/pool-sources', payload: { type: 'netfs', host: '127.0.0.1' } });
    const theirs = await virsh(QEMU_URI, 'find-storage-pool-sources-as', 'netfs', '127.0.0.1').then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    if (theirs === null) {
      expect(res.statusCode, res.body).toBe(200);
    } else {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const message = res.json<{ error: { message: string } }>().error.message;
      expect(message).toContain("no storage pools were found on host '127.0.0.1'");
      expect(theirs).toContain(message);
    }
  });
});
