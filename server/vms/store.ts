import type { VmStats } from '../../common/vms.js';
import { DefinitionCache } from './definitions.js';

/** What the server remembers per host between requests: cached XML, the latest stats, start times. */
export class HostVmState {
  readonly definitions = new DefinitionCache();
  /** uuid → the latest rates from the stats sampler (only while someone listens). */
  readonly stats = new Map<string, VmStats>();
  /** uuid → when this server saw the domain start (ms since epoch). */
  readonly startedAt = new Map<string, number>();
}

export class VmStore {
  private readonly hosts = new Map<string, HostVmState>();

  host(id: string): HostVmState {
    let state = this.hosts.get(id);
    if (state === undefined) {
      state = new HostVmState();
      this.hosts.set(id, state);
    }
    return state;
  }
}
