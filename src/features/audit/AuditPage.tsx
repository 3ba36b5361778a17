import { useState } from 'react';
import type { AuditEntry } from '../../../common/access.js';
import { formatDateTime } from '../../lib/date';
import { Badge, Button, ErrorBanner, LoadingState } from '../../lib/ui';
import { AuditFilters } from './AuditFilters';
import { auditSearch, EMPTY_FILTER, PAGE_SIZE, type AuditFilter } from './audit-query';
import { useAudit } from './queries';

const HEADERS = ['When', 'User', 'Address', 'Action', 'Object', 'Result', 'Duration', 'Details'];

function EntryRow({ entry }: { entry: AuditEntry }) {
  const ok = entry.status < 400;
  return (
    <tr data-testid="audit-row" data-action={entry.action} data-user={entry.username ?? ''} data-status={entry.status} className="border-b border-zinc-100 align-top text-sm dark:border-zinc-800">
      <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{formatDateTime(new Date(entry.at))}</td>
      <td className="py-1.5 pr-3">{entry.username ?? <span className="text-zinc-500">—</span>}</td>
      <td className="py-1.5 pr-3 font-mono text-xs">{entry.address}</td>
      <td className="py-1.5 pr-3">
        <span className="font-medium" data-testid="audit-action">{entry.action}</span>
        <span className="block font-mono text-xs text-zinc-500 break-all">{entry.method} {entry.path}</span>
      </td>
      <td className="py-1.5 pr-3 font-mono text-xs break-all" data-testid="audit-object">{entry.object ?? '—'}</td>
      <td className="py-1.5 pr-3">
        <Badge tone={ok ? 'green' : 'red'}>{ok ? 'ok' : 'failed'} {entry.status}</Badge>
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums whitespace-nowrap">{entry.durationMs} ms</td>
      <td className="py-1.5 font-mono text-xs break-all" data-testid="audit-summary">{entry.summary ?? ''}</td>
    </tr>
  );
}

/** The audit log, newest first: who did what, where, from which address and how it ended. Needs audit.view on '/'. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [offset, setOffset] = useState(0);
  const { data, error, isPending, isFetching, refetch } = useAudit(auditSearch(filter, offset));
  const total = data?.total ?? 0;
  const entries = data?.entries ?? [];
  const apply = (next: AuditFilter) => {
    setFilter(next);
    setOffset(0);
  };

  return (
    <section className="space-y-4 p-6" id="audit-page">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <Button id="audit-refresh" busy={isFetching} onClick={() => void refetch()}>Refresh</Button>
      </div>
      <AuditFilters applied={filter} onApply={apply} />
      {error !== null && <ErrorBanner id="audit-error" error={error} title="Cannot read the audit log" onRetry={() => void refetch()} />}
      {isPending && error === null && <LoadingState label="Reading the audit log…" />}
      {data !== undefined && (
        <>
          <div className="flex items-center gap-2 text-sm">
            <span id="audit-page-info" aria-live="polite">
              {total === 0 ? 'No entries match.' : `${offset + 1}–${Math.min(offset + entries.length, total)} of ${total}`}
            </span>
            <Button size="sm" id="audit-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Newer</Button>
            <Button size="sm" id="audit-next" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>Older</Button>
          </div>
          <div className="overflow-x-auto">
            <table id="audit-table" className="w-full text-left">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
                <tr>{HEADERS.map((h) => <th key={h} className="py-1.5 pr-3 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody>{entries.map((entry) => <EntryRow key={entry.id} entry={entry} />)}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
