/** Pool events: libvirt's storage pool lifecycle/refresh events, and our own volume changes, as SSE `pool` events. */
import type { PoolEventData } from '../../common/storage.js';
import type { EventHub } from '../events/hub.js';
import type { HostRegistry } from '../hosts/registry.js';

type Off = () => Promise<void>;

// virStoragePoolEventLifecycleType
const LIFECYCLE_NAMES = ['defined', 'undefined', 'started', 'stopped', 'created', 'deleted'] as const;

export function publishPoolEvent(hub: EventHub, data: PoolEventData): void {
  hub.publish({ type: 'pool', data });
}

/** Subscribes every host's client to pool events (the client re-registers after reconnects). */
export function forwardPoolEvents(hosts: HostRegistry, hub: EventHub): () => Promise<void> {
  const offs: Promise<Off>[] = [];
  const noop: Off = async () => undefined;
  const stopListening = hosts.onClient((host, client) => {
    const lifecycle = client.onStoragePoolEvent('lifecycle', (e) => {
      const event = LIFECYCLE_NAMES[e.event] ?? 'changed';
      publishPoolEvent(hub, { host, id: e.pool.name, name: e.pool.name, event });
    });
    const refresh = client.onStoragePoolEvent('refresh', (e) => {
      publishPoolEvent(hub, { host, id: e.pool.name, name: e.pool.name, event: 'refresh' });
    });
    offs.push(lifecycle.catch(() => noop), refresh.catch(() => noop));
  });
  return async () => {
    stopListening();
    const all = await Promise.all(offs);
    await Promise.allSettled(all.map((off) => off()));
  };
}
