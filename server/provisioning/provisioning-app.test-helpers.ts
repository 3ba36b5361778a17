import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { QEMU_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';

/** The app on qemu:///system, logged in as admin (`api`). */
export async function provisioningApp(): Promise<TestApp> {
  const testApp = await buildTestApp({ config: { hosts: [{ id: 'local', uri: QEMU_URI }], listenHost: '127.0.0.1', port: 0 } });
  await testApp.app.hosts.ready('local');
  return testApp;
}

export function provName(): string {
  return `vt-prov-${randomBytes(4).toString('hex')}`;
}

/** A transient dir pool of its own under /var/lib/virtdeck/test-pools. */
export async function tempPool(): Promise<{ name: string; dir: string; remove: () => Promise<void> }> {
  const name = provName();
  const dir = join('/var/lib/virtdeck/test-pools', name);
  mkdirSync(dir, { recursive: true });
  await virsh(QEMU_URI, 'pool-create-as', name, 'dir', '--target', dir);
  return {
    name,
    dir,
    remove: async () => {
      await virshOrNull(QEMU_URI, 'pool-destroy', name);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function volNames(pool: string): Promise<string[]> {
  const out = await virsh(QEMU_URI, 'vol-list', '--pool', pool);
  return out.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n !== '' && n !== 'Name' && !n.startsWith('-'));
}

/** Names of all VMs of this suite's prefix (other suites create and remove theirs meanwhile), sorted. */
export async function domainNames(): Promise<string[]> {
  return (await virsh(QEMU_URI, 'list', '--all', '--name')).split('\n').map((s) => s.trim()).filter((n) => n.startsWith('vt-prov-')).sort();
}

/** Destroys and undefines a VM if it (still) exists, with everything libvirt keeps for it. */
export async function removeVm(name: string): Promise<void> {
  if ((await virshOrNull(QEMU_URI, 'domstate', name)) !== null) {
    await virshOrNull(QEMU_URI, 'destroy', name);
    await virshOrNull(QEMU_URI, 'undefine', name, '--managed-save', '--snapshots-metadata');
  }
  rmSync(`/var/log/libvirt/qemu/${name}-serial.log`, { force: true });
  rmSync(`/var/log/libvirt/qemu/${name}.log`, { force: true });
}
