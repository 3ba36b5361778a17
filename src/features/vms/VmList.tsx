import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VmActionName, VmSummary } from '../../../common/vms.js';
import { useHostId, useHostSummary } from '../../app/hosts';
import { ErrorBanner, LoadingState } from '../../lib/ui';
import { filterAndSort, type Sort, type SortKey, type StateFilter } from './list-model';
import { useVmList } from './queries';
import { GRID_COLUMNS, ROW_HEIGHT, VmRow } from './VmRow';
import { NewVmButton } from '../provisioning/NewVmButton';
import { GoneVmsNotice } from './GoneVmsNotice';

const HEADERS: { label: string; sort?: SortKey }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'State', sort: 'state' },
  { label: 'vCPUs', sort: 'vcpus' },
  { label: 'Memory', sort: 'memory' },
  { label: 'CPU' },
  { label: 'Memory use' },
  { label: 'Autostart' },
  { label: '' },
];

export function VmList() {
  const host = useHostId();
  const uri = useHostSummary(host)?.uri ?? '';
  const { data, error, isPending, refetch } = useVmList(host);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [activeIndex, setActiveIndex] = useState(0);
  const [actionError, setActionError] = useState<{ error: unknown; title: string } | undefined>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => filterAndSort(data?.vms ?? [], text, stateFilter, sort), [data, text, stateFilter, sort]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => rows[index]?.uuid ?? index,
  });
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));

  const onActionError = useCallback((error: unknown, action: VmActionName, vm: VmSummary) => {
    setActionError({ error, title: `Could not ${action} ${vm.name}` });
  }, []);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const vm = rows[active];
        if (vm !== undefined) void navigate(`/hosts/${encodeURIComponent(host)}/vms/${vm.uuid}`);
      },
    };
    const handler = keys[event.key];
    if (handler !== undefined) {
      event.preventDefault();
      handler();
    }
  };

  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  const total = data?.vms.length ?? 0;
  const running = data?.vms.filter((v) => v.state === 'running').length ?? 0;

  return (
    <section className="flex h-full min-h-0 flex-col" id="vms-page">
      <div className="flex flex-wrap items-center gap-3 px-6 pt-5 pb-3">
        <h1 className="text-xl font-semibold">Virtual machines</h1>
        {data !== undefined && (
          <span className="text-sm text-zinc-500" id="vm-count">
            {rows.length === total ? `${total} VMs` : `${rows.length} of ${total} VMs`} · {running} running
          </span>
        )}
        <div className="ml-auto flex items-center gap-2">
          <NewVmButton host={host} />
          <input
            id="vm-filter"
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActiveIndex(0);
            }}
            placeholder="Filter by name"
            aria-label="Filter by name"
            className="w-56 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <select
            id="vm-state-filter"
            value={stateFilter}
            aria-label="Filter by state"
            onChange={(e) => {
              setStateFilter(e.target.value as StateFilter);
              setActiveIndex(0);
            }}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="all">All states</option>
            <option value="running">Running</option>
            <option value="paused">Paused</option>
            <option value="shutoff">Shut off</option>
            <option value="other">Other</option>
          </select>
        </div>
      </div>
      {actionError !== undefined && (
        <div className="px-6 pb-3">
          <ErrorBanner id="vm-action-error" error={actionError.error} title={actionError.title} onRetry={() => setActionError(undefined)} />
        </div>
      )}
      <GoneVmsNotice host={host} />
      {isPending && <LoadingState label="Loading virtual machines…" />}
      {error !== null && (
        <div className="px-6">
          <ErrorBanner error={error} title="Cannot list the virtual machines" onRetry={() => void refetch()} />
        </div>
      )}
      {data !== undefined && (
        <div role="table" aria-label="Virtual machines" aria-rowcount={rows.length + 1} className="flex min-h-0 flex-1 flex-col">
          <div role="row" className={`grid ${GRID_COLUMNS} gap-3 border-y border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-semibold text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400`}>
            {HEADERS.map((h, i) => (
              <div role="columnheader" key={i} aria-sort={h.sort !== undefined && sort.key === h.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {h.sort === undefined ? (
                  h.label
                ) : (
                  <button type="button" id={`vm-sort-${h.sort}`} onClick={() => toggleSort(h.sort as SortKey)} className="hover:text-zinc-900 dark:hover:text-zinc-100">
                    {h.label}
                    {sort.key === h.sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                )}
              </div>
            ))}
          </div>
          <div
            ref={scrollRef}
            id="vm-list"
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-activedescendant={rows[active] === undefined ? undefined : `vm-row-${rows[active].uuid}`}
            aria-label="Virtual machine rows; arrow keys move, Enter opens"
            className="relative min-h-0 flex-1 overflow-auto focus-visible:outline-offset-[-2px]"
          >
            {rows.length === 0 ? (
              <p className="p-6 text-sm text-zinc-500" id="vm-list-empty">
                {total === 0 ? 'No virtual machines are defined on this host.' : 'No virtual machine matches the filter.'}
              </p>
            ) : (
              <div style={{ height: virtualizer.getTotalSize() }} className="relative">
                {virtualizer.getVirtualItems().map((item) => {
                  const vm = rows[item.index];
                  if (vm === undefined) return null;
                  return (
                    <VmRow
                      key={vm.uuid}
                      host={host}
                      uri={uri}
                      vm={vm}
                      index={item.index}
                      active={item.index === active}
                      top={item.start}
                      onActivate={setActiveIndex}
                      onActionError={onActionError}
                    />
                  );
                })}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
