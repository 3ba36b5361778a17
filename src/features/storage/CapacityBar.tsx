import { formatBytes } from '../../../common/format.js';

/** Used / available of a pool as a bar with the numbers beside it. */
export function CapacityBar({ id, capacity, allocation, available, active }: { id: string; capacity: number | null; allocation: number | null; available: number | null; active: boolean }) {
  if (!active || capacity === null || capacity <= 0) {
    return <span id={id} className="text-xs text-zinc-500">{active ? '—' : 'inactive'}</span>;
  }
  const used = allocation === null ? 0 : Math.min(100, Math.max(0, (allocation / capacity) * 100));
  const tone = used > 90 ? 'bg-red-500' : used > 75 ? 'bg-amber-500' : 'bg-sky-500';
  return (
    <div id={id} className="min-w-40">
      <div
        className="h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700"
        role="meter"
        aria-label="Used space"
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={allocation ?? undefined}
      >
        <div className={`h-full ${tone}`} style={{ width: `${used}%` }} />
      </div>
      <div className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid="capacity-text">
        {formatBytes(allocation)} used · {formatBytes(available)} free of {formatBytes(capacity)}
      </div>
    </div>
  );
}
