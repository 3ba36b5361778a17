import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { PoolSummary, VolumeDetails, VolumeList } from '../../common/storage.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';

// 64-bit sizes above 2^53 lost precision in JSON: volume figures come with their exact decimal, pool figures as null.
const POOL = 'default-pool';
const name = `vt-exact-${randomBytes(4).toString('hex')}.img`;
const HUGE = '1152921504606846977'; // 2^60 + 1: no JSON number holds it
const dir = mkdtempSync(join(tmpdir(), 'vt-exact-'));
let app: App;
let api: Api;

beforeAll(async () => {
  ({ app, api } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } }));
  await app.hosts.ready('test');
  const file = join(dir, 'vol.xml');
  writeFileSync(file, `<volume><name>${name}</name><capacity unit='bytes'>${HUGE}</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>`);
  await virsh(TEST_VIRSH_URI, 'vol-create', POOL, file);
});
afterAll(async () => {
  await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', POOL, name);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sizes above 2^53', () => {
  it('a volume whose capacity is above 2^53 carries its exact byte count (as virsh vol-dumpxml reports it)', async () => {
    expect(await virsh(TEST_VIRSH_URI, 'vol-dumpxml', '--pool', POOL, name)).toContain(`>${HUGE}</capacity>`);
    const details = (await api({ url: `/api/v1/hosts/test/pools/${POOL}/volumes/${name}` })).json<VolumeDetails>();
    expect(details.exactBytes).toEqual({ capacity: HUGE });
    const listed = (await api({ url: `/api/v1/hosts/test/pools/${POOL}/volumes` })).json<VolumeList>().volumes.find((v) => v.name === name);
    expect(listed?.exactBytes).toEqual({ capacity: HUGE });
  });

  it('pool figures are exact numbers below 2^53 (or null above)', async () => {
    const pool = (await api({ url: `/api/v1/hosts/test/pools/${POOL}` })).json<PoolSummary>();
    const info = await virsh(TEST_VIRSH_URI, 'pool-info', '--bytes', POOL);
    const capacity = /Capacity:\s+(\d+)/.exec(info)?.[1] ?? '';
    expect(pool.capacityBytes === null ? null : String(pool.capacityBytes)).toBe(BigInt(capacity) > BigInt(Number.MAX_SAFE_INTEGER) ? null : capacity);
  });
});
