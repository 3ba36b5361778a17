import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LibvirtClient,
  NotConnectedError,
  type DomainLifecycleEvent,
  type NetworkLifecycleEvent,
  type ReconnectInfo,
  type StoragePoolLifecycleEvent,
} from './index.js';
import { QEMU_URI, TEST_URI, testDomainXml, uniqueName, waitFor } from './test-support.test-helpers.js';

// Stops and restarts the shared libvirtd: keep the outage short and run this file rarely.
const run = promisify(execFile);
const PID_FILE = '/run/libvirtd.pid';
// scripts/setup-test-hosts configured loopback TCP/TLS listeners: restart with them.
const LIBVIRTD_ARGS = readFileSync('/etc/libvirt/libvirtd.conf', 'utf8').includes('# >>> virtdeck test hosts') ? ['-d', '--listen'] : ['-d'];

function daemonPid(): number {
  return Number(readFileSync(PID_FILE, 'utf8').trim());
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A QEMU domain that is only defined, never started. */
function qemuDomainXml(name: string): string {
  return `<domain type='qemu'><name>${name}</name><memory unit='MiB'>16</memory><os><type arch='x86_64'>hvm</type></os></domain>`;
}

describe('libvirtd dies and comes back', () => {
  let client: LibvirtClient | undefined;
  let qemuClient: LibvirtClient | undefined;
  let pid = 0;

  afterAll(async () => {
    // Whatever happened, leave a running daemon behind.
    if (pid && alive(pid)) process.kill(pid, 'SIGCONT');
    let current = 0;
    try {
      current = daemonPid();
    } catch {
      // No pid file: no daemon.
    }
    if (!current || !alive(current)) await run('/usr/sbin/libvirtd', LIBVIRTD_ARGS).catch(() => undefined);
    await client?.close();
    await qemuClient?.close();
  });

  it('fails the pending call with a typed error, reconnects by itself and delivers events again', async () => {
    client = await LibvirtClient.connect({
      uri: TEST_URI,
      callTimeoutMs: 10_000,
      keepalive: { intervalMs: 500, count: 2 },
      reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
    });
    const c = client;
    const prefix = uniqueName('fault');
    const events: DomainLifecycleEvent[] = [];
    await c.onDomainEvent('lifecycle', (e) => e.dom.name.startsWith(prefix) && events.push(e));
    // On qemu:///system each driver (domains, networks, pools) numbers its callbacks on its own, and a
    // new daemon starts them all again at 0: the families' callback ids coincide after the restart.
    qemuClient = await LibvirtClient.connect({ uri: QEMU_URI, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    const q = qemuClient;
    const qemuEvents: DomainLifecycleEvent[] = [];
    const networkEvents: NetworkLifecycleEvent[] = [];
    const poolEvents: StoragePoolLifecycleEvent[] = [];
    await q.onNetworkEvent('lifecycle', (e) => networkEvents.push(e));
    await q.onStoragePoolEvent('lifecycle', (e) => poolEvents.push(e));
    await q.onDomainEvent('lifecycle', (e) => e.dom.name.startsWith(prefix) && qemuEvents.push(e));
    const reconnecting: ReconnectInfo[] = [];
    c.on('reconnecting', (info) => reconnecting.push(info));

    const { dom: before } = await c.domainDefineXml({ xml: testDomainXml(`${prefix}-a`) });
    await waitFor(() => events.find((e) => e.dom.name === before.name), 5000, 'event before the outage');
    await c.domainUndefine({ dom: before });

    // Freeze the daemon, then issue a call that cannot be answered.
    pid = daemonPid();
    process.kill(pid, 'SIGSTOP');
    const started = Date.now();
    let failedAfter = -1;
    const pending = c.connectGetHostname().then(
      () => 'answered',
      (err: unknown) => {
        failedAfter = Date.now() - started;
        return err;
      },
    );
    // Keepalive notices the silent daemon (500 ms x 3) long before the 10 s call timeout.
    const err = await pending;
    expect(err).toBeInstanceOf(NotConnectedError);
    expect(failedAfter).toBeLessThan(5000);
    expect(['reconnecting', 'disconnected']).toContain(c.state);

    // Kill it for good and start a new daemon.
    process.kill(pid, 'SIGTERM');
    process.kill(pid, 'SIGCONT');
    await waitFor(() => (alive(pid) ? undefined : true), 10_000, 'libvirtd to exit').catch(() => {
      process.kill(pid, 'SIGKILL');
    });
    const offline = Date.now();
    await expect(c.connectGetUri()).rejects.toBeInstanceOf(NotConnectedError);
    expect(Date.now() - offline).toBeLessThan(100);
    await run('/usr/sbin/libvirtd', LIBVIRTD_ARGS);

    await waitFor(() => (c.state === 'connected' ? true : undefined), 30_000, 'reconnect');
    expect(reconnecting.length).toBeGreaterThan(0);
    expect((await c.connectGetUri()).uri).toBe(TEST_URI);

    // The subscription was registered again without any action by the caller.
    const { dom: after } = await c.domainDefineXml({ xml: testDomainXml(`${prefix}-b`) });
    const e = await waitFor(() => events.find((x) => x.dom.name === after.name), 5000, 'event after reconnect');
    expect(e.eventName).toBe('defined');
    await c.domainUndefine({ dom: after });

    // Each event reaches the subscribers of its own family only.
    await waitFor(() => (q.state === 'connected' ? true : undefined), 30_000, 'qemu:///system reconnect');
    const { dom: qemuDom } = await q.domainDefineXml({ xml: qemuDomainXml(`${prefix}-q`) });
    try {
      const qe = await waitFor(() => qemuEvents.find((x) => x.dom.name === qemuDom.name), 5000, 'qemu domain event after restart');
      expect(qe.eventName).toBe('defined');
    } finally {
      await q.domainUndefine({ dom: qemuDom });
    }
    const { net } = await q.networkDefineXml({ xml: `<network><name>${prefix}-n</name></network>` });
    try {
      const ne = await waitFor(() => networkEvents.find((x) => x.net?.name === net.name), 5000, 'network event after restart');
      expect(ne.eventName).toBe('defined');
    } finally {
      await q.networkUndefine({ net });
    }
    const { pool } = await q.storagePoolDefineXml({
      xml: `<pool type='dir'><name>${prefix}-p</name><target><path>/tmp/${prefix}-p</path></target></pool>`,
      flags: 0,
    });
    try {
      const pe = await waitFor(() => poolEvents.find((x) => x.pool?.name === pool.name), 5000, 'pool event after restart');
      expect(pe.eventName).toBe('defined');
    } finally {
      await q.storagePoolUndefine({ pool });
    }
  }, 60_000);
});
