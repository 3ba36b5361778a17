import type { VmStats } from '../../../common/vms.js';
import { formatBytes, formatPercent, formatRate } from '../../../common/format.js';
import { HISTORY_LENGTH, useVmStatsHistory } from './stats-store';

interface Series {
  label: string;
  values: (number | undefined)[];
  color: string;
}

function Chart({ id, title, series, max, format }: { id: string; title: string; series: Series[]; max?: number; format: (v: number | undefined) => string }) {
  const width = 300;
  const height = 80;
  const top = max ?? Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const step = width / (HISTORY_LENGTH - 1);
  const path = (values: (number | undefined)[]) => {
    const offset = HISTORY_LENGTH - values.length;
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${((offset + i) * step).toFixed(1)},${(height - (Math.min(v, top) / top) * (height - 4) - 2).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <figure id={id} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <figcaption className="mb-1 flex items-baseline justify-between text-xs text-zinc-500">
        <span className="font-semibold text-zinc-700 dark:text-zinc-300">{title}</span>
        <span>max {format(top)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-20 w-full" role="img" aria-label={`${title}, last ${(HISTORY_LENGTH * 2) / 60} minutes`} preserveAspectRatio="none">
        <line x1="0" x2={width} y1={height - 1} y2={height - 1} className="stroke-zinc-200 dark:stroke-zinc-800" />
        {series.map((s) => (
          <path key={s.label} d={path(s.values)} fill="none" stroke={s.color} strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
      <div className="mt-1 flex gap-4 text-xs">
        {series.map((s) => (
          <span key={s.label} className="flex items-center gap-1">
            <span className="inline-block size-2 rounded-full" style={{ background: s.color }} aria-hidden />
            {s.label} <span className="tabular-nums">{format(s.values[s.values.length - 1])}</span>
          </span>
        ))}
      </div>
    </figure>
  );
}

type NumericKey = 'cpuPercent' | 'memUsedBytes' | 'diskReadBps' | 'diskWriteBps' | 'netRxBps' | 'netTxBps';
const pick = (history: readonly VmStats[], key: NumericKey) => history.map((s) => s[key]);

const MEMORY_SERIES: { source: NonNullable<VmStats['memSource']>; label: string; color: string }[] = [
  { source: 'guest', label: 'in use by the guest', color: '#7c3aed' },
  { source: 'host', label: 'QEMU resident on the host', color: '#a1a1aa' },
];

/**
 * A sample's memory figure is the guest's own when its balloon driver reports one, else QEMU's
 * resident size: two meanings, so two series, each with its own name, shown when it has samples.
 */
export function memorySeries(history: readonly VmStats[]): Series[] {
  return MEMORY_SERIES.map(({ source, label, color }) => ({
    label,
    color,
    values: history.map((s) => (s.memSource === source ? s.memUsedBytes : undefined)),
  })).filter((s) => s.values.some((v) => v !== undefined));
}

/** CPU, memory, disk and network over the last minutes, from `stats` events. */
export function LiveCharts({ host, uuid, memoryBytes, running }: { host: string; uuid: string; memoryBytes: number; running: boolean }) {
  const history = useVmStatsHistory(host, uuid);
  if (!running) return <p className="text-sm text-zinc-500">Live charts appear while the VM runs.</p>;
  if (history.length === 0) return <p className="text-sm text-zinc-500">Waiting for the first samples…</p>;
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2" id="vm-charts">
      <Chart id="vm-chart-cpu" title="CPU" max={100} format={(v) => formatPercent(v)} series={[{ label: 'used', values: pick(history, 'cpuPercent'), color: '#0284c7' }]} />
      <Chart
        id="vm-chart-memory"
        title="Memory"
        max={Math.max(memoryBytes, ...history.map((s) => s.memUsedBytes ?? 0))}
        format={(v) => formatBytes(v)}
        series={memorySeries(history)}
      />
      <Chart
        id="vm-chart-disk"
        title="Disk I/O"
        format={formatRate}
        series={[
          { label: 'read', values: pick(history, 'diskReadBps'), color: '#059669' },
          { label: 'write', values: pick(history, 'diskWriteBps'), color: '#d97706' },
        ]}
      />
      <Chart
        id="vm-chart-net"
        title="Network I/O"
        format={formatRate}
        series={[
          { label: 'received', values: pick(history, 'netRxBps'), color: '#2563eb' },
          { label: 'sent', values: pick(history, 'netTxBps'), color: '#db2777' },
        ]}
      />
    </div>
  );
}
