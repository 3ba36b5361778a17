import { createServer, type Server } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { ConsoleCloseCode, type ConsoleList } from '../../common/consoles.js';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import { QEMU_URI, virsh } from '../../test/helpers/virsh.js';
import { ConsoleTestClient, type ConsoleOpenOptions } from './console-client.test-helpers.js';
import { VIR_DOMAIN_CONSOLE_SAFE, uuidBytes } from './libvirt-port.js';

const config = { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 };

describe('console sockets against a real server and real guests', () => {
  let app: App;
  let api: Api;
  let socketHeaders: () => Record<string, string>;
  /** A console socket as the logged-in admin. */
  const openConsole = (target: string, options: ConsoleOpenOptions = {}) => ConsoleTestClient.open(target, { headers: socketHeaders(), ...options });
  let base: string;
  let vncGuest: TestGuest;
  let plainGuest: TestGuest;
  let offGuest: TestGuest;

  const url = (guest: TestGuest, kind: 'serial' | 'vnc', query = ''): string =>
    `${base}/api/v1/hosts/local/vms/${guest.uuid}/console/${kind}${query}`;

  /** Runs a shell command over the socket and waits for its computed answer (not the echo of what was typed). */
  async function runEcho(client: ConsoleTestClient): Promise<void> {
    const tag = randomBytes(4).toString('hex');
    client.send(`echo virtdeck-$((6*7))-${tag}\r`);
    await client.waitForText(`virtdeck-42-${tag}`);
  }

  beforeAll(async () => {
    [vncGuest, plainGuest, offGuest] = await Promise.all([
      createTestGuest({ prefix: 'console', vnc: true, start: true }),
      createTestGuest({ prefix: 'console', vnc: false, start: true }),
      createTestGuest({ prefix: 'console', vnc: true, start: false }),
    ]);
    ({ app, api, socketHeaders } = await buildTestApp({ config }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    base = `ws://127.0.0.1:${String(port)}`;
    await app.hosts.ready('local');
    await Promise.all([vncGuest.waitForBanner(60_000), plainGuest.waitForBanner(60_000)]);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.allSettled([vncGuest?.cleanup(), plainGuest?.cleanup(), offGuest?.cleanup()]);
  });

  it('lists the console devices of a VM', async () => {
    const res = await api({ method: 'GET', url: `/api/v1/hosts/local/vms/${vncGuest.uuid}/consoles` });
    expect(res.statusCode).toBe(200);
    const list = res.json<ConsoleList>();
    expect(list.running).toBe(true);
    expect(list.serial[0]).toMatchObject({ name: 'serial0', kind: 'serial', sourceType: 'pty' });
    expect(list.graphics).toEqual([{ type: 'vnc', listen: 'address', supported: true, passwordProtected: false }]);
    const xml = await virsh(QEMU_URI, 'dumpxml', vncGuest.name);
    expect(xml).toContain("<alias name='serial0'/>");
  });

  it('relays the VM\'s own VNC server: the browser gets the RFB greeting', async () => {
    const client = await openConsole(url(vncGuest, 'vnc'), { answerCursorQueries: false });
    await client.waitForText('RFB 003.008\n', 10_000);
    expect(client.controls[0]).toMatchObject({ type: 'status', state: 'connected' });
    expect(client.controls.some((c) => c.type === 'vnc-credentials')).toBe(false);
    await client.close();
  });

  it('cannot be steered to another host or port by query parameters', async () => {
    let decoyConnections = 0;
    const decoy: Server = createServer((s) => {
      decoyConnections++;
      s.end('DECOY 000.000\n');
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    const decoyPort = (decoy.address() as AddressInfo).port;
    try {
      const client = await openConsole(
        url(vncGuest, 'vnc', `?host=127.0.0.1&port=${String(decoyPort)}&listen=127.0.0.1&socket=/tmp/x`),
        { answerCursorQueries: false },
      );
      await client.waitForText('RFB 003.008\n', 10_000);
      expect(client.text()).not.toContain('DECOY');
      expect(decoyConnections).toBe(0);
      await client.close();
    } finally {
      decoy.close();
    }
  });

  it('refuses a VM without VNC graphics with a clear close reason', async () => {
    const client = await openConsole(url(plainGuest, 'vnc'));
    const closed = await client.waitForClose(10_000);
    expect(closed).toEqual({ code: ConsoleCloseCode.noGraphics, reason: 'This VM has no VNC graphics' });
    expect(client.output.length).toBe(0);
  });

  it('refuses a VM that is not running with a clear close reason', async () => {
    expect(await virsh(QEMU_URI, 'domstate', offGuest.name)).toBe('shut off');
    const client = await openConsole(url(offGuest, 'vnc'));
    const closed = await client.waitForClose(10_000);
    expect(closed).toEqual({ code: ConsoleCloseCode.notRunning, reason: 'The VM is not running' });
  });

  it('refuses a WebSocket upgrade from another site\'s page', async () => {
    await expect(openConsole(url(vncGuest, 'serial'), { origin: 'http://evil.example' }))
      .rejects.toThrow(/HTTP 403/);
    await expect(openConsole(url(vncGuest, 'vnc'), { origin: 'http://evil.example' }))
      .rejects.toThrow(/HTTP 403/);
  });

  it('types into the serial console and reads the shell\'s answer', async () => {
    const client = await openConsole(url(vncGuest, 'serial'), { origin: base.replace('ws:', 'http:') });
    await client.waitForState('connected');
    expect(client.controls.find((c) => c.type === 'status' && c.state === 'connected')).toMatchObject({ device: 'serial0' });
    await runEcho(client);
    await client.close();
  });

  it('refuses frames over the size limit', async () => {
    const client = await openConsole(url(vncGuest, 'serial'));
    await client.waitForState('connected');
    client.send(Buffer.alloc(1024 * 1024 + 1, 0x20));
    const closed = await client.waitForClose(10_000);
    expect(closed.code).toBe(ConsoleCloseCode.tooBig);
  });

  it('gives a second client "in use" until it takes over, then tells the first it was displaced', async () => {
    const first = await openConsole(url(vncGuest, 'serial'));
    await first.waitForState('connected');
    const second = await openConsole(url(vncGuest, 'serial'));
    await second.waitForState('in-use');
    await runEcho(first); // the first keeps working meanwhile

    second.sendControl({ type: 'take-over' });
    await second.waitForState('connected');
    await first.waitFor('displaced', () => first.controls.some((c) => c.type === 'displaced'));
    expect(first.lastStatus()).toBe('in-use');
    await runEcho(second);

    // The force query parameter takes over on connect.
    const third = await openConsole(url(vncGuest, 'serial', '?force=1'));
    await third.waitForState('connected');
    await second.waitFor('displaced', () => second.controls.some((c) => c.type === 'displaced'));
    await runEcho(third);
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it('frees the libvirt console stream when the socket closes', async () => {
    for (let i = 0; i < 3; i++) {
      const client = await openConsole(url(vncGuest, 'serial'));
      await client.waitForState('connected');
      await client.close();
    }
    // libvirt's own answer: a SAFE open (no FORCE) succeeds only when nobody holds the console.
    const libvirt = app.hosts.get('local');
    const { dom } = await libvirt.domainLookupByUuid({ uuid: uuidBytes(vncGuest.uuid) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stream = await libvirt.domainOpenConsole({ dom, devName: null, flags: VIR_DOMAIN_CONSOLE_SAFE });
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await openConsole(url(vncGuest, 'serial'));
    await again.waitForState('connected');
    await again.close();
  });

  it('closes with clear reasons for an unknown VM or host', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    for (const kind of ['serial', 'vnc'] as const) {
      const vm = await openConsole(`${base}/api/v1/hosts/local/vms/${missing}/console/${kind}`);
      expect(await vm.waitForClose(10_000)).toEqual({ code: ConsoleCloseCode.notFound, reason: 'No such VM on this host' });
      const host = await openConsole(`${base}/api/v1/hosts/nope/vms/${vncGuest.uuid}/console/${kind}`);
      expect(await host.waitForClose(10_000)).toEqual({ code: ConsoleCloseCode.notFound, reason: 'No host "nope" is configured' });
    }
    const res = await api({ method: 'GET', url: `/api/v1/hosts/local/vms/${missing}/consoles` });
    expect(res.statusCode).toBe(404);
  });

  it('names an unknown console device clearly', async () => {
    const client = await openConsole(url(vncGuest, 'serial', '?device=serial7'));
    const closed = await client.waitForClose(10_000);
    expect(closed).toEqual({ code: ConsoleCloseCode.notFound, reason: 'This VM has no console device named serial7' });
  });

  it('reattaches the serial console by itself when the VM restarts', async () => {
    const client = await openConsole(url(plainGuest, 'serial'));
    await client.waitForState('connected');
    const before = client.output.length;
    // Listen before destroying: the status can arrive before virsh returns.
    const notRunning = client.waitForState('vm-not-running');
    await virsh(QEMU_URI, 'destroy', plainGuest.name);
    await notRunning;
    expect(await virsh(QEMU_URI, 'domstate', plainGuest.name)).toBe('shut off');
    await virsh(QEMU_URI, 'start', plainGuest.name);
    await client.waitFor('connected after restart', () => client.lastStatus() === 'connected', 30_000);
    await client.waitFor('boot banner again', () => client.output.subarray(before).includes('VIRTDECK-GUEST-READY'), 60_000);
    await runEcho(client);
    await client.close();
  });

  it('tells a waiting VNC pane when the VM starts', async () => {
    const client = await openConsole(url(offGuest, 'vnc', '?wait=1'));
    await client.waitForState('vm-not-running');
    await virsh(QEMU_URI, 'start', offGuest.name);
    const closed = await client.waitForClose(30_000);
    expect(closed.code).toBe(ConsoleCloseCode.restarted);
    expect(client.controls.some((c) => c.type === 'restarted')).toBe(true);
    const fresh = await openConsole(url(offGuest, 'vnc'), { answerCursorQueries: false });
    await fresh.waitForText('RFB 003.008\n', 10_000);
    await fresh.close();
    await virsh(QEMU_URI, 'destroy', offGuest.name);
  });
});
