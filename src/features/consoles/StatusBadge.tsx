import { Badge, type BadgeTone } from '../../lib/ui';
import { STATE_LABEL, type PaneStatus, type PaneState } from './pane-status';

const TONE: Record<PaneState, BadgeTone> = {
  loading: 'gray',
  connecting: 'blue',
  connected: 'green',
  'vm-not-running': 'yellow',
  'in-use': 'yellow',
  disconnected: 'red',
};

export function StatusBadge({ status, testId }: { status: PaneStatus; testId: string }) {
  return (
    <span data-testid={testId} data-state={status.state} title={status.message} className="inline-flex items-center gap-2 min-w-0">
      <Badge tone={TONE[status.state]}>{STATE_LABEL[status.state]}</Badge>
      <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{status.message}</span>
    </span>
  );
}
