import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import {
  DomainEventId,
  DomainEventType,
  LibvirtClient,
  LibvirtError,
  uuidFromString,
  VIR_ERR_INVALID_ARG,
  type DomainLifecycleEvent,
  type DomainRef,
  type Unsubscribe,
} from './index.js';
import { QEMU_URI, virsh, waitFor } from './test-support.test-helpers.js';

/** Lifecycle events as `name:eventName`, in arrival order. */
function recorder(): { seen: string[]; handler: (e: DomainLifecycleEvent) => void } {
  const seen: string[] = [];
  return { seen, handler: (e) => seen.push(`${e.dom.name}:${e.eventName}`) };
}

describe('shared event registrations on qemu:///system', () => {
  let client: LibvirtClient;
  let a: TestGuest;
  let b: TestGuest;
  let domA: DomainRef;
  const offs: Unsubscribe[] = [];

  beforeAll(async () => {
    client = await LibvirtClient.connect({ uri: QEMU_URI });
    [a, b] = await Promise.all([
      createTestGuest({ prefix: 'events', serialLog: false }),
      createTestGuest({ prefix: 'events', serialLog: false }),
    ]);
    ({ dom: domA } = await client.domainLookupByUuid({ uuid: uuidFromString(a.uuid) }));
  });

  afterAll(async () => {
    for (const off of offs) await off();
    await Promise.all([a?.cleanup(), b?.cleanup()]);
    await client?.close();
  });

  /** Tries a raw lifecycle registration: libvirtd refuses it while the client already holds one. */
  async function daemonHoldsLifecycle(): Promise<boolean> {
    try {
      const { callbackID } = await client.connectDomainEventCallbackRegisterAny({ eventID: DomainEventId.LIFECYCLE, dom: null });
      await client.connectDomainEventCallbackDeregisterAny({ callbackID });
      return false;
    } catch (err) {
      if (err instanceof LibvirtError && err.code === VIR_ERR_INVALID_ARG) return true;
      throw err;
    }
  }

  it('serves two unfiltered subscribers and a filtered one from one daemon registration', async () => {
    const u1 = recorder();
    const u2 = recorder();
    const f = recorder();
    const off1 = await client.onDomainEvent('lifecycle', u1.handler);
    // Before the shared registry this second unfiltered registration was refused by libvirtd.
    const off2 = await client.onDomainEvent('lifecycle', u2.handler);
    const offF = await client.onDomainEvent('lifecycle', f.handler, { dom: domA });
    offs.push(off1, off2, offF);
    expect(await daemonHoldsLifecycle()).toBe(true);

    await virsh(QEMU_URI, 'start', a.name);
    await virsh(QEMU_URI, 'start', b.name);
    for (const r of [u1, u2]) {
      await waitFor(() => (r.seen.includes(`${a.name}:started`) && r.seen.includes(`${b.name}:started`) ? true : undefined), 20_000, 'both starts');
    }
    await waitFor(() => (f.seen.includes(`${a.name}:started`) ? true : undefined), 20_000, 'start of A (filtered)');
    // B's start reached the unfiltered subscribers above, so the filtered one has had its chance too.
    expect(f.seen.every((s) => s.startsWith(`${a.name}:`))).toBe(true);

    // One unfiltered subscriber leaves: the others keep receiving.
    await off1();
    const u1Before = u1.seen.length;
    await virsh(QEMU_URI, 'destroy', a.name);
    await waitFor(() => (u2.seen.includes(`${a.name}:stopped`) ? true : undefined), 20_000, 'stop of A (unfiltered)');
    await waitFor(() => (f.seen.includes(`${a.name}:stopped`) ? true : undefined), 20_000, 'stop of A (filtered)');
    expect(u1.seen.length).toBe(u1Before);
    expect(await daemonHoldsLifecycle()).toBe(true);
    expect(await virsh(QEMU_URI, 'domstate', a.name)).toBe('shut off');

    // The last subscribers leave: libvirtd no longer holds the registration.
    await off2();
    await offF();
    expect(await daemonHoldsLifecycle()).toBe(false);

    // A fresh subscription registers again and works.
    const u3 = recorder();
    offs.push(await client.onDomainEvent('lifecycle', u3.handler));
    expect(await daemonHoldsLifecycle()).toBe(true);
    await virsh(QEMU_URI, 'destroy', b.name);
    await waitFor(() => (u3.seen.includes(`${b.name}:stopped`) ? true : undefined), 20_000, 'stop of B');
    expect(u2.seen).not.toContain(`${b.name}:stopped`);
  });

  it('subscribing and unsubscribing at once leaves exactly the registrations still wanted', async () => {
    const events: DomainLifecycleEvent[] = [];
    // Racing subscribe/unsubscribe pairs on the same key, then one that stays.
    const offsRaced = await Promise.all(Array.from({ length: 5 }, () => client.onDomainEvent('reboot', () => undefined)));
    await Promise.all(offsRaced.map((off) => off()));
    const stay = await client.onDomainEvent('lifecycle', (e) => events.push(e), { dom: domA });
    offs.push(stay);
    const { callbackID } = await client.connectDomainEventCallbackRegisterAny({ eventID: DomainEventId.REBOOT, dom: null });
    await client.connectDomainEventCallbackDeregisterAny({ callbackID });
    await virsh(QEMU_URI, 'start', a.name);
    const started = await waitFor(() => events.find((e) => e.event === DomainEventType.STARTED), 20_000, 'start of A');
    expect(started.dom.name).toBe(a.name);
    await virsh(QEMU_URI, 'destroy', a.name);
  });

  it('after the connection drops, registers each shared key once again and events flow to every subscriber', async () => {
    const u = recorder();
    const f = recorder();
    offs.push(await client.onDomainEvent('lifecycle', u.handler));
    offs.push(await client.onDomainEvent('lifecycle', f.handler, { dom: domA }));
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    const reconnected = new Promise<void>((resolve) => client.once('connected', resolve));
    // Drop the socket under the client (as a daemon restart would, without disturbing the shared daemon).
    (client as unknown as { transport: { destroy(): void } }).transport.destroy();
    await reconnected;
    // Two subscribers, one registration, no duplicate refused on the new connection.
    expect(errors).toEqual([]);
    expect(await daemonHoldsLifecycle()).toBe(true);
    await virsh(QEMU_URI, 'start', a.name);
    await waitFor(() => (u.seen.includes(`${a.name}:started`) ? true : undefined), 20_000, 'start of A (unfiltered)');
    await waitFor(() => (f.seen.includes(`${a.name}:started`) ? true : undefined), 20_000, 'start of A (filtered)');
    await virsh(QEMU_URI, 'destroy', a.name);
  });
});
