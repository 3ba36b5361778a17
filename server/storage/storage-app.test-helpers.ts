import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { virshOrNull } from '../../test/helpers/virsh.js';

export const TEST_POOLS_ROOT = '/var/lib/virtdeck/test-pools';

export const storageTestConfig = {
  hosts: [
    { id: 'local', uri: 'qemu:///system' },
    { id: 'test', uri: 'test:///default' },
  ],
  listenHost: '127.0.0.1',
  port: 0,
};

/** The app on both hosts, logged in as admin (`api`), with both hosts connected. */
export async function storageApp(): Promise<TestApp> {
  const testApp = await buildTestApp({ config: storageTestConfig });
  await Promise.all([testApp.app.hosts.ready('local'), testApp.app.hosts.ready('test')]);
  return testApp;
}

/** `vt-storage-<hex>`: unique pool/volume names for one test run. */
export function storageName(tag = 'storage'): string {
  return `vt-${tag}-${randomBytes(4).toString('hex')}`;
}

/** A fresh directory under /var/lib/virtdeck/test-pools for this suite; `remove()` deletes it. */
export function testPoolsDir(): { dir: string; remove: () => void } {
  const dir = join(TEST_POOLS_ROOT, storageName('dir'));
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Stops and undefines a pool if it (still) exists; for afterAll. */
export async function removePool(uri: string, name: string): Promise<void> {
  await virshOrNull(uri, 'pool-destroy', name);
  await virshOrNull(uri, 'pool-undefine', name);
}

/** Parses `virsh pool-info` / `vol-info` output into a map ("State" → "running"). */
export function infoMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1].trim()] = m[2].trim();
  }
  return out;
}
