import type { VmState } from '../../../common/vms.js';
import { Badge, type BadgeTone } from '../../lib/ui';

const LOOK: Record<VmState, { tone: BadgeTone; icon: string; label: string }> = {
  running: { tone: 'green', icon: '▶', label: 'Running' },
  blocked: { tone: 'blue', icon: '◼', label: 'Blocked' },
  paused: { tone: 'yellow', icon: '⏸', label: 'Paused' },
  shutdown: { tone: 'yellow', icon: '⏻', label: 'Shutting down' },
  shutoff: { tone: 'gray', icon: '■', label: 'Shut off' },
  crashed: { tone: 'red', icon: '✖', label: 'Crashed' },
  pmsuspended: { tone: 'yellow', icon: '☾', label: 'Suspended' },
  nostate: { tone: 'gray', icon: '?', label: 'No state' },
};

export function stateLabel(state: VmState): string {
  return LOOK[state].label;
}

export function StateBadge({ state, reason, id }: { state: VmState; reason?: string; id?: string }) {
  const look = state === 'shutoff' && reason === 'saved' ? { tone: 'blue' as const, icon: '💾', label: 'Saved' } : LOOK[state];
  return (
    <Badge tone={look.tone} {...(id === undefined ? {} : { id })} data-testid="vm-state" title={reason === undefined ? look.label : `${look.label} (${reason})`}>
      <span aria-hidden>{look.icon}</span>
      <span data-state={state}>{look.label}</span>
    </Badge>
  );
}
