import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { uniqueName } from '../../test/helpers/guest.js';
import type { NetworkDetail, NetworkList } from '../../common/networks.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };
const base = '/api/v1/hosts/test/networks';

describe('networks API against libvirt\'s test driver', () => {
  let app: App;
  let api: Api;
  const name = uniqueName('net-t');

  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await app.hosts.ready('test');
  });
  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'net-destroy', name);
    await virshOrNull(TEST_VIRSH_URI, 'net-undefine', name);
    await app.close();
  });

  it('lists the driver\'s networks as virsh does (no DHCP leases there)', async () => {
    const res = await api({ method: 'GET', url: base });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json<NetworkList>().networks.map((n) => n.name);
    expect(names).toEqual((await virsh(TEST_VIRSH_URI, 'net-list', '--all', '--name')).split('\n').filter((n) => n !== '').sort());
    expect(res.json<NetworkList>().networks.find((n) => n.name === 'default')).toMatchObject({ active: true, leases: [] });
  });

  it('creates a routed network, starts and deletes it', async () => {
    // Above every address the driver's own networks use.
    const created = await api({ method: 'POST', url: base, payload: { name, forwardMode: 'route', ipv4: { address: '10.251.77.1', prefix: 24 }, start: true } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<NetworkDetail>()).toMatchObject({ name, active: true, forwardMode: 'route' });
    expect(await virsh(TEST_VIRSH_URI, 'net-dumpxml', name)).toContain("<forward mode='route'/>");
    expect(await virsh(TEST_VIRSH_URI, 'net-info', name)).toMatch(/Active:\s+yes/);
    expect((await api({ method: 'DELETE', url: `${base}/${name}` })).statusCode).toBe(204);
    expect(await virshOrNull(TEST_VIRSH_URI, 'net-info', name)).toBeNull();
  });
});
