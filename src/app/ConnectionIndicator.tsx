import { useServerEventsStatus } from '../lib/events';
import { useHostSummary } from './hosts';

const DOT: Record<string, string> = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-500 animate-pulse',
  disconnected: 'bg-red-500',
};

/** The selected host's libvirt connection (from `host` events) and the browser's event stream. */
export function ConnectionIndicator({ hostId }: { hostId: string }) {
  const host = useHostSummary(hostId);
  const stream = useServerEventsStatus();
  const hostState = host?.state ?? 'connecting';
  const streamOk = stream === 'open';
  const label = !streamOk
    ? stream === 'reconnecting'
      ? 'Live updates interrupted, reconnecting…'
      : 'Connecting to server…'
    : hostState === 'connected'
      ? `Connected to ${host?.uri ?? hostId}`
      : hostState === 'connecting'
        ? `Connecting to ${host?.uri ?? hostId}…`
        : `Disconnected from ${host?.uri ?? hostId}${host?.error === undefined ? '' : `: ${host.error}`}`;
  const dot = streamOk ? (DOT[hostState] ?? DOT['connecting']) : 'bg-amber-500 animate-pulse';
  return (
    <div
      id="connection-indicator"
      data-state={streamOk ? hostState : `stream-${stream}`}
      role="status"
      title={label}
      className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span className={`inline-block size-2.5 rounded-full ${dot}`} aria-hidden />
      <span className="max-w-72 truncate">{label}</span>
    </div>
  );
}
