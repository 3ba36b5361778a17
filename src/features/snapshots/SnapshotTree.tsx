import { useRef, type KeyboardEvent } from 'react';
import { formatEpochSeconds } from '../../lib/date';
import { formatBytes } from '../../../common/format.js';
import { Badge } from '../../lib/ui';
import type { TreeRow } from './tree';
import { kindLabel, stateLabel } from './labels';

export interface SnapshotTreeProps {
  rows: readonly TreeRow[];
  selected: string | null;
  onSelect: (name: string) => void;
}

/**
 * The snapshot tree as a WAI-ARIA tree: Up/Down move, Left goes to the parent, Right to the
 * first child, Home/End to the ends. Connectors draw the parent/child lines like
 * `virsh snapshot-list --tree`.
 */
export function SnapshotTree({ rows, selected, onSelect }: SnapshotTreeProps) {
  const refs = useRef(new Map<string, HTMLLIElement>());
  const index = rows.findIndex((r) => r.snapshot.name === selected);
  const focusable = index >= 0 ? index : 0;

  const move = (name: string | undefined | null) => {
    if (name === undefined || name === null) return;
    onSelect(name);
    refs.current.get(name)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = rows[focusable];
    if (row === undefined) return;
    let target: string | undefined | null;
    if (event.key === 'ArrowDown') target = rows[Math.min(focusable + 1, rows.length - 1)]?.snapshot.name;
    else if (event.key === 'ArrowUp') target = rows[Math.max(focusable - 1, 0)]?.snapshot.name;
    else if (event.key === 'Home') target = rows[0]?.snapshot.name;
    else if (event.key === 'End') target = rows[rows.length - 1]?.snapshot.name;
    else if (event.key === 'ArrowLeft') target = row.parentName;
    else if (event.key === 'ArrowRight') target = row.childNames[0];
    else return;
    event.preventDefault();
    move(target);
  };

  return (
    <ul role="tree" aria-label="Snapshots" id="snapshot-tree" onKeyDown={onKeyDown} className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {rows.map((row, i) => {
        const s = row.snapshot;
        const isSelected = s.name === selected;
        return (
          <li
            key={s.name}
            ref={(el) => {
              if (el === null) refs.current.delete(s.name);
              else refs.current.set(s.name, el);
            }}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-selected={isSelected}
            {...(row.childNames.length > 0 ? { 'aria-expanded': true } : {})}
            tabIndex={i === focusable ? 0 : -1}
            data-testid="snapshot-row"
            data-snapshot-name={s.name}
            data-snapshot-parent={s.parent ?? ''}
            data-current={s.current ? 'true' : 'false'}
            onClick={() => move(s.name)}
            className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
              isSelected ? 'bg-sky-50 dark:bg-sky-950/50' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'
            }`}
          >
            <span aria-hidden className="font-mono whitespace-pre text-zinc-400">
              {row.connector}
            </span>
            <span className="min-w-0 flex-1">
              <span className="flex items-center gap-2">
                <span className="truncate font-medium" data-testid="snapshot-name">
                  {s.name}
                </span>
                {s.current && (
                  <Badge tone="green" data-testid="snapshot-current-badge" title="The VM's current snapshot: new snapshots become its children">
                    current
                  </Badge>
                )}
                <Badge tone={s.kind === 'internal' ? 'blue' : 'yellow'}>{kindLabel(s)}</Badge>
                {s.sizeBytes !== null && (
                  <span className="text-xs text-zinc-500" data-testid="snapshot-size" title="Size of the overlay files this snapshot started">
                    {formatBytes(s.sizeBytes)}
                  </span>
                )}
              </span>
              {s.description !== '' && <span className="block truncate text-xs whitespace-pre text-zinc-500">{s.description}</span>}
            </span>
            <span className="hidden text-xs text-zinc-500 sm:block">{stateLabel(s.state)}</span>
            <time className="text-xs whitespace-nowrap text-zinc-500" dateTime={new Date(s.creationTime * 1000).toISOString()}>
              {formatEpochSeconds(s.creationTime)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
