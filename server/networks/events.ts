/** libvirt's network lifecycle events of every host as SSE `network` events. */
import type { NetworkEventData } from '../../common/networks.js';
import type { EventHub } from '../events/hub.js';
import type { HostRegistry } from '../hosts/registry.js';

const LIFECYCLE: readonly NetworkEventData['event'][] = ['defined', 'undefined', 'started', 'stopped'];

export function publishNetworkEvent(hub: EventHub, data: NetworkEventData): void {
  hub.publish({ type: 'network', data });
}

/** Subscribes every host's client to network lifecycle events; returns a function that unsubscribes all. */
export function forwardNetworkEvents(hosts: HostRegistry, hub: EventHub): () => Promise<void> {
  const offs: Promise<() => Promise<void>>[] = [];
  const stopListening = hosts.onClient((host, client) => {
    const off = client.onNetworkEvent('lifecycle', (e) => {
      publishNetworkEvent(hub, { host, name: e.net.name, event: LIFECYCLE[e.event] ?? 'changed' });
    });
    // A failed registration (host down at start) is retried by the client on reconnect.
    offs.push(off.catch(() => async () => undefined));
  });
  return async () => {
    stopListening();
    const all = await Promise.all(offs);
    await Promise.allSettled(all.map((off) => off()));
  };
}
