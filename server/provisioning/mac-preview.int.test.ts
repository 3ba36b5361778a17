import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { CloneVmResult, CreateVmResult } from '../../common/provisioning.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { provName } from './provisioning-app.test-helpers.js';

// The New VM review (a dry run) showed one MAC and Create generated another: the VM must get the previewed one.
let app: App;
let api: Api;
const names: string[] = [];
const base = '/api/v1/hosts/test/vms';

/** MACs of a domain as `virsh domiflist` prints them (the oracle of the issue). */
async function domiflistMacs(name: string): Promise<string[]> {
  const out = await virsh(TEST_VIRSH_URI, 'domiflist', name);
  return [...out.matchAll(/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/g)].map((m) => m[1] ?? '');
}

const body = (name: string, mac?: string) => ({
  name,
  source: { kind: 'pxe' },
  memoryMiB: 64,
  storage: { kind: 'none' },
  network: { kind: 'network', network: 'default', ...(mac === undefined ? {} : { mac }) },
});

beforeAll(async () => {
  ({ app, api } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } }));
  await app.hosts.ready('test');
});
afterAll(async () => {
  for (const n of names) await virshOrNull(TEST_VIRSH_URI, 'undefine', n);
  await app.close();
});

describe('the MAC previewed is the MAC created', () => {
  const name = provName();
  let uuid = '';
  let previewed = '';

  it('the dry run names the MAC (in resolved, the XML and the virt-install line); Create with it gives the VM exactly that MAC', async () => {
    names.push(name);
    const dry = (await api({ method: 'POST', url: base, payload: { ...body(name), dryRun: true } })).json<CreateVmResult>();
    previewed = dry.resolved.mac ?? '';
    expect(previewed).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(dry.xml).toContain(`<mac address="${previewed}"/>`);
    expect(dry.virtInstall).toContain(`mac=${previewed}`);
    const created = await api({ method: 'POST', url: base, payload: body(name, previewed) });
    expect(created.statusCode, created.body).toBe(201);
    uuid = created.json<CreateVmResult>().uuid;
    expect(await domiflistMacs(name)).toEqual([previewed]);
  });

  it('a MAC another VM has is refused (409, naming the VM); a multicast MAC is refused (400); nothing is defined', async () => {
    const other = provName();
    const taken = await api({ method: 'POST', url: base, payload: { ...body(other, previewed), dryRun: true } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { message: string } }>().error.message).toContain(name);
    const multicast = await api({ method: 'POST', url: base, payload: body(other, '53:54:00:12:34:56') });
    expect(multicast.statusCode).toBe(400);
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', other)).toBeNull();
  });

  it('the clone preview names the MACs; the clone gets exactly those', async () => {
    const copy = `${name}-c`;
    names.push(copy);
    const dry = await api({ method: 'POST', url: `${base}/${uuid}/clone`, payload: { name: copy, dryRun: true } });
    expect(dry.statusCode, dry.body).toBe(200);
    const plan = dry.json<CloneVmResult>();
    expect(plan).toMatchObject({ dryRun: true, uuid: '' });
    expect(plan.macs).toHaveLength(1);
    expect(plan.macs[0]).not.toBe(previewed);
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', copy)).toBeNull();
    const cloned = await api({ method: 'POST', url: `${base}/${uuid}/clone`, payload: { name: copy, macs: plan.macs } });
    expect(cloned.statusCode, cloned.body).toBe(201);
    expect(await domiflistMacs(copy)).toEqual(plan.macs);
    // The original's MAC cannot be reused for a clone.
    const clash = await api({ method: 'POST', url: `${base}/${uuid}/clone`, payload: { name: `${name}-d`, macs: [previewed] } });
    expect(clash.statusCode).toBe(409);
  });
});
