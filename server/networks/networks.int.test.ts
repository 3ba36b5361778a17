import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { uniqueName } from '../../test/helpers/guest.js';
import type { NetworkDetail, NetworkList } from '../../common/networks.js';
import { freeSubnets } from './test-subnets.test-helpers.js';

const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };
const base = '/api/v1/hosts/local/networks';

/** `virsh net-info` as a field → value map. */
async function netInfo(name: string): Promise<Record<string, string>> {
  const out = await virsh(QEMU_URI, 'net-info', name);
  return Object.fromEntries(out.split('\n').map((l) => l.split(/:\s+/, 2) as [string, string]));
}

describe('networks API against qemu:///system', () => {
  let app: App;
  let api: Api;
  const made: string[] = [];
  let subnets: string[];
  const frames: string[] = [];
  let unsubscribe: (() => void) | undefined;

  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await app.hosts.ready('local');
    subnets = await freeSubnets(3);
    unsubscribe = app.events.subscribe((frame) => frames.push(frame));
  });
  afterAll(async () => {
    unsubscribe?.();
    for (const name of made) {
      if ((await virshOrNull(QEMU_URI, 'net-info', name)) === null) continue;
      await virshOrNull(QEMU_URI, 'net-destroy', name);
      await virshOrNull(QEMU_URI, 'net-undefine', name);
    }
    await app.close();
  });

  for (const [index, mode] of (['nat', 'isolated'] as const).entries()) {
    it(`creates, starts, autostarts, stops and deletes a ${mode} network`, async () => {
      const name = uniqueName(`net-${mode === 'nat' ? 'n' : 'i'}`);
      made.push(name);
      const prefix = subnets[index] ?? '';
      const body = {
        name,
        forwardMode: mode,
        ipv4: { address: `${prefix}.1`, prefix: 24, dhcp: { start: `${prefix}.100`, end: `${prefix}.150` }, hosts: [{ mac: '52:54:00:aa:bb:0' + String(index), ip: `${prefix}.20`, name: 'fixed' }] },
      };
      const created = await api({ method: 'POST', url: base, payload: body });
      expect(created.statusCode, created.body).toBe(201);
      const detail = created.json<NetworkDetail>();
      expect(detail).toMatchObject({ name, active: false, autostart: false, persistent: true, forwardMode: mode });
      expect(detail.ipv4).toMatchObject({ address: `${prefix}.1`, prefix: 24, cidr: `${prefix}.0/24`, dhcp: { start: `${prefix}.100`, end: `${prefix}.150` } });

      const xml = await virsh(QEMU_URI, 'net-dumpxml', name);
      if (mode === 'nat') expect(xml).toContain("<forward mode='nat'");
      else expect(xml).not.toContain('<forward');
      expect(xml).toContain(`<ip address='${prefix}.1' prefix='24'>`);
      expect(xml).toContain(`<range start='${prefix}.100' end='${prefix}.150'/>`);
      expect(xml).toContain(`<host mac='52:54:00:aa:bb:0${index}' name='fixed' ip='${prefix}.20'/>`);
      expect(await netInfo(name)).toMatchObject({ Active: 'no', Persistent: 'yes', Autostart: 'no' });

      const started = await api({ method: 'POST', url: `${base}/${name}/start` });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json<NetworkDetail>().active).toBe(true);
      expect((await netInfo(name))['Active']).toBe('yes');
      expect(started.json<NetworkDetail>().bridge).toBe((await netInfo(name))['Bridge']);

      const auto = await api({ method: 'PUT', url: `${base}/${name}/autostart`, payload: { enabled: true } });
      expect(auto.statusCode, auto.body).toBe(200);
      expect((await netInfo(name))['Autostart']).toBe('yes');

      const list = (await api({ method: 'GET', url: base })).json<NetworkList>();
      expect(list.networks.find((n) => n.name === name)).toMatchObject({ active: true, autostart: true, forwardMode: mode });

      const stopped = await api({ method: 'POST', url: `${base}/${name}/stop` });
      expect(stopped.statusCode, stopped.body).toBe(200);
      expect((await netInfo(name))['Active']).toBe('no');

      const deleted = await api({ method: 'DELETE', url: `${base}/${name}` });
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(await virshOrNull(QEMU_URI, 'net-info', name)).toBeNull();
      expect((await api({ method: 'GET', url: `${base}/${name}` })).statusCode).toBe(404);

      // libvirt's network events (and our own autostart change) reached the SSE hub in order.
      const seen = async (): Promise<string[]> =>
        frames.filter((f) => f.startsWith('id:') && f.includes('event: network') && f.includes(`"name":"${name}"`)).map((f) => /"event":"(\w+)"/.exec(f)?.[1] ?? '');
      await expect.poll(seen).toEqual(['defined', 'started', 'changed', 'stopped', 'undefined']);
    });
  }

  it('creates and starts in one request, and rolls back when libvirt refuses to start', async () => {
    const prefix = subnets[2] ?? '';
    const name = uniqueName('net-r');
    made.push(name);
    const ok = await api({ method: 'POST', url: base, payload: { name, forwardMode: 'route', ipv4: { address: `${prefix}.1`, prefix: 24 }, start: true, autostart: true } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await netInfo(name)).toMatchObject({ Active: 'yes', Autostart: 'yes' });
    const bridge = (await netInfo(name))['Bridge'] ?? '';

    // Same bridge device as a running network: libvirt defines it but refuses to start it.
    const clash = uniqueName('net-c');
    made.push(clash);
    const refused = await api({ method: 'POST', url: base, payload: { name: clash, forwardMode: 'isolated', bridge, ipv4: { address: '10.254.253.1', prefix: 24 }, start: true } });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.json<{ error: { message: string } }>().error.message).not.toBe('');
    expect(await virshOrNull(QEMU_URI, 'net-info', clash)).toBeNull();

    expect((await api({ method: 'DELETE', url: `${base}/${name}` })).statusCode).toBe(204);
    expect(await virshOrNull(QEMU_URI, 'net-info', name)).toBeNull();
  });

  it('refuses bad input with a reason and creates nothing', async () => {
    const before = await virsh(QEMU_URI, 'net-list', '--all', '--name');
    const prefix = subnets[0] ?? '';
    const name = uniqueName('net-bad');
    const cases: [unknown, RegExp][] = [
      [{ name, forwardMode: 'nat', ipv4: { address: '192.168.122.7', prefix: 24 } }, /overlaps network "default"/],
      [{ name, forwardMode: 'nat', ipv4: { address: '10.300.1.1', prefix: 24 } }, /not an IPv4 address|must match pattern/],
      [{ name, forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24, dhcp: { start: '10.1.1.10', end: `${prefix}.20` } } }, /outside the usable addresses/],
      [{ name, forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24, dhcp: { start: `${prefix}.1`, end: `${prefix}.20` } } }, /must not contain the gateway/],
      [{ name, forwardMode: 'nat', ipv4: { address: `${prefix}.0`, prefix: 24 } }, /network or broadcast address/],
      [{ name, forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24, hosts: [{ mac: '52:54:00:zz:00:01', ip: `${prefix}.5` }] } }, /must match pattern/],
      [{ name: 'bad name<x>', forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24 } }, /must match pattern/],
      [{ name: 'default', forwardMode: 'nat', ipv4: { address: `${prefix}.1`, prefix: 24 } }, /already exists/],
    ];
    for (const [payload, reason] of cases) {
      const res = await api({ method: 'POST', url: base, payload: payload as Record<string, unknown> });
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json<{ error: { message: string } }>().error.message, JSON.stringify(payload)).toMatch(reason);
    }
    expect(await virsh(QEMU_URI, 'net-list', '--all', '--name')).toBe(before);
  });
});
