import { useMemo, useState } from 'react';
import { useHostSummary } from '../../app/hosts';
import { formatBytes } from '../../../common/format.js';
import { Badge, ErrorBanner, LoadingState } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import type { VmTabProps } from '../vms/tab-types';
import { CreateSnapshotDialog } from './CreateSnapshotDialog';
import { DeleteSnapshotDialog } from './DeleteSnapshotDialog';
import { formatEpochSeconds } from '../../lib/date';
import { kindLabel, stateLabel } from './labels';
import { useSnapshots } from './queries';
import { RevertSnapshotDialog } from './RevertSnapshotDialog';
import { SnapshotTree } from './SnapshotTree';
import { SnapshotXml } from './SnapshotXml';
import { descendantsOf, snapshotTreeRows } from './tree';
import './events';

type OpenDialog = 'create' | 'revert' | 'delete' | null;

/** The Snapshots tab of the VM page: tree, details of the selected one, create/revert/delete. */
export function SnapshotsTab({ host, vm }: VmTabProps) {
  const uri = useHostSummary(host)?.uri ?? 'qemu:///system';
  const query = useSnapshots(host, vm.uuid);
  const [picked, setPicked] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const rows = useMemo(() => snapshotTreeRows(query.data?.snapshots ?? []), [query.data]);
  const selectedName = rows.some((r) => r.snapshot.name === picked) ? picked : (query.data?.current ?? rows[0]?.snapshot.name ?? null);
  const selected = rows.find((r) => r.snapshot.name === selectedName)?.snapshot;
  const descendants = selectedName === null ? [] : descendantsOf(rows, selectedName);
  const guard = { privilege: 'vm.snapshot', path: acl.vm(host, vm.uuid) } as const;

  if (query.isPending) return <LoadingState label="Loading snapshots…" />;
  if (query.isError) return <ErrorBanner error={query.error} title="Snapshots could not be listed" onRetry={() => void query.refetch()} id="snapshots-error" />;
  const { capabilities } = query.data;

  return (
    <section className="space-y-4" id="snapshots-tab" aria-label="Snapshots">
      <div className="flex flex-wrap items-center gap-3">
        <GuardedButton {...guard} variant="primary" id="snapshot-create" onClick={() => setDialog('create')} disabled={capabilities.defaultKind === null}>
          Take snapshot…
        </GuardedButton>
        {capabilities.defaultKind === null && (
          <span className="text-xs text-zinc-500" id="snapshot-create-unavailable">
            {capabilities.internal.reason ?? capabilities.external.reason}
          </span>
        )}
        <span className="ml-auto text-xs text-zinc-500">
          {rows.length} snapshot{rows.length === 1 ? '' : 's'} · libvirt {capabilities.libvirtVersion}
          {query.isFetching && ' · refreshing…'}
        </span>
      </div>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700" id="snapshots-empty">
          No snapshots yet. A snapshot keeps the disks (and, for a running VM, the memory) as they are now, so you can come back to this point.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
            <SnapshotTree rows={rows} selected={selectedName} onSelect={setPicked} />
          </div>
          {selected !== undefined && (
            <aside className="space-y-3 rounded-md border border-zinc-200 p-4 text-sm dark:border-zinc-800" id="snapshot-details" aria-label="Selected snapshot">
              <h3 className="flex items-center gap-2 text-base font-semibold">
                <span className="truncate" data-testid="snapshot-details-name">{selected.name}</span>
                {selected.current && <Badge tone="green">current</Badge>}
              </h3>
              {selected.description !== '' && <p className="whitespace-pre-wrap" data-testid="snapshot-details-description">{selected.description}</p>}
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                <dt className="text-zinc-500">Taken</dt>
                <dd>{formatEpochSeconds(selected.creationTime)}</dd>
                <dt className="text-zinc-500">VM state</dt>
                <dd>{stateLabel(selected.state)}</dd>
                <dt className="text-zinc-500">Kind</dt>
                <dd>{kindLabel(selected)}</dd>
                <dt className="text-zinc-500">Size</dt>
                <dd data-testid="snapshot-details-size">
                  {selected.sizeBytes !== null
                    ? `${formatBytes(selected.sizeBytes)} in overlay files`
                    : selected.kind === 'internal'
                      ? 'inside the qcow2 image (libvirt does not report it)'
                      : 'not known (overlay not in the current disk chain)'}
                </dd>
                <dt className="text-zinc-500">Parent</dt>
                <dd>{selected.parent ?? '—'}</dd>
                <dt className="text-zinc-500">Disks</dt>
                <dd className="break-all">
                  {selected.disks.map((d) => `${d.name}: ${d.snapshot}${d.file === undefined ? '' : ` → ${d.file}`}`).join('; ') || '—'}
                </dd>
                {selected.memoryFile !== null && (
                  <>
                    <dt className="text-zinc-500">Memory file</dt>
                    <dd className="break-all">{selected.memoryFile}</dd>
                  </>
                )}
              </dl>
              <div className="flex flex-wrap gap-2">
                <GuardedButton {...guard} id="snapshot-revert" onClick={() => setDialog('revert')} disabled={!selected.revertible} aria-describedby={selected.revertible ? undefined : 'snapshot-revert-problem'}>
                  Revert to this snapshot…
                </GuardedButton>
                <GuardedButton {...guard} id="snapshot-delete" variant="danger" onClick={() => setDialog('delete')}>
                  Delete…
                </GuardedButton>
              </div>
              {!selected.revertible && (
                <p className="text-xs text-amber-700 dark:text-amber-400" id="snapshot-revert-problem">
                  {selected.revertProblem}
                </p>
              )}
              <SnapshotXml key={selected.name} host={host} uri={uri} uuid={vm.uuid} vmName={vm.name} name={selected.name} />
            </aside>
          )}
        </div>
      )}

      {dialog === 'create' && (
        <CreateSnapshotDialog
          host={host}
          uri={uri}
          uuid={vm.uuid}
          vmName={vm.name}
          capabilities={capabilities}
          onClose={() => setDialog(null)}
          onCreated={(name) => {
            setPicked(name);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'revert' && selected !== undefined && (
        <RevertSnapshotDialog host={host} uri={uri} uuid={vm.uuid} vmName={vm.name} vmState={capabilities.vmState} snapshot={selected} onClose={() => setDialog(null)} />
      )}
      {dialog === 'delete' && selected !== undefined && (
        <DeleteSnapshotDialog
          host={host}
          uri={uri}
          uuid={vm.uuid}
          vmName={vm.name}
          snapshot={selected}
          all={query.data.snapshots}
          descendants={descendants}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
