import type { PoolSource } from '../../../common/storage.js';
import { ErrorBanner } from '../../lib/ui';
import { usePool } from './queries';

function sourceRows(s: PoolSource): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['Host', s.host !== undefined ? `${s.host}${s.port !== undefined ? `:${s.port}` : ''}` : undefined],
    ['Directory', s.dir],
    ['Device', s.device],
    ['Name', s.name],
    ['Format', s.format],
    ['Initiator', s.initiatorIqn],
    ['Adapter', s.adapter !== undefined ? [s.adapter.type, s.adapter.name, s.adapter.wwnn, s.adapter.wwpn].filter(Boolean).join(' ') : undefined],
    ['Auth', s.auth !== undefined ? `${s.auth.type} user ${s.auth.username} (secret ${s.auth.secretUuid ?? s.auth.secretUsage ?? '?'})` : undefined],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

/** Source fields and the pool XML, read from libvirt (not from the list). */
export function PoolDetailsView({ host, name }: { host: string; name: string }) {
  const { data, error } = usePool(host, name);
  if (error !== null) return <ErrorBanner error={error} />;
  if (data === undefined) return null;
  const rows = sourceRows(data.source);
  return (
    <details className="text-sm" id="pool-details">
      <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Source and XML</summary>
      <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-500">UUID</dt><dd className="font-mono">{data.uuid}</dd>
        <dt className="text-zinc-500">Persistent</dt><dd>{data.persistent ? 'yes' : 'no (transient)'}</dd>
        {rows.length === 0 && <><dt className="text-zinc-500">Source</dt><dd>none (local directory)</dd></>}
        {rows.map(([k, v]) => (
          <div key={k} className="contents"><dt className="text-zinc-500">{k}</dt><dd className="font-mono break-all">{v}</dd></div>
        ))}
      </dl>
      <pre className="mt-2 max-h-64 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800" id="pool-xml">{data.xml}</pre>
    </details>
  );
}
