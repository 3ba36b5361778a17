import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs virsh against `uri` as the outside oracle; returns stdout. */
export async function virsh(uri: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('virsh', ['-q', '-c', uri, ...args], { timeout: 30_000 });
  return stdout;
}

/** URI virsh must use to reach the daemon's test driver (a bare test:/// would be private to virsh). */
export const TEST_URI = 'test:///default';
export const TEST_URI_VIRSH = 'test+unix:///default';
export const QEMU_URI = 'qemu:///system';

export function uniqueName(suite: string): string {
  return `vt-${suite}-${randomBytes(4).toString('hex')}`;
}

/** Minimal domain XML for the test driver. */
export function testDomainXml(name: string, memoryKiB = 8192): string {
  return `<domain type='test'><name>${name}</name><memory unit='KiB'>${memoryKiB}</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;
}
