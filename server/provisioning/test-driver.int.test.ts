import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { CloneVmResult, CreateVmResult, DeleteVmResult, ProvisioningOptions } from '../../common/provisioning.js';
import { parseDomainXml } from '../xml/domain.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { provName } from './provisioning-app.test-helpers.js';

// libvirt's test driver: no QEMU, fast and deterministic; its capabilities differ (domain type test, i686).
let app: App;
let api: Api;
const names: string[] = [];
const POOL = 'default-pool';

beforeAll(async () => {
  ({ app, api } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } }));
  await app.hosts.ready('test');
});
afterAll(async () => {
  for (const n of names) {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', n);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', n, '--managed-save', '--snapshots-metadata');
    await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', POOL, `${n}.qcow2`);
  }
  await app.close();
});

describe('provisioning on the test driver', () => {
  it('uses what this driver offers: domain type test, its arch and emulator', async () => {
    const opts = (await api({ url: '/api/v1/hosts/test/provisioning/options' })).json<ProvisioningOptions>();
    const caps = await virsh(TEST_VIRSH_URI, 'capabilities');
    expect(opts.domainType).toBe('test');
    expect(caps).toContain(`<emulator>${opts.emulator ?? ''}</emulator>`);
    expect(caps).toContain(`<arch name='${opts.arch}'>`);
  });

  it('creates, clones and deletes with storage; virsh agrees at each step', async () => {
    const name = provName();
    const copy = `${name}-copy`;
    names.push(name, copy);
    const created = await api({ method: 'POST', url: '/api/v1/hosts/test/vms', payload: { name, source: { kind: 'pxe' }, memoryMiB: 64, vcpus: 2, storage: { kind: 'new', pool: POOL, sizeBytes: 8 * 1024 * 1024 }, network: { kind: 'network', network: 'default' }, start: true } });
    expect(created.statusCode, created.body).toBe(201);
    const { uuid, steps } = created.json<CreateVmResult>();
    expect(steps).toEqual([`created volume ${POOL}/${name}.qcow2 (8 MiB qcow2)`, `defined VM ${name}`, `started VM ${name}`]);
    expect(await virsh(TEST_VIRSH_URI, 'domstate', name)).toBe('running');
    const def = parseDomainXml(await virsh(TEST_VIRSH_URI, 'dumpxml', '--inactive', name));
    expect(def).toMatchObject({ domainType: 'test', vcpus: { max: 2 }, memory: { maxBytes: 64 * 1024 * 1024 } });
    expect(def.consoles.every((c) => c.logFile === undefined)).toBe(true);

    expect((await api({ method: 'POST', url: `/api/v1/hosts/test/vms/${uuid}/clone`, payload: { name: copy } })).statusCode).toBe(409);
    await virsh(TEST_VIRSH_URI, 'destroy', name);
    const cloned = await api({ method: 'POST', url: `/api/v1/hosts/test/vms/${uuid}/clone`, payload: { name: copy } });
    expect(cloned.statusCode, cloned.body).toBe(201);
    const c = cloned.json<CloneVmResult>();
    expect(await virsh(TEST_VIRSH_URI, 'domuuid', copy)).toBe(c.uuid);
    expect(c.disks).toEqual([{ target: 'vda', action: 'cloned', from: `/${POOL}/${name}.qcow2`, to: `/${POOL}/${copy}.qcow2` }]);
    expect(await virsh(TEST_VIRSH_URI, 'vol-list', POOL)).toContain(`${copy}.qcow2`);

    for (const [id, vm] of [[uuid, name], [c.uuid, copy]] as const) {
      const res = await api({ method: 'DELETE', url: `/api/v1/hosts/test/vms/${id}`, payload: { volumes: [`/${POOL}/${vm}.qcow2`] } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<DeleteVmResult>().removedVolumes).toEqual([`/${POOL}/${vm}.qcow2`]);
      expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', vm)).toBeNull();
      expect(await virsh(TEST_VIRSH_URI, 'vol-list', POOL)).not.toContain(`${vm}.qcow2`);
    }
  });
});
