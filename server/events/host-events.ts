import type { HostEvent } from '../../common/events.js';
import type { HostSummary } from '../../common/hosts.js';
import type { HostRegistry } from '../hosts/registry.js';
import type { EventHub } from './hub.js';

export function hostEventOf(summary: HostSummary): HostEvent {
  return {
    host: summary.id,
    uri: summary.uri,
    state: summary.state,
    since: summary.since,
    ...(summary.error === undefined ? {} : { error: summary.error }),
  };
}

/** Publishes a `host` event whenever a host's connection state changes. */
export function publishHostEvents(hosts: HostRegistry, hub: EventHub): () => void {
  return hosts.onState((summary) => hub.publish({ type: 'host', data: hostEventOf(summary) }));
}
