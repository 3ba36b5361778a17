import { randomBytes } from 'node:crypto';
import { escapeXml } from '../../test/helpers/guest.js';

export { virsh, virshOrNull, QEMU_URI, TEST_VIRSH_URI } from '../../test/helpers/virsh.js';

/** The daemon's test driver as the client opens it (virsh needs TEST_VIRSH_URI for the same). */
export const TEST_URI = 'test:///default';

export function uniqueName(suite: string): string {
  return `vt-${suite}-${randomBytes(4).toString('hex')}`;
}

/** Minimal domain XML for the test driver. */
export function testDomainXml(name: string, memoryKiB = 8192): string {
  return `<domain type='test'><name>${escapeXml(name)}</name><memory unit='KiB'>${memoryKiB}</memory><vcpu placement='static' current='1'>4</vcpu><os><type>hvm</type></os><devices/></domain>`;
}

/** Waits until `check` returns a value other than undefined (polling), or throws after timeoutMs. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
