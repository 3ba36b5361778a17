import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { HostRegistry } from '../hosts/registry.js';
import { QEMU_URI, TEST_VIRSH_URI, virsh } from '../../test/helpers/virsh.js';

const config = {
  hosts: [
    { id: 'local', uri: 'qemu:///system' },
    { id: 'test', uri: 'test:///default' },
  ],
  listenHost: '127.0.0.1',
  port: 0,
};

describe('hosts API', () => {
  let app: App;
  let api: Api;
  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await Promise.all([app.hosts.ready('local'), app.hosts.ready('test')]);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the configured hosts with their connection state', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ hosts: { id: string; uri: string; state: string }[] }>();
    expect(body.hosts.map((h) => [h.id, h.uri, h.state])).toEqual([
      ['local', 'qemu:///system', 'connected'],
      ['test', 'test:///default', 'connected'],
    ]);
  });

  it('reports the same hostname and versions as virsh for qemu:///system', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts/local' });
    expect(res.statusCode).toBe(200);
    const facts = res.json<{ hostname: string; libvirtVersion: string; hypervisor: { type: string; version: string }; cpu: { count: number }; kvm: { usable: boolean; checks: { name: string; ok: boolean }[] } }>();
    expect(facts.hostname).toBe(await virsh(QEMU_URI, 'hostname'));
    const version = await virsh(QEMU_URI, 'version');
    expect(version).toContain(`Using library: libvirt ${facts.libvirtVersion}`);
    expect(version).toContain(`Running hypervisor: ${facts.hypervisor.type} ${facts.hypervisor.version}`);
    const nodeinfo = await virsh(QEMU_URI, 'nodeinfo');
    expect(nodeinfo).toMatch(new RegExp(`CPU\\(s\\):\\s+${facts.cpu.count}\\b`));
    expect(facts.kvm.checks.map((c) => c.name)).toEqual(['kvm domain type', 'hardware virtualization', 'kvm domain capabilities']);
    expect(facts.kvm.usable).toBe(facts.kvm.checks.every((c) => c.ok));
  });

  it('reports the test driver too', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts/test' });
    expect(res.statusCode).toBe(200);
    const facts = res.json<{ hypervisor: { type: string }; numaNodes: number; kvm: { usable: boolean } }>();
    expect(facts.hypervisor.type).toBe('TEST');
    expect(await virsh(TEST_VIRSH_URI, 'version')).toContain(`Running hypervisor: TEST`);
    expect(facts.kvm.usable).toBe(false);
    expect(facts.numaNodes).toBe(2);
  });

  it('answers 404 for an unknown host and 400 for a malformed id', async () => {
    const unknown = await api({ method: 'GET', url: '/api/v1/hosts/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'HOST_NOT_FOUND', message: 'No host "nope" is configured' } });
    const bad = await api({ method: 'GET', url: '/api/v1/hosts/Bad%20Id' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
  });

  it('answers JSON 404 for unknown API paths', async () => {
    const res = await api({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
  });
});

describe('a libvirtd that goes away and comes back', () => {
  // A unix-socket relay in front of the real daemon: closing it is libvirtd going down for us.
  const dir = mkdtempSync(join(tmpdir(), 'vt-hosts-'));
  const socketPath = join(dir, 'libvirt-sock');
  let relay: Server | undefined;
  const sockets = new Set<Socket>();

  const startRelay = () =>
    new Promise<void>((resolve) => {
      relay = createServer((client) => {
        const upstream = createConnection('/run/libvirt/libvirt-sock');
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      relay.listen(socketPath, resolve);
    });
  const stopRelay = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (relay === undefined) resolve();
      else relay.close(() => resolve());
    });

  afterAll(async () => {
    await stopRelay();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with the reason while down and reconnects when the daemon returns', async () => {
    const hosts = new HostRegistry([{ id: 'test', uri: 'test:///default' }], { socketPath });
    hosts.start();
    const { app, api } = await buildTestApp({ config: { ...config, hosts: [{ id: 'test', uri: 'test:///default' }] }, hosts });
    const frames: string[] = [];
    const unsubscribe = app.events.subscribe((frame) => frames.push(frame));
    const hostStates = () => frames.filter((f) => f.includes('event: host')).map((f) => /"state":"(\w+)"/.exec(f)?.[1]);
    try {
      await expect.poll(async () => (await api({ url: '/api/v1/hosts' })).json<{ hosts: { state: string }[] }>().hosts[0]?.state).toBe('disconnected');
      const down = await api({ url: '/api/v1/hosts/test' });
      expect(down.statusCode).toBe(503);
      const body = down.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('HOST_UNAVAILABLE');
      expect(body.error.message).toMatch(/test:\/\/\/default.*(ENOENT|ECONNREFUSED)/);

      await startRelay();
      await hosts.ready('test', 20_000);
      expect((await api({ url: '/api/v1/hosts/test' })).statusCode).toBe(200);

      await stopRelay();
      await expect.poll(async () => (await api({ url: '/api/v1/hosts/test' })).statusCode, { timeout: 10_000 }).toBe(503);

      await startRelay();
      await hosts.ready('test', 20_000);
      expect((await api({ url: '/api/v1/hosts/test' })).statusCode).toBe(200);
      // Browsers heard every change as a host event.
      expect(hostStates()).toEqual(expect.arrayContaining(['disconnected', 'connected']));
      expect(hostStates().at(-1)).toBe('connected');
    } finally {
      unsubscribe();
      await app.close();
      await hosts.close();
    }
  });
});
