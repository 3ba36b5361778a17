import type { Snapshot } from '../../../common/snapshots.js';

export function kindLabel(s: Pick<Snapshot, 'kind' | 'withMemory'>): string {
  return `${s.kind} · ${s.withMemory ? 'with memory' : 'disk only'}`;
}

const STATES: Record<string, string> = {
  running: 'taken while running',
  paused: 'taken while paused',
  shutoff: 'taken while shut off',
  'disk-snapshot': 'disks only, VM running',
};

export function stateLabel(state: string): string {
  return STATES[state] ?? `taken while ${state}`;
}
