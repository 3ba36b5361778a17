import type { DomainRef } from '../libvirt/remote-types.js';

/** virDomainEventType: VIR_DOMAIN_EVENT_STARTED (boot, restore, snapshot revert, migration in). */
const VIR_DOMAIN_EVENT_STARTED = 2;

interface LifecycleEvent {
  dom: DomainRef;
  event: number;
}

/** The event part of the libvirt client the consoles use. */
export interface LifecycleSource {
  onDomainEvent(kind: 'lifecycle', listener: (event: LifecycleEvent) => void): Promise<() => Promise<void>>;
}

export interface LifecycleSources {
  /** The host's client whatever its state (subscriptions survive reconnects). */
  client(hostId: string): object | undefined;
}

function isLifecycleSource(client: object): client is LifecycleSource {
  return typeof (client as { onDomainEvent?: unknown }).onDomainEvent === 'function';
}

function uuidHex(uuid: Uint8Array | string): string {
  return (typeof uuid === 'string' ? uuid : Buffer.from(uuid).toString('hex')).replace(/-/g, '').toLowerCase();
}

/**
 * Tells console sessions when their VM starts, from libvirt lifecycle events: one subscription per
 * host, shared by every open console of that host.
 */
export class DomainStartWatch {
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly subscriptions = new Map<string, Promise<(() => Promise<void>) | null>>();

  constructor(private readonly sources: LifecycleSources) {}

  watch(hostId: string, uuid: string, onStarted: () => void): () => void {
    this.subscribe(hostId);
    const key = `${hostId}/${uuidHex(uuid)}`;
    let set = this.listeners.get(key);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(key, set);
    }
    const listener = (): void => onStarted();
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  async close(): Promise<void> {
    const subs = [...this.subscriptions.values()];
    this.subscriptions.clear();
    this.listeners.clear();
    for (const sub of subs) {
      const off = await sub;
      await off?.().catch(() => undefined);
    }
  }

  private subscribe(hostId: string): void {
    if (this.subscriptions.has(hostId)) return;
    const source = this.sources.client(hostId);
    if (source === undefined || !isLifecycleSource(source)) return;
    const sub = source
      .onDomainEvent('lifecycle', (e) => {
        if (e.event !== VIR_DOMAIN_EVENT_STARTED) return;
        const set = this.listeners.get(`${hostId}/${uuidHex(e.dom.uuid)}`);
        if (set !== undefined) for (const listener of [...set]) listener();
      })
      .catch(() => {
        this.subscriptions.delete(hostId); // try again with the next watcher
        return null;
      });
    this.subscriptions.set(hostId, sub);
  }
}
