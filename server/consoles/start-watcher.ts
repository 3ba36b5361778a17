import { DomainEventType, type DomainRef, type LibvirtClient } from '../libvirt/index.js';

export interface LifecycleSources {
  /** The host's client whatever its state (subscriptions survive reconnects). */
  client(hostId: string): Pick<LibvirtClient, 'onDomainEvent'> | undefined;
}

type Off = Promise<(() => Promise<void>) | null>;

/**
 * Tells console sessions when their VM starts (boot, restore, snapshot revert), from libvirt
 * lifecycle events: one subscription filtered to the VM per watcher (the client shares a single
 * daemon registration among all its subscribers).
 */
export class DomainStartWatch {
  private readonly offs = new Set<Off>();

  constructor(private readonly sources: LifecycleSources) {}

  watch(hostId: string, dom: DomainRef, onStarted: () => void): () => void {
    const source = this.sources.client(hostId);
    if (source === undefined) return () => undefined;
    const off: Off = source
      .onDomainEvent('lifecycle', (e) => {
        if (e.event === DomainEventType.STARTED) onStarted();
      }, { dom })
      .catch(() => null);
    this.offs.add(off);
    return () => {
      if (!this.offs.delete(off)) return;
      void off.then((stop) => stop?.()).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    const offs = [...this.offs];
    this.offs.clear();
    for (const off of offs) {
      const stop = await off;
      await stop?.().catch(() => undefined);
    }
  }
}
