import type { VmState } from '../../../common/vms.js';
import type { ComponentType } from 'react';
import { Badge, type BadgeTone } from '../../lib/ui';
import { BlockedIcon, CrossIcon, MoonIcon, PauseIcon, PlayIcon, PowerIcon, QuestionIcon, SaveIcon, StopIcon, type IconProps } from '../../lib/ui/icons';

interface Look {
  tone: BadgeTone;
  Icon: ComponentType<IconProps>;
  label: string;
}

const LOOK: Record<VmState, Look> = {
  running: { tone: 'green', Icon: PlayIcon, label: 'Running' },
  blocked: { tone: 'blue', Icon: BlockedIcon, label: 'Blocked' },
  paused: { tone: 'yellow', Icon: PauseIcon, label: 'Paused' },
  shutdown: { tone: 'yellow', Icon: PowerIcon, label: 'Shutting down' },
  shutoff: { tone: 'gray', Icon: StopIcon, label: 'Shut off' },
  crashed: { tone: 'red', Icon: CrossIcon, label: 'Crashed' },
  pmsuspended: { tone: 'yellow', Icon: MoonIcon, label: 'Suspended' },
  nostate: { tone: 'gray', Icon: QuestionIcon, label: 'No state' },
};
const SAVED: Look = { tone: 'blue', Icon: SaveIcon, label: 'Saved' };

export function stateLabel(state: VmState): string {
  return LOOK[state].label;
}

/** `saved`: libvirt keeps a managed-save image (the API's managedSave); without it, the state reason tells. */
export function StateBadge({ state, reason, saved, id }: { state: VmState; reason?: string; saved?: boolean; id?: string }) {
  const look = state === 'shutoff' && (saved ?? reason === 'saved') ? SAVED : LOOK[state];
  return (
    <Badge tone={look.tone} {...(id === undefined ? {} : { id })} data-testid="vm-state" title={reason === undefined ? look.label : `${look.label} (${reason})`}>
      <look.Icon />
      <span data-state={state}>{look.label}</span>
    </Badge>
  );
}
