import type { VmState, VmSummary } from '../../../common/vms.js';

export type StateFilter = 'all' | 'running' | 'paused' | 'shutoff' | 'other';
export type SortKey = 'name' | 'state' | 'vcpus' | 'memory';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const STATE_ORDER: Record<VmState, number> = {
  running: 0,
  blocked: 1,
  paused: 2,
  pmsuspended: 3,
  shutdown: 4,
  crashed: 5,
  shutoff: 6,
  nostate: 7,
};

function stateGroup(state: VmState): StateFilter {
  if (state === 'running' || state === 'blocked') return 'running';
  if (state === 'paused' || state === 'pmsuspended') return 'paused';
  if (state === 'shutoff') return 'shutoff';
  return 'other';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function filterAndSort(vms: readonly VmSummary[], text: string, state: StateFilter, sort: Sort): VmSummary[] {
  const needle = text.trim().toLowerCase();
  const rows = vms.filter((vm) => (needle === '' || vm.name.toLowerCase().includes(needle)) && (state === 'all' || stateGroup(vm.state) === state));
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: VmSummary, b: VmSummary) => collator.compare(a.name, b.name);
  const compare: Record<SortKey, (a: VmSummary, b: VmSummary) => number> = {
    name: byName,
    state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byName(a, b),
    vcpus: (a, b) => a.vcpus.current - b.vcpus.current || byName(a, b),
    memory: (a, b) => a.memory.currentBytes - b.memory.currentBytes || byName(a, b),
  };
  return rows.sort((a, b) => sign * compare[sort.key](a, b));
}
