import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { ConsoleList } from '../../common/consoles.js';
import { createTestGuest, testGuestXml, uniqueName, type TestGuest } from '../../test/helpers/guest.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { ConsoleTestClient, type ConsoleOpenOptions } from './console-client.test-helpers.js';

const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };
const VNC_PASSWORD = `v${randomBytes(3).toString('hex')}`; // VNC passwords are at most 8 characters

describe('consoles across VM life cycle and VNC passwords', () => {
  let app: App;
  let api: Api;
  let socketHeaders: () => Record<string, string>;
  /** A console socket as the logged-in admin. */
  const openConsole = (target: string, options: ConsoleOpenOptions = {}) => ConsoleTestClient.open(target, { headers: socketHeaders(), ...options });
  let base: string;
  let snapGuest: TestGuest;
  const pwName = uniqueName('console-pw');
  let pwUuid = '';
  const multiName = uniqueName('console-multi');
  let multiUuid = '';

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vt-console-'));
    try {
      const xml = testGuestXml({ name: pwName, vnc: true })
        .replace("<graphics type='vnc' ", `<graphics type='vnc' passwd='${VNC_PASSWORD}' `);
      await writeFile(join(dir, 'd.xml'), xml);
      await virsh(QEMU_URI, 'define', join(dir, 'd.xml'));
      // A second console: virtio, which QEMU names console1.
      const multi = testGuestXml({ name: multiName })
        .replace('</devices>', "<console type='pty'><target type='virtio' port='1'/></console>\n  </devices>");
      await writeFile(join(dir, 'm.xml'), multi);
      await virsh(QEMU_URI, 'define', join(dir, 'm.xml'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    pwUuid = await virsh(QEMU_URI, 'domuuid', pwName);
    await virsh(QEMU_URI, 'start', pwName);
    multiUuid = await virsh(QEMU_URI, 'domuuid', multiName);
    await virsh(QEMU_URI, 'start', multiName);
    snapGuest = await createTestGuest({ prefix: 'console-snap', disk: 'qcow2', start: true });
    ({ app, api, socketHeaders } = await buildTestApp({ config }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `ws://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
    await app.hosts.ready('local');
    await snapGuest.waitForBanner(60_000);
  });

  afterAll(async () => {
    await app?.close();
    await virshOrNull(QEMU_URI, 'destroy', pwName);
    await virshOrNull(QEMU_URI, 'undefine', pwName);
    await virshOrNull(QEMU_URI, 'destroy', multiName);
    await virshOrNull(QEMU_URI, 'undefine', multiName);
    await snapGuest?.cleanup();
  });

  it('hands the VNC password to the socket holder only, before any RFB byte', async () => {
    const secure = await virsh(QEMU_URI, 'dumpxml', '--security-info', pwName);
    expect(secure).toContain(`passwd='${VNC_PASSWORD}'`);

    const res = await api({ method: 'GET', url: `/api/v1/hosts/local/vms/${pwUuid}/consoles` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(VNC_PASSWORD);
    expect(res.json<ConsoleList>().graphics[0]).toMatchObject({ type: 'vnc', passwordProtected: true });

    const client = await openConsole(`${base}/api/v1/hosts/local/vms/${pwUuid}/console/vnc`, { answerCursorQueries: false });
    await client.waitForText('RFB 003.008\n', 10_000);
    const index = client.controls.findIndex((c) => c.type === 'vnc-credentials');
    expect(client.controls[index]).toEqual({ type: 'vnc-credentials', password: VNC_PASSWORD });
    expect(client.controlOffsets[index]).toBe(0);
    await client.close();
  });

  it('lists several console devices and opens the one asked for', async () => {
    const xml = await virsh(QEMU_URI, 'dumpxml', multiName);
    expect(xml).toContain("<alias name='console1'/>");
    const res = await api({ method: 'GET', url: `/api/v1/hosts/local/vms/${multiUuid}/consoles` });
    expect(res.json<ConsoleList>().serial.map((d) => [d.name, d.kind, d.targetType])).toEqual([
      ['serial0', 'serial', 'isa-serial'],
      ['console1', 'console', 'virtio'],
    ]);
    const url = `${base}/api/v1/hosts/local/vms/${multiUuid}/console/serial`;
    const second = await openConsole(`${url}?device=console1`);
    await second.waitForState('connected');
    expect(second.controls.find((c) => c.type === 'status' && c.state === 'connected')).toMatchObject({ device: 'console1' });
    // Each device is held on its own: serial0 is still free.
    const first = await openConsole(url);
    await first.waitForState('connected');
    expect(first.controls.find((c) => c.type === 'status' && c.state === 'connected')).toMatchObject({ device: 'serial0' });
    await Promise.all([first.close(), second.close()]);
  });

  it('reattaches the serial console after a snapshot revert restarts QEMU', async () => {
    await virsh(QEMU_URI, 'snapshot-create-as', snapGuest.name, 'vt-console-snap');
    const client = await openConsole(`${base}/api/v1/hosts/local/vms/${snapGuest.uuid}/console/serial`);
    await client.waitForState('connected');
    const idBefore = await virsh(QEMU_URI, 'domid', snapGuest.name);

    const from = client.controls.length;
    await virsh(QEMU_URI, 'snapshot-revert', snapGuest.name, 'vt-console-snap');
    expect(await virsh(QEMU_URI, 'domstate', snapGuest.name)).toBe('running');
    const idAfter = await virsh(QEMU_URI, 'domid', snapGuest.name);
    await client.waitFor('reattached after revert', () =>
      client.controls.slice(from).some((c) => c.type === 'status' && c.state === 'connected'), 30_000);
    expect(idAfter).not.toBe(idBefore);

    const tag = randomBytes(4).toString('hex');
    client.send(`echo reverted-$((3*3))-${tag}\r`);
    await client.waitForText(`reverted-9-${tag}`, 20_000);
    await client.close();
  });
});
