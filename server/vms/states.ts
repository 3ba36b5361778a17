import type { VmState } from '../../common/vms.js';

const STATES: readonly VmState[] = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

/** virDomainState → its name. */
export function vmStateOf(state: number): VmState {
  return STATES[state] ?? 'nostate';
}

// The virDomain<State>Reason enums of libvirt-domain.h, per state.
const REASONS: Record<VmState, readonly string[]> = {
  nostate: ['unknown'],
  running: ['unknown', 'booted', 'migrated', 'restored', 'from snapshot', 'unpaused', 'migration canceled', 'save canceled', 'wakeup', 'crashed', 'postcopy', 'postcopy failed'],
  blocked: ['unknown'],
  paused: ['unknown', 'user', 'migration', 'save', 'dump', 'I/O error', 'watchdog', 'from snapshot', 'shutting down', 'snapshot', 'crashed', 'starting up', 'postcopy', 'postcopy failed', 'API error'],
  shutdown: ['unknown', 'user'],
  shutoff: ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved', 'failed', 'from snapshot', 'daemon'],
  crashed: ['unknown', 'panicked'],
  pmsuspended: ['unknown'],
};

export function vmStateReasonOf(state: VmState, reason: number): string | undefined {
  const name = REASONS[state][reason];
  return name === 'unknown' ? undefined : name;
}
