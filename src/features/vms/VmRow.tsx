import { memo } from 'react';
import { Link } from 'react-router';
import type { VmActionName, VmSummary } from '../../../common/vms.js';
import { formatBytes, formatPercent } from '../../../common/format.js';
import { Sparkline } from './Sparkline';
import { StateBadge } from './StateBadge';
import { useVmStatsHistory } from './stats-store';
import { VmActions } from './VmActions';

export const ROW_HEIGHT = 44;
export const GRID_COLUMNS = 'grid-cols-[minmax(10rem,1fr)_7rem_3rem_4.5rem_7rem_8rem_4rem_15rem]';

function Usage({ host, vm }: { host: string; vm: VmSummary }) {
  const history = useVmStatsHistory(host, vm.uuid);
  const last = history[history.length - 1];
  const running = vm.state !== 'shutoff';
  const cpu = history.map((s) => s.cpuPercent);
  const mem = history.map((s) => s.memUsedBytes);
  return (
    <>
      <div className="flex items-center gap-2" data-testid="vm-cpu">
        {running && cpu.length > 0 ? (
          <>
            <Sparkline values={cpu} max={100} width={56} label={`CPU of ${vm.name}`} />
            <span className="w-10 text-right text-xs whitespace-nowrap tabular-nums">{formatPercent(last?.cpuPercent)}</span>
          </>
        ) : (
          <span className="text-xs text-zinc-400">—</span>
        )}
      </div>
      <div
        className="flex items-center gap-2"
        data-testid="vm-mem-usage"
        title={last?.memSource === 'guest' ? 'In use by the guest' : 'Resident memory of QEMU on the host (the guest reports no memory statistics)'}
      >
        {running && mem.length > 0 ? (
          <>
            <Sparkline values={mem} max={Math.max(vm.memory.currentBytes, ...mem.map((m) => m ?? 0))} width={56} label={`Memory of ${vm.name}`} className="text-violet-600 dark:text-violet-400" />
            <span className="w-14 text-right text-xs whitespace-nowrap tabular-nums">{formatBytes(last?.memUsedBytes)}</span>
          </>
        ) : (
          <span className="text-xs text-zinc-400">—</span>
        )}
      </div>
    </>
  );
}

export interface VmRowProps {
  host: string;
  uri: string;
  vm: VmSummary;
  index: number;
  active: boolean;
  top: number;
  onActivate: (index: number) => void;
  onActionError: (error: unknown, action: VmActionName, vm: VmSummary) => void;
}

export const VmRow = memo(function VmRow({ host, uri, vm, index, active, top, onActivate, onActionError }: VmRowProps) {
  return (
    <div
      role="row"
      id={`vm-row-${vm.uuid}`}
      data-testid="vm-row"
      data-vm-name={vm.name}
      data-state={vm.state}
      aria-rowindex={index + 2}
      aria-selected={active}
      onClick={() => onActivate(index)}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      className={`absolute inset-x-0 top-0 grid ${GRID_COLUMNS} items-center gap-3 border-b border-zinc-100 px-4 text-sm dark:border-zinc-800 ${
        active ? 'bg-sky-50 dark:bg-sky-950/40' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'
      }`}
    >
      <div role="cell" className="min-w-0 truncate font-medium">
        <Link
          to={`/hosts/${encodeURIComponent(host)}/vms/${vm.uuid}`}
          tabIndex={-1}
          className="text-sky-700 hover:underline dark:text-sky-400"
          data-testid="vm-link"
          title={vm.name}
        >
          {vm.name}
        </Link>
        {!vm.persistent && <span className="ml-2 text-xs text-zinc-500" title="No persistent configuration: it disappears when it stops">transient</span>}
      </div>
      <div role="cell">
        <StateBadge state={vm.state} saved={vm.managedSave} {...(vm.stateReason === undefined ? {} : { reason: vm.stateReason })} />
      </div>
      <div role="cell" className="tabular-nums" data-testid="vm-vcpus">
        {vm.vcpus.current}
      </div>
      <div role="cell" className="tabular-nums" data-testid="vm-memory">
        {formatBytes(vm.memory.currentBytes)}
      </div>
      <Usage host={host} vm={vm} />
      <div role="cell" data-testid="vm-autostart" className="text-xs">
        {vm.autostart ? 'yes' : 'no'}
      </div>
      <div role="cell" className="flex justify-end overflow-hidden">
        <VmActions host={host} uri={uri} vm={vm} compact onError={(err, action) => onActionError(err, action, vm)} />
      </div>
    </div>
  );
});
