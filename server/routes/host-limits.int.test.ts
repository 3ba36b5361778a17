import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { App } from '../app.js';
import type { Api } from '../../test/helpers/app.js';
import type { PoolList } from '../../common/storage.js';
import { QEMU_URI, TEST_VIRSH_URI, virsh, virshBridges, virshOrNull } from '../../test/helpers/virsh.js';
import { storageApp } from '../storage/storage-app.test-helpers.js';

let app: App;
let api: Api;
const request = (o: InjectOptions) => api(o);

beforeAll(async () => {
  ({ app, api } = await storageApp());
});
afterAll(async () => {
  await app.close();
});

describe('bridges are facts of the libvirt host, not of the machine virtdeck runs on', () => {
  const bridge = `vtbr${randomBytes(3).toString('hex')}`;
  const xmlFile = join(tmpdir(), `${bridge}.xml`);

  beforeAll(async () => {
    writeFileSync(xmlFile, `<interface type='bridge' name='${bridge}'><bridge stp='off' delay='0'></bridge></interface>`);
    await virsh(TEST_VIRSH_URI, 'iface-define', xmlFile);
  });
  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'iface-undefine', bridge);
    rmSync(xmlFile, { force: true });
  });

  it("lists the test driver's own bridges for test:///default, not this machine's virbr0", async () => {
    const res = await request({ method: 'GET', url: '/api/v1/hosts/test/bridges' });
    expect(res.statusCode, res.body).toBe(200);
    const { bridges } = res.json<{ bridges: string[] }>();
    expect(bridges).toEqual(await virshBridges(TEST_VIRSH_URI));
    expect(bridges).toContain(bridge);
    expect(bridges).not.toContain('virbr0');
  });

  it('lists the same bridges as virsh for qemu:///system', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/hosts/local/bridges' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ bridges: string[] }>().bridges).toEqual(await virshBridges(QEMU_URI));
  });
});

describe("libvirt's limits answer as such", () => {
  const vol = `vt-limits-${randomBytes(4).toString('hex')}.img`;

  beforeAll(async () => {
    await virsh(TEST_VIRSH_URI, 'vol-create-as', 'default-pool', vol, '1M');
  });
  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', 'default-pool', vol);
  });

  it("downloading a volume where the driver has no streams answers 501 NOT_SUPPORTED with libvirt's message, not 500", async () => {
    const res = await request({ method: 'GET', url: `/api/v1/hosts/test/pools/default-pool/volumes/${vol}/content` });
    expect(res.statusCode, res.body).toBe(501);
    const { error } = res.json<{ error: { code: string; message: string; libvirtCode: number } }>();
    expect(error.code).toBe('NOT_SUPPORTED');
    expect(error.libvirtCode).toBe(3);
    expect(error.message).toMatch(/not supported/);
    expect(await virsh(TEST_VIRSH_URI, 'vol-list', 'default-pool')).toContain(vol);
  });

  it('tells per pool whether its driver streams volume content', async () => {
    const test = (await request({ method: 'GET', url: '/api/v1/hosts/test/pools' })).json<PoolList>();
    expect(test.pools.find((p) => p.name === 'default-pool')?.volumeTransfer).toBe(false);
    const local = (await request({ method: 'GET', url: '/api/v1/hosts/local/pools' })).json<PoolList>();
    const dir = local.pools.find((p) => p.type === 'dir');
    expect(dir?.volumeTransfer).toBe(true);
  });
});

describe('a pool target another pool uses', () => {
  const name = `vt-target-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'pool-undefine', name);
  });

  it("is refused with 409 naming the other pool, also for a type libvirt itself would accept there (fs on a dir pool's directory)", async () => {
    const res = await request({
      method: 'POST', url: '/api/v1/hosts/test/pools',
      payload: { name, type: 'fs', source: { device: '/dev/vt-none' }, target: { path: '/default-pool' }, build: false, start: false, autostart: false },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'TARGET_IN_USE',
      message: 'Pool "default-pool" already keeps its files in /default-pool: choose another directory',
    });
    expect((await virsh(TEST_VIRSH_URI, 'pool-list', '--all', '--name')).split('\n').map((l) => l.trim())).not.toContain(name);
  });
});
