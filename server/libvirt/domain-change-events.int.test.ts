import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import { LibvirtClient, uuidFromString, type DomainBalloonChangeEvent, type Unsubscribe } from './index.js';
import { QEMU_URI, virsh, waitFor } from './test-support.test-helpers.js';

// A live memory change returns before the guest's balloon has moved: only this event tells when it did.
describe('balloon change events of a running guest', () => {
  let client: LibvirtClient;
  let guest: TestGuest;
  const balloon: DomainBalloonChangeEvent[] = [];
  const offs: Unsubscribe[] = [];

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
    guest = await createTestGuest({ prefix: 'balloon', start: true });
    const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(guest.uuid) });
    offs.push(await client.onDomainEvent('balloonChange', (e) => balloon.push(e), { dom }));
    await guest.waitForBanner(60_000);
  }, 90_000);

  afterAll(async () => {
    for (const off of offs) await off();
    await guest?.cleanup();
    await client?.close();
  });

  it('arrive after virsh setmem --live with the size virsh dominfo then reports', async () => {
    await virsh(QEMU_URI, 'setmem', guest.name, '98304', '--live');
    const settled = await waitFor(() => balloon.find((e) => e.actual === 98_304n), 20_000, 'a balloon change to 98304 KiB');
    expect(settled.dom.name).toBe(guest.name);
    expect((await virsh(QEMU_URI, 'dominfo', guest.name)).match(/Used memory:\s+(\d+) KiB/)?.[1]).toBe(String(settled.actual));
  }, 40_000);
});
