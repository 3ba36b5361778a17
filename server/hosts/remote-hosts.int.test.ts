// The server with a local host and the same daemon over SSH (scripts/setup-test-hosts), configured
// as VIRTDECK_HOSTS would configure it, with the SSH host key pinned in <dataDir>/known_hosts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { parseHosts } from '../config.js';
import { SSH_KEY, testSshdKnownHostsLine } from '../libvirt/transports/test-hosts.test-helpers.js';
import { QEMU_URI, virsh } from '../../test/helpers/virsh.js';
import { knownHostsPath } from './connection-settings.js';

const SSH_URI = `qemu+ssh://root@127.0.0.1:2222/system?keyfile=${SSH_KEY}`;

describe('hosts over SSH from VIRTDECK_HOSTS', () => {
  let app: App;
  let api: Api;
  let dataDir: string;
  const request = (o: InjectOptions) => api(o);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vt-remote-hosts-'));
    writeFileSync(knownHostsPath(dataDir), `${testSshdKnownHostsLine()}\n`);
    ({ app, api } = await buildTestApp({
      config: { hosts: parseHosts(`local=qemu:///system,ssh=${SSH_URI},unpinned=qemu+ssh://root@localhost:2222/system?keyfile=${SSH_KEY}`), listenHost: '127.0.0.1', port: 0, dataDir },
    }));
    await app.hosts.ready('local');
    await app.hosts.ready('ssh');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('GET /hosts/ssh/vms answers with the VMs virsh sees', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/hosts/ssh/vms' });
    expect(res.statusCode).toBe(200);
    const names = res.json<{ vms: { name: string }[] }>().vms.map((v) => v.name).sort();
    const expected = (await virsh(QEMU_URI, 'list', '--all', '--name')).split('\n').map((s) => s.trim()).filter((s) => s !== '').sort();
    expect(names).toEqual(expected);
    const local = await request({ method: 'GET', url: '/api/v1/hosts/local/vms' });
    expect(local.json<{ vms: { name: string }[] }>().vms.map((v) => v.name).sort()).toEqual(expected);
  });

  it('host facts name the transport', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/hosts/ssh' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ transport: string; insecure: boolean }>()).toMatchObject({ transport: 'ssh', insecure: false });
  });

  it('a host whose key is not in known_hosts stays down and says which line to add', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/hosts' });
    const unpinned = res.json<{ hosts: { id: string; state: string; error?: string }[] }>().hosts.find((h) => h.id === 'unpinned');
    expect(unpinned?.state).not.toBe('connected');
    expect(unpinned?.error).toContain(`is not known: ssh-ed25519 SHA256:`);
    expect(unpinned?.error).toContain(`add this line to ${knownHostsPath(dataDir)}: [localhost]:2222 ssh-ed25519 `);
    const vms = await request({ method: 'GET', url: '/api/v1/hosts/unpinned/vms' });
    expect(vms.statusCode).toBe(503);
  });
});
