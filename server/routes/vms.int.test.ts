import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { SseClient } from '../events/sse-client.test-helpers.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import type { VmDetail, VmSummary } from '../../common/vms.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };
const dir = mkdtempSync(join(tmpdir(), 'vt-vms-'));
const suffix = randomBytes(4).toString('hex');
const name = `vt-vms-${suffix} it's "quoted"`;
const uuid = `${randomBytes(4).toString('hex')}-1111-4222-8333-${randomBytes(6).toString('hex')}`;
const mac = `52:54:00:${randomBytes(3).toString('hex').match(/../g)?.join(':') ?? '00:00:00'}`;

function domainXml(): string {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
  return `<domain type='test'>
  <name>${esc(name)}</name>
  <uuid>${uuid}</uuid>
  <memory unit='MiB'>256</memory>
  <currentMemory unit='MiB'>128</currentMemory>
  <vcpu current='1'>2</vcpu>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/vt/${suffix}.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'><mac address='${mac}'/><source network='default'/><model type='virtio'/></interface>
  </devices>
</domain>`;
}

const domstate = () => virsh(TEST_VIRSH_URI, 'domstate', uuid);
const dominfo = async () => {
  const out = await virsh(TEST_VIRSH_URI, 'dominfo', uuid);
  return Object.fromEntries(out.split('\n').map((l) => l.split(/:\s+/, 2).map((s) => s.trim()) as [string, string]));
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('VM API on test:///default', () => {
  let app: App;
  let api: Api;
  const base = `/api/v1/hosts/test/vms`;

  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await app.hosts.ready('test');
    // The app holds test:///default open, so what virsh defines now lives until the app closes.
    const file = join(dir, 'domain.xml');
    writeFileSync(file, domainXml());
    await virsh(TEST_VIRSH_URI, 'define', file);
  });

  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', uuid);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', uuid);
    await app.close();
  });

  it('lists every domain with state, autostart, persistence, vCPUs and memory', async () => {
    const res = await api({ url: base });
    expect(res.statusCode).toBe(200);
    const { vms } = res.json<{ vms: VmSummary[] }>();
    const vm = vms.find((v) => v.uuid === uuid);
    expect(vm).toEqual({
      uuid,
      name,
      id: -1,
      state: 'shutoff',
      autostart: false,
      persistent: true,
      managedSave: false,
      vcpus: { current: 1, max: 2 },
      memory: { currentBytes: 128 * 1024 * 1024, maxBytes: 256 * 1024 * 1024 },
    });
    const info = await dominfo();
    expect(info['Name']).toBe(name);
    expect(info['State']).toBe('shut off');
    expect(info['Max memory']).toBe(`${256 * 1024} KiB`);
    // Every domain virsh lists is in the answer.
    const virshNames = (await virsh(TEST_VIRSH_URI, 'list', '--all', '--name')).split('\n').filter((n) => n !== '');
    expect(vms.map((v) => v.name).sort()).toEqual(expect.arrayContaining(virshNames.sort()));
  });

  it('gives the detail: disks and NICs as virsh domblklist/domiflist show them', async () => {
    const res = await api({ url: `${base}/${uuid}` });
    expect(res.statusCode).toBe(200);
    const vm = res.json<VmDetail>();
    expect(vm.disks).toEqual([
      { device: 'disk', type: 'file', target: 'vda', bus: 'virtio', format: 'qcow2', sourceFile: `/var/lib/vt/${suffix}.qcow2`, source: { type: 'file', supported: true, path: `/var/lib/vt/${suffix}.qcow2` }, readonly: false, shareable: false },
    ]);
    expect(await virsh(TEST_VIRSH_URI, 'domblklist', uuid)).toMatch(new RegExp(`vda\\s+/var/lib/vt/${suffix}.qcow2`));
    expect(vm.interfaces).toHaveLength(1);
    expect(vm.interfaces[0]).toMatchObject({ type: 'network', sourceNetwork: 'default', model: 'virtio', mac });
    expect(await virsh(TEST_VIRSH_URI, 'domiflist', uuid)).toMatch(new RegExp(`network\\s+default\\s+virtio\\s+${mac}`));
    expect(vm.os).toMatchObject({ type: 'hvm', arch: 'x86_64', bootDevices: ['hd'] });
  });

  it('never shows the VNC password of a VM in its detail', async () => {
    const vncUuid = `${randomBytes(4).toString('hex')}-2222-4222-8333-${randomBytes(6).toString('hex')}`;
    const password = `pw${randomBytes(3).toString('hex')}`;
    const file = join(dir, 'vnc.xml');
    writeFileSync(file, `<domain type='test'><name>vt-vms-vnc-${suffix}</name><uuid>${vncUuid}</uuid><memory unit='MiB'>128</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <devices><graphics type='vnc' port='5907' autoport='no' listen='127.0.0.1' passwd='${password}'><listen type='address' address='127.0.0.1'/></graphics></devices>
</domain>`);
    await virsh(TEST_VIRSH_URI, 'define', file);
    try {
      await virsh(TEST_VIRSH_URI, 'start', vncUuid);
      expect(await virsh(TEST_VIRSH_URI, 'dumpxml', '--security-info', vncUuid)).toContain(`passwd='${password}'`);
      const res = await api({ url: `${base}/${vncUuid}` });
      expect(res.statusCode).toBe(200);
      expect(res.json<VmDetail>().graphics).toEqual([{ type: 'vnc', listen: '127.0.0.1', port: 5907, autoport: false }]);
      expect(res.body).not.toContain(password);
      expect(res.body).not.toMatch(/passw/i);
    } finally {
      await virshOrNull(TEST_VIRSH_URI, 'destroy', vncUuid);
      await virshOrNull(TEST_VIRSH_URI, 'undefine', vncUuid);
    }
  });

  it('returns the XML exactly as virsh dumpxml does, live and inactive', async () => {
    const live = await api({ url: `${base}/${uuid}/xml` });
    expect(live.statusCode).toBe(200);
    expect(live.json<{ xml: string }>().xml.trim()).toBe(await virsh(TEST_VIRSH_URI, 'dumpxml', uuid));
    const inactive = await api({ url: `${base}/${uuid}/xml?inactive=1` });
    expect(inactive.json<{ xml: string }>().xml.trim()).toBe(await virsh(TEST_VIRSH_URI, 'dumpxml', '--inactive', uuid));
    expect((await api({ url: `${base}/${uuid}/xml?inactive=maybe` })).statusCode).toBe(400);
  });

  it('runs the lifecycle: start, suspend, resume, reboot, shutdown, start, destroy', async () => {
    const act = async (action: string) => {
      const res = await api({ method: 'POST', url: `${base}/${uuid}/${action}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ vm: VmSummary }>().vm;
    };
    expect((await act('start')).state).toBe('running');
    expect(await domstate()).toBe('running');
    expect((await act('suspend')).state).toBe('paused');
    expect(await domstate()).toBe('paused');
    expect((await act('resume')).state).toBe('running');
    expect(await domstate()).toBe('running');
    expect((await act('reboot')).state).toBe('running');
    expect(await domstate()).toBe('running');
    expect((await act('shutdown')).state).toBe('shutoff');
    expect(await domstate()).toBe('shut off');
    const started = await act('start');
    expect(started.id).toBeGreaterThan(0);
    expect(await domstate()).toBe('running');
    expect((await act('destroy')).state).toBe('shutoff');
    expect(await domstate()).toBe('shut off');
  });

  it('answers 409 with libvirt\'s message for a wrong state and changes nothing', async () => {
    const res = await api({ method: 'POST', url: `${base}/${uuid}/resume` });
    expect(res.statusCode).toBe(409);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    // QEMU says VIR_ERR_OPERATION_INVALID; the test driver reports it as an internal error.
    expect(error.code).toMatch(/^VIR_ERR_(OPERATION_INVALID|INTERNAL_ERROR)$/);
    expect(error.message).toMatch(/not running|not paused/i);
    expect(await domstate()).toBe('shut off');

    await api({ method: 'POST', url: `${base}/${uuid}/start` });
    const again = await api({ method: 'POST', url: `${base}/${uuid}/start` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/already running/i);
    expect(await domstate()).toBe('running');
    await api({ method: 'POST', url: `${base}/${uuid}/destroy` });
    expect(await domstate()).toBe('shut off');
  });

  it('toggles autostart as virsh dominfo shows it', async () => {
    const on = await api({ method: 'PUT', url: `${base}/${uuid}/autostart`, payload: { enabled: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json<{ vm: VmSummary }>().vm.autostart).toBe(true);
    expect((await dominfo())['Autostart']).toBe('enable');
    const list = (await api({ url: base })).json<{ vms: VmSummary[] }>();
    expect(list.vms.find((v) => v.uuid === uuid)?.autostart).toBe(true);
    const off = await api({ method: 'PUT', url: `${base}/${uuid}/autostart`, payload: { enabled: false } });
    expect(off.json<{ vm: VmSummary }>().vm.autostart).toBe(false);
    expect((await dominfo())['Autostart']).toBe('disable');
  });

  it('rejects malformed input with 400 and unknown VMs with 404, changing nothing', async () => {
    const before = await dominfo();
    const xmlBefore = await virsh(TEST_VIRSH_URI, 'dumpxml', '--inactive', uuid);
    const cases: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown; status: number; code: string }[] = [
      { method: 'GET', url: `${base}/not-a-uuid`, status: 400, code: 'BAD_REQUEST' },
      { method: 'POST', url: `${base}/${uuid.slice(0, -1)}/start`, status: 400, code: 'BAD_REQUEST' },
      { method: 'POST', url: `${base}/${uuid}/explode`, status: 400, code: 'BAD_REQUEST' },
      { method: 'PUT', url: `${base}/${uuid}/autostart`, payload: { enabled: 'yes' }, status: 400, code: 'BAD_REQUEST' },
      { method: 'PUT', url: `${base}/${uuid}/autostart`, payload: { enabled: true, extra: 1 }, status: 400, code: 'BAD_REQUEST' },
      { method: 'PUT', url: `${base}/${uuid}/autostart`, payload: {}, status: 400, code: 'BAD_REQUEST' },
      { method: 'PUT', url: `${base}/${uuid}/autostart`, payload: { enabled: true, pad: 'x'.repeat(2 * 1024 * 1024) }, status: 400, code: 'BODY_TOO_LARGE' },
      { method: 'POST', url: `${base}/00000000-0000-4000-8000-000000000000/start`, status: 404, code: 'VIR_ERR_NO_DOMAIN' },
      { method: 'GET', url: `${base}/00000000-0000-4000-8000-000000000000`, status: 404, code: 'VIR_ERR_NO_DOMAIN' },
      { method: 'GET', url: `/api/v1/hosts/nohost/vms`, status: 404, code: 'HOST_NOT_FOUND' },
    ];
    for (const c of cases) {
      const res = await api({ method: c.method, url: c.url, ...(c.payload === undefined ? {} : { payload: c.payload as object }) });
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body.slice(0, 200)}`).toBe(c.status);
      const body = res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe(c.code);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    const { ['CPU time']: _cpuAfter, ...after } = await dominfo();
    const { ['CPU time']: _cpuBefore, ...expected } = before;
    expect(after).toEqual(expected);
    expect(await virsh(TEST_VIRSH_URI, 'dumpxml', '--inactive', uuid)).toBe(xmlBefore);
    expect(await domstate()).toBe('shut off');
  });
});

describe('events on test:///default', () => {
  let app: App;
  let socketHeaders: () => Record<string, string>;
  let url: string;
  const evUuid = `${randomBytes(4).toString('hex')}-2222-4222-8333-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    ({ app, socketHeaders } = await buildTestApp({ config }));
    await app.hosts.ready('test');
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    const file = join(dir, 'ev.xml');
    writeFileSync(file, domainXml().replace(uuid, evUuid).replace(`<name>`, `<name>ev-`));
    await virsh(TEST_VIRSH_URI, 'define', file);
  });
  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', evUuid);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', evUuid);
    await app.close();
  });

  it('pushes a vm event with the new state when virsh starts and destroys a domain', async () => {
    const sse = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    try {
      await sse.next((m) => m.event === 'host');
      await virsh(TEST_VIRSH_URI, 'start', evUuid);
      const started = await sse.next((m) => m.event === 'vm' && m.data.includes(evUuid) && m.data.includes('"event":"started"'));
      const data = JSON.parse(started.data) as { host: string; vm: VmSummary; kind: string; detail: string };
      expect(data).toMatchObject({ host: 'test', kind: 'lifecycle', detail: 'booted' });
      expect(data.vm.state).toBe('running');
      expect(started.id).toMatch(/^\d+$/);
      await virsh(TEST_VIRSH_URI, 'destroy', evUuid);
      const stopped = await sse.next((m) => m.event === 'vm' && m.data.includes(evUuid) && m.data.includes('"event":"stopped"'));
      expect((JSON.parse(stopped.data) as { vm: VmSummary }).vm.state).toBe('shutoff');
    } finally {
      sse.close();
    }
  });

  it('sends stats every 2 s only while someone listens, and replays missed events on reconnect', async () => {
    await expect.poll(() => app.events.listenerCount).toBe(0);
    expect(app.vms.sampler.running).toBe(false);
    const sse = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    const first = await sse.next((m) => m.event === 'stats');
    expect(app.vms.sampler.running).toBe(true);
    const second = await sse.next((m) => m.event === 'stats', 5000, sse.messages.indexOf(first) + 1);
    expect(second.receivedAt - first.receivedAt).toBeGreaterThan(1500);
    expect(JSON.parse(second.data)).toMatchObject({ host: 'test', intervalMs: 2000 });
    // A client joining between ticks gets the latest figures at once.
    const joiner = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    const t0 = performance.now();
    await joiner.next((m) => m.event === 'stats', 500);
    expect(performance.now() - t0).toBeLessThan(500);
    joiner.close();
    const lastId = [...sse.messages].reverse().find((m) => m.id !== undefined)?.id ?? '0';
    sse.close();
    await expect.poll(() => app.events.listenerCount).toBe(0);
    expect(app.vms.sampler.running).toBe(false);

    // Missed while away: replayed after reconnecting with Last-Event-ID.
    await virsh(TEST_VIRSH_URI, 'start', evUuid);
    await expect.poll(() => app.events.lastId).toBeGreaterThan(Number(lastId));
    const back = await SseClient.open(`${url}/api/v1/events`, { ...socketHeaders(), 'last-event-id': lastId });
    try {
      const replayed = await back.next((m) => m.event === 'vm' && m.data.includes(evUuid) && m.data.includes('"started"'));
      expect(Number(replayed.id)).toBeGreaterThan(Number(lastId));
    } finally {
      back.close();
    }
    const stale = await SseClient.open(`${url}/api/v1/events`, { ...socketHeaders(), 'last-event-id': '999999999' });
    try {
      await stale.next((m) => m.event === 'resync');
    } finally {
      stale.close();
    }
  });
});
