import { useState } from 'react';
import type { VolumeSummary } from '../../../common/storage.js';
import { formatBytes } from '../../../common/format.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { Button, ConfirmDialog, VirshHint } from '../../lib/ui';
import { acl, useCan } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { CloneVolumeDialog } from './CloneVolumeDialog';
import { DeleteVolumeDialog } from './DeleteVolumeDialog';
import { useVolumeAction, volumePath } from './queries';
import { ResizeVolumeDialog } from './ResizeVolumeDialog';
import { UploadDialog } from './UploadDialog';
import { VolumeInfo } from './VolumeInfo';

type Open = { kind: 'resize' | 'clone' | 'wipe' | 'delete' | 'upload' | 'info'; vol: VolumeSummary } | null;

function UsedBy({ volume }: { volume: VolumeSummary }) {
  if (volume.usedBy.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span>
      {volume.usedBy.map((u, i) => (
        <span key={u.uuid}>
          {i > 0 && ', '}
          {u.name}
          {u.active && <span className="text-emerald-600" title="running"> ●</span>}
        </span>
      ))}
    </span>
  );
}

/** Why upload and download are greyed out on a pool whose libvirt driver cannot stream volumes. */
export function noTransferReason(poolType: string): string {
  return `libvirt cannot stream volume content of a ${poolType} pool on this host (no upload or download in its storage driver)`;
}

export function VolumeTable({ host, pool, poolType, volumeTransfer, volumes }: { host: string; pool: string; poolType: string; volumeTransfer: boolean; volumes: readonly VolumeSummary[] }) {
  const guard = { privilege: 'storage.edit', path: acl.pool(host, pool) } as const;
  // A download copies the whole disk, guest secrets included: the server asks for storage.edit.
  const edit = useCan(guard.privilege, guard.path);
  const [open, setOpen] = useState<Open>(null);
  const action = useVolumeAction(host, pool);
  const close = () => { setOpen(null); action.reset(); };
  const vol = open?.vol;
  const users = vol?.usedBy ?? [];

  return (
    <>
      <table className="w-full text-sm" id="volume-table">
        <thead className="text-left text-xs text-zinc-500 uppercase">
          <tr>
            <th className="py-2 pr-3">Volume</th>
            <th className="py-2 pr-3">Format</th>
            <th className="py-2 pr-3">Virtual size</th>
            <th className="py-2 pr-3">Allocation</th>
            <th className="py-2 pr-3">Used by</th>
            <th className="py-2 pr-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {volumes.length === 0 && (
            <tr><td colSpan={6} className="py-4 text-center text-zinc-500" id="volume-empty">No volumes yet.</td></tr>
          )}
          {volumes.map((v) => (
            <tr key={v.name} id={`volume-row-${v.name}`} data-testid="volume-row" className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-2 pr-3">
                <button type="button" className="font-medium text-sky-700 hover:underline dark:text-sky-400" onClick={() => setOpen({ kind: 'info', vol: v })} id={`volume-info-${v.name}`}>
                  {v.name}
                </button>
              </td>
              <td className="py-2 pr-3 font-mono text-xs" data-testid="volume-format">{v.format ?? '—'}</td>
              <td className="py-2 pr-3" data-testid="volume-capacity">{formatBytes(v.capacityBytes)}</td>
              <td className="py-2 pr-3">{formatBytes(v.allocationBytes)}</td>
              <td className="py-2 pr-3 text-xs"><UsedBy volume={v} /></td>
              <td className="py-2 pr-3">
                <div className="flex flex-wrap justify-end gap-1">
                  <GuardedButton {...guard} size="sm" variant="ghost" id={`volume-resize-${v.name}`} onClick={() => setOpen({ kind: 'resize', vol: v })}>Resize</GuardedButton>
                  <GuardedButton {...guard} size="sm" variant="ghost" id={`volume-clone-${v.name}`} onClick={() => setOpen({ kind: 'clone', vol: v })}>Clone</GuardedButton>
                  <GuardedButton {...guard} size="sm" variant="ghost" id={`volume-upload-${v.name}`} disabled={!volumeTransfer} title={volumeTransfer ? undefined : noTransferReason(poolType)} onClick={() => setOpen({ kind: 'upload', vol: v })}>Upload</GuardedButton>
                  {!edit.allowed || !volumeTransfer ? (
                    <Button size="sm" variant="ghost" disabled id={`volume-download-${v.name}`} title={edit.disabledReason ?? noTransferReason(poolType)}>Download</Button>
                  ) : v.usedBy.some((u) => u.active) ? (
                    <Button size="sm" variant="ghost" disabled id={`volume-download-${v.name}`} title="In use by a running VM: its content is changing. Stop the VM to download.">Download</Button>
                  ) : (
                    <a className="rounded-md px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                      href={volumePath(host, pool, v.name, 'content')} download={v.name} id={`volume-download-${v.name}`}
                      title={volumeCommand.download(pool, v.name, v.name)}>Download</a>
                  )}
                  <GuardedButton {...guard} size="sm" variant="ghost" id={`volume-wipe-${v.name}`} onClick={() => setOpen({ kind: 'wipe', vol: v })}>Wipe</GuardedButton>
                  <GuardedButton {...guard} size="sm" variant="ghost" className="text-red-700 dark:text-red-400" id={`volume-delete-${v.name}`} onClick={() => setOpen({ kind: 'delete', vol: v })}>Delete</GuardedButton>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {open?.kind === 'info' && <VolumeInfo host={host} pool={pool} name={open.vol.name} onClose={close} />}
      {open?.kind === 'resize' && <ResizeVolumeDialog host={host} pool={pool} volume={open.vol} onClose={close} />}
      {open?.kind === 'clone' && <CloneVolumeDialog host={host} pool={pool} volume={open.vol} onClose={close} />}
      {open?.kind === 'upload' && <UploadDialog host={host} pool={pool} volume={open.vol} onClose={close} />}

      {open?.kind === 'delete' && <DeleteVolumeDialog host={host} pool={pool} volume={open.vol} onClose={close} />}

      <ConfirmDialog
        open={open?.kind === 'wipe'}
        title={`Wipe volume ${vol?.name ?? ''}?`}
        confirmLabel="Wipe volume"
        danger
        busy={action.isPending}
        error={action.error}
        onConfirm={() => vol && action.mutate({ vol: vol.name, action: { kind: 'wipe' } }, { onSuccess: close })}
        onCancel={close}
        id="volume-wipe-dialog"
      >
        <p>Every byte of the volume is overwritten with zeros; its content is lost, the volume stays.</p>
        {users.length > 0 && <p className="font-medium text-red-700 dark:text-red-400">Used by: {users.map((u) => u.name).join(', ')}.</p>}
        {vol !== undefined && <VirshHint command={volumeCommand.wipe(pool, vol.name)} />}
      </ConfirmDialog>
    </>
  );
}
