import { DomainEventType, type DomainRef, type LibvirtClient } from '../libvirt/index.js';

export interface LifecycleSources {
  /** The host's client whatever its state (subscriptions survive reconnects). */
  client(hostId: string): Pick<LibvirtClient, 'onDomainEvent'> | undefined;
}

interface Watched {
  listeners: Set<() => void>;
  off: Promise<(() => Promise<void>) | null>;
}

function uuidHex(uuid: Uint8Array): string {
  return Buffer.from(uuid).toString('hex');
}

/**
 * Tells console sessions when their VM starts (boot, restore, snapshot revert), from libvirt
 * lifecycle events. One subscription per watched VM, filtered to that VM and shared by its
 * consoles: libvirt accepts only one unfiltered lifecycle registration per connection, which the
 * VM event feed already holds.
 */
export class DomainStartWatch {
  private readonly watched = new Map<string, Watched>();

  constructor(private readonly sources: LifecycleSources) {}

  watch(hostId: string, dom: DomainRef, onStarted: () => void): () => void {
    const key = `${hostId}/${uuidHex(dom.uuid)}`;
    let entry = this.watched.get(key);
    if (entry === undefined) {
      const listeners = new Set<() => void>();
      const source = this.sources.client(hostId);
      const off = source === undefined
        ? Promise.resolve(null)
        : source
          .onDomainEvent('lifecycle', (e) => {
            if (e.event === DomainEventType.STARTED) for (const listener of [...listeners]) listener();
          }, { dom })
          .catch(() => null);
      entry = { listeners, off };
      this.watched.set(key, entry);
    }
    const listener = (): void => onStarted();
    const current = entry;
    current.listeners.add(listener);
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && this.watched.get(key) === current) {
        this.watched.delete(key);
        void current.off.then((off) => off?.()).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    const entries = [...this.watched.values()];
    this.watched.clear();
    for (const entry of entries) {
      entry.listeners.clear();
      const off = await entry.off;
      await off?.().catch(() => undefined);
    }
  }
}
