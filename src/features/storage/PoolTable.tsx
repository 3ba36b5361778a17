import { Link } from 'react-router';
import type { PoolSummary } from '../../../common/storage.js';
import { Badge, PathCell, type BadgeTone } from '../../lib/ui';
import { CapacityBar } from './CapacityBar';

const STATE_TONE: Record<PoolSummary['state'], BadgeTone> = {
  running: 'green', inactive: 'gray', building: 'blue', degraded: 'yellow', inaccessible: 'red',
};

export function PoolStateBadge({ pool }: { pool: PoolSummary }) {
  return <Badge tone={STATE_TONE[pool.state]} data-testid="pool-state">{pool.state === 'running' ? 'active' : pool.state}</Badge>;
}

export function PoolTable({ host, pools, selected }: { host: string; pools: readonly PoolSummary[]; selected: string | undefined }) {
  return (
    <table className="w-full text-sm" id="pool-table">
      <thead className="text-left text-xs text-zinc-500 uppercase">
        <tr>
          <th className="py-2 pr-3">Pool</th>
          <th className="py-2 pr-3">Type</th>
          <th className="py-2 pr-3">State</th>
          <th className="py-2 pr-3">Autostart</th>
          <th className="py-2 pr-3">Capacity</th>
          <th className="py-2 pr-3">Location</th>
        </tr>
      </thead>
      <tbody>
        {pools.map((p) => (
          <tr
            key={p.name}
            id={`pool-row-${p.name}`}
            data-testid="pool-row"
            className={`border-t border-zinc-100 dark:border-zinc-800 ${selected === p.name ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}
          >
            <td className="py-2 pr-3 font-medium">
              <Link to={`/hosts/${encodeURIComponent(host)}/storage/${encodeURIComponent(p.name)}`} className="text-sky-700 hover:underline dark:text-sky-400" id={`pool-link-${p.name}`}>
                {p.name}
              </Link>
            </td>
            <td className="py-2 pr-3 font-mono text-xs">{p.type}</td>
            <td className="py-2 pr-3"><PoolStateBadge pool={p} /></td>
            <td className="py-2 pr-3" data-testid="pool-autostart">{p.autostart ? 'yes' : 'no'}</td>
            <td className="py-2 pr-3">
              <CapacityBar id={`pool-capacity-${p.name}`} capacity={p.capacityBytes} allocation={p.allocationBytes} available={p.availableBytes} active={p.active} />
            </td>
            <td className="py-2 pr-3"><PathCell value={p.targetPath} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
