import { useSyncExternalStore } from 'react';
import type { VmStats } from '../../../common/vms.js';

/** Samples kept per VM: 150 × 2 s = the last 5 minutes. */
export const HISTORY_LENGTH = 150;

const EMPTY: readonly VmStats[] = [];

/**
 * Recent stats per VM, fed by `stats` events only (no polling). Each VM's history is an immutable
 * array replaced on every sample, so React components re-render only for the VM that changed.
 */
class StatsStore {
  private readonly history = new Map<string, readonly VmStats[]>();
  private readonly listeners = new Map<string, Set<() => void>>();

  private key(host: string, uuid: string): string {
    return `${host}\u0000${uuid}`;
  }

  add(host: string, uuid: string, sample: VmStats): void {
    const key = this.key(host, uuid);
    const old = this.history.get(key) ?? EMPTY;
    const next = old.length >= HISTORY_LENGTH ? [...old.slice(old.length - HISTORY_LENGTH + 1), sample] : [...old, sample];
    this.history.set(key, next);
    this.listeners.get(key)?.forEach((l) => l());
  }

  clear(host: string, uuid: string): void {
    const key = this.key(host, uuid);
    if (this.history.delete(key)) this.listeners.get(key)?.forEach((l) => l());
  }

  get(host: string, uuid: string): readonly VmStats[] {
    return this.history.get(this.key(host, uuid)) ?? EMPTY;
  }

  subscribe(host: string, uuid: string, listener: () => void): () => void {
    const key = this.key(host, uuid);
    let set = this.listeners.get(key);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }
}

export const statsStore = new StatsStore();

export function useVmStatsHistory(host: string, uuid: string): readonly VmStats[] {
  return useSyncExternalStore(
    (listener) => statsStore.subscribe(host, uuid, listener),
    () => statsStore.get(host, uuid),
  );
}
