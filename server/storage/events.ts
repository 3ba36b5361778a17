/** Pool events: libvirt's storage pool lifecycle/refresh events, and our own volume changes, as SSE `pool` events. */
import type { PoolEventData } from '../../common/storage.js';
import type { EventHub } from '../events/hub.js';
import type { HostRegistry } from '../hosts/registry.js';
import type { PoolRef } from './client.js';

type Off = () => Promise<void>;

/** The client's pool event subscription (server/libvirt/README.md, "Events"). */
interface PoolEventSource {
  onStoragePoolEvent(kind: 'lifecycle', listener: (e: { pool: PoolRef; event: number; detail: number }) => void): Promise<Off>;
  onStoragePoolEvent(kind: 'refresh', listener: (e: { pool: PoolRef }) => void): Promise<Off>;
}

function hasPoolEvents(client: object): client is PoolEventSource {
  return typeof (client as Partial<PoolEventSource>).onStoragePoolEvent === 'function';
}

const LIFECYCLE_NAMES = ['defined', 'undefined', 'started', 'stopped', 'created', 'deleted'] as const;

export function publishPoolEvent(hub: EventHub, data: PoolEventData): void {
  hub.publish({ type: 'pool', data });
}

/** Subscribes every host's client to pool events; returns a function that unsubscribes all. */
export function forwardPoolEvents(hosts: HostRegistry, hub: EventHub): () => Promise<void> {
  const offs: Promise<Off>[] = [];
  const stopListening = hosts.onClient((host, client) => {
    if (!hasPoolEvents(client)) return;
    const lifecycle = client.onStoragePoolEvent('lifecycle', (e) => {
      const event = LIFECYCLE_NAMES[e.event] ?? 'changed';
      publishPoolEvent(hub, { host, id: e.pool.name, name: e.pool.name, event });
    });
    const refresh = client.onStoragePoolEvent('refresh', (e) => {
      publishPoolEvent(hub, { host, id: e.pool.name, name: e.pool.name, event: 'refresh' });
    });
    // A failed registration (host down at start) is retried by the client on reconnect.
    offs.push(lifecycle.catch(() => async () => undefined), refresh.catch(() => async () => undefined));
  });
  return async () => {
    stopListening();
    const all = await Promise.all(offs);
    await Promise.allSettled(all.map((off) => off()));
  };
}
