import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient, LibvirtError } from '../index.js';
import { QEMU_URI, virsh } from '../test-support.test-helpers.js';

/** Source discovery answers exactly what virsh's find-storage-pool-sources-as answers. */
describe('connectFindStoragePoolSources', () => {
  let client: LibvirtClient;
  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
  });
  afterAll(async () => {
    await client.close();
  });

  it('asks the daemon to scan an NFS host and reports its answer as virsh does', async () => {
    const spec = "<source><host name='127.0.0.1'/></source>";
    const ours = await client
      .connectFindStoragePoolSources({ type: 'netfs', srcSpec: spec, flags: 0 })
      .then((r) => ({ ok: true as const, xml: r.xml }), (e: unknown) => ({ ok: false as const, error: e }));
    const theirs = await virsh(QEMU_URI, 'find-storage-pool-sources-as', 'netfs', '127.0.0.1').then(
      (out) => ({ ok: true as const, out }),
      (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }),
    );
    expect(ours.ok).toBe(theirs.ok);
    if (!ours.ok && !theirs.ok) {
      expect(ours.error).toBeInstanceOf(LibvirtError);
      const message = (ours.error as LibvirtError).message;
      expect(message).toContain("no storage pools were found on host '127.0.0.1'");
      expect(theirs.message).toContain(message);
    } else if (ours.ok && theirs.ok) {
      expect(ours.xml).toContain('<sources>');
    }
  });
});
