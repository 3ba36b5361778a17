import type { HostRegistry } from '../hosts/registry.js';
import type { EventHub } from '../events/hub.js';
import { feedVmEvents } from './events.js';
import { VmService } from './service.js';
import { StatsSampler } from './stats-sampler.js';
import { VmStore } from './store.js';

export interface VmFeature {
  service: VmService;
  sampler: StatsSampler;
  close: () => void;
}

/** The VM service with its libvirt event feed and stats sampler, for one app. */
export function createVmFeature(hosts: HostRegistry, hub: EventHub, log: (msg: string, err: unknown) => void): VmFeature {
  const store = new VmStore();
  const service = new VmService(hosts, store);
  const stopEvents = feedVmEvents(hosts, hub, service, store, log);
  const sampler = new StatsSampler(hosts, hub, store, 2000, log);
  sampler.start();
  // Parse every domain's XML once a host connects, so the first page load does not pay for it.
  const stopWarming = hosts.onState((summary) => {
    if (summary.state === 'connected') service.list(summary.id).catch((err: unknown) => log(`warming the VM list of ${summary.id} failed`, err));
  });
  return {
    service,
    sampler,
    close: () => {
      sampler.stop();
      stopWarming();
      stopEvents();
    },
  };
}
