import { DomainStatsTypes, GetAllDomainStatsFlags, typedParamsToObject, uuidToString } from '../libvirt/index.js';
import type { StatsEvent, VmStatsEntry } from '../../common/events.js';
import type { HostRegistry } from '../hosts/registry.js';
import type { EventHub } from '../events/hub.js';
import { countersOf, statsBetween, type Counters } from './rates.js';
import type { VmStore } from './store.js';

const STATS =
  DomainStatsTypes.STATE | DomainStatsTypes.CPU_TOTAL | DomainStatsTypes.BALLOON | DomainStatsTypes.VCPU | DomainStatsTypes.INTERFACE | DomainStatsTypes.BLOCK;
// Running domains only; NOWAIT skips what would wait for a busy domain.
const FLAGS = GetAllDomainStatsFlags.ACTIVE | GetAllDomainStatsFlags.NOWAIT;

/**
 * While at least one browser listens, samples every connected host with ONE
 * connectGetAllDomainStats call per tick and publishes a `stats` event per host.
 */
export class StatsSampler {
  private timer: NodeJS.Timeout | undefined;
  private readonly previous = new Map<string, Map<string, Counters>>();
  private readonly busy = new Set<string>();
  private offActivity: (() => void) | undefined;
  private readonly lastEvents = new Map<string, StatsEvent>();

  constructor(
    private readonly hosts: HostRegistry,
    private readonly hub: EventHub,
    private readonly store: VmStore,
    private readonly intervalMs = 2000,
    private readonly log: (msg: string, err: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.offActivity = this.hub.onActivity((listening) => (listening ? this.run() : this.pause()));
    if (this.hub.listenerCount > 0) this.run();
  }

  stop(): void {
    this.offActivity?.();
    this.pause();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** The last stats event of each host while sampling, for clients that connect between ticks. */
  latest(): StatsEvent[] {
    return this.running ? [...this.lastEvents.values()] : [];
  }

  private run(): void {
    if (this.timer !== undefined) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  private pause(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    // Rates over a gap while nobody watched would be averages over minutes; start afresh.
    this.previous.clear();
    this.lastEvents.clear();
    for (const id of this.hosts.ids()) this.store.host(id).stats.clear();
  }

  async tick(): Promise<void> {
    await Promise.all(this.hosts.list().filter((h) => h.state === 'connected').map((h) => this.sampleHost(h.id)));
  }

  private async sampleHost(hostId: string): Promise<void> {
    if (this.busy.has(hostId)) return; // the previous call is still running: skip rather than pile up
    this.busy.add(hostId);
    try {
      const client = this.hosts.get(hostId);
      const { retStats } = await client.connectGetAllDomainStats({ stats: STATS, flags: FLAGS });
      const at = Date.now();
      const prev = this.previous.get(hostId) ?? new Map<string, Counters>();
      const next = new Map<string, Counters>();
      const latest = this.store.host(hostId).stats;
      latest.clear();
      const vms: VmStatsEntry[] = [];
      for (const { dom, params } of retStats) {
        const uuid = uuidToString(dom.uuid);
        const counters = countersOf(typedParamsToObject(params), at);
        next.set(uuid, counters);
        const stats = statsBetween(prev.get(uuid), counters);
        latest.set(uuid, stats);
        vms.push({ uuid, ...stats });
      }
      this.previous.set(hostId, next);
      if (this.timer === undefined) return; // stopped while sampling
      const event: StatsEvent = { host: hostId, at, intervalMs: this.intervalMs, vms };
      this.lastEvents.set(hostId, event);
      this.hub.publish({ type: 'stats', data: event });
    } catch (err) {
      this.log(`stats of ${hostId} failed`, err);
    } finally {
      this.busy.delete(hostId);
    }
  }
}
