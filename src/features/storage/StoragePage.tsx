import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useHostId } from '../../app/hosts';
import { ErrorBanner, LoadingState } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PoolActions } from './PoolActions';
import { PoolDetailsView } from './PoolDetailsView';
import { PoolStateBadge, PoolTable } from './PoolTable';
import { usePools, useVolumes } from './queries';
import { UploadDialog } from './UploadDialog';
import { noTransferReason, VolumeTable } from './VolumeTable';
import { PoolWizard } from './wizard/PoolWizard';

export function PoolPanel({ host, name }: { host: string; name: string }) {
  const { data: pools } = usePools(host);
  const pool = pools?.find((p) => p.name === name);
  const volumes = useVolumes(host, name, pool?.active === true);
  const [dialog, setDialog] = useState<'create' | 'upload' | null>(null);
  if (pools === undefined) return null;
  if (pool === undefined) return <p className="text-sm text-zinc-500" id="pool-missing">Pool {name} no longer exists.</p>;
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" id="pool-panel" aria-label={`Pool ${name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold" id="pool-panel-name">{pool.name}</h2>
        <PoolStateBadge pool={pool} />
        <span className="font-mono text-xs text-zinc-500">{pool.type}{pool.targetPath !== undefined ? ` · ${pool.targetPath}` : ''}</span>
      </div>
      <PoolActions host={host} pool={pool} />
      <PoolDetailsView host={host} name={pool.name} />
      <div className="flex items-center justify-between pt-2">
        <h3 className="text-sm font-semibold">Volumes</h3>
        {pool.active && (
          <div className="flex gap-2">
            <GuardedButton privilege="storage.edit" path={acl.pool(host, pool.name)} size="sm" id="volume-upload-new" disabled={!pool.volumeTransfer} title={pool.volumeTransfer ? undefined : noTransferReason(pool.type)} onClick={() => setDialog('upload')}>Upload file…</GuardedButton>
            <GuardedButton privilege="storage.edit" path={acl.pool(host, pool.name)} size="sm" variant="primary" id="volume-create" onClick={() => setDialog('create')}>New volume</GuardedButton>
          </div>
        )}
      </div>
      {!pool.active && <p className="text-sm text-zinc-500">Start the pool to see and create its volumes.</p>}
      {volumes.isPending && pool.active && <LoadingState label="Reading volumes…" />}
      {/* A stopped pool has no volume list to retry: the hint above says what to do. */}
      {volumes.error !== null && pool.active && <ErrorBanner error={volumes.error} onRetry={() => void volumes.refetch()} />}
      {volumes.data !== undefined && pool.active && <VolumeTable host={host} pool={pool.name} poolType={pool.type} volumeTransfer={pool.volumeTransfer} volumes={volumes.data} />}
      <CreateVolumeDialog host={host} pool={pool.name} space={{ availableBytes: pool.availableBytes, capacityBytes: pool.capacityBytes }} volumes={volumes.data ?? []} open={dialog === 'create'} onClose={() => setDialog(null)} />
      {dialog === 'upload' && <UploadDialog host={host} pool={pool.name} onClose={() => setDialog(null)} />}
    </section>
  );
}

export function StoragePage() {
  const host = useHostId();
  const { pool } = useParams();
  const navigate = useNavigate();
  const { data: pools, error, isPending, refetch } = usePools(host);
  const [wizard, setWizard] = useState(false);
  return (
    <section className="space-y-4 p-6" id="storage-page">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Storage</h1>
        <GuardedButton privilege="storage.edit" path={acl.host(host)} variant="primary" id="pool-new" onClick={() => setWizard(true)}>New pool…</GuardedButton>
      </div>
      {isPending && <LoadingState label="Reading storage pools…" />}
      {error !== null && <ErrorBanner error={error} title="Cannot list storage pools" onRetry={() => void refetch()} />}
      {pools !== undefined && pools.length === 0 && <p className="text-sm text-zinc-500">No storage pools yet. Create one with “New pool…”.</p>}
      {pools !== undefined && pools.length > 0 && <PoolTable host={host} pools={pools} selected={pool} />}
      {pool !== undefined && <PoolPanel host={host} name={pool} />}
      <PoolWizard
        host={host}
        open={wizard}
        onClose={() => setWizard(false)}
        onCreated={(name) => void navigate(`/hosts/${encodeURIComponent(host)}/storage/${encodeURIComponent(name)}`)}
      />
    </section>
  );
}
