import { useState } from 'react';
import type { DeleteScope, Snapshot } from '../../../common/snapshots.js';
import { ConfirmDialog, VirshHint } from '../../lib/ui';
import { useDeleteSnapshot } from './queries';
import { deleteSnapshotCommand } from './virsh';

export interface DeleteSnapshotDialogProps {
  host: string;
  uri: string;
  uuid: string;
  vmName: string;
  snapshot: Snapshot;
  /** all snapshots of the VM, to name children and files affected */
  all: readonly Snapshot[];
  descendants: readonly string[];
  onClose: () => void;
}

function filesOf(s: Snapshot): string[] {
  return [...s.disks.flatMap((d) => (d.file === undefined ? [] : [d.file])), ...(s.memoryFile === null ? [] : [s.memoryFile])];
}

export function DeleteSnapshotDialog({ host, uri, uuid, vmName, snapshot, all, descendants, onClose }: DeleteSnapshotDialogProps) {
  const remove = useDeleteSnapshot(host, uuid);
  const hasChildren = descendants.length > 0;
  const scopes: ReadonlyArray<{ value: DeleteScope; label: string; problem: string | null }> = [
    { value: 'this', label: hasChildren ? 'This snapshot only (its children move up to its parent)' : 'This snapshot', problem: snapshot.deleteProblems.this },
    ...(hasChildren
      ? [{ value: 'children' as const, label: `This snapshot and its ${descendants.length} descendant${descendants.length === 1 ? '' : 's'}`, problem: snapshot.deleteProblems.children }]
      : []),
    { value: 'metadata', label: 'Metadata only (libvirt forgets it; every file stays as it is)', problem: null },
  ];
  const firstPossible = scopes.find((s) => s.problem === null)?.value ?? 'metadata';
  const [scope, setScope] = useState<DeleteScope>(firstPossible);
  const chosen = scopes.find((s) => s.value === scope);
  const affected = scope === 'children' ? [snapshot.name, ...descendants] : [snapshot.name];
  const affectedSnapshots = all.filter((s) => affected.includes(s.name));
  const external = affectedSnapshots.filter((s) => s.kind === 'external');
  const memoryFiles = affectedSnapshots.flatMap((s) => (s.memoryFile === null ? [] : [s.memoryFile]));

  return (
    <ConfirmDialog
      open
      id="snapshot-delete-dialog"
      title={`Delete snapshot “${snapshot.name}”?`}
      confirmLabel={remove.isPending ? 'Deleting…' : 'Delete'}
      danger
      busy={remove.isPending}
      error={remove.isError ? remove.error : undefined}
      onCancel={onClose}
      onConfirm={() => {
        if (chosen?.problem === null) remove.mutate({ name: snapshot.name, scope }, { onSuccess: onClose });
      }}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">What to delete</legend>
        {scopes.map((s) => (
          <label key={s.value} className={`flex items-start gap-2 ${s.problem === null ? '' : 'opacity-60'}`}>
            <input
              type="radio"
              name="snapshot-delete-scope"
              id={`snapshot-delete-scope-${s.value}`}
              className="mt-1"
              checked={scope === s.value}
              disabled={s.problem !== null}
              onChange={() => setScope(s.value)}
            />
            <span>
              {s.label}
              {s.problem !== null && <span className="block text-xs text-amber-700 dark:text-amber-400">{s.problem}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <div role="note" className="space-y-1 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="snapshot-delete-warning">
        {scope === 'children' && <p>These snapshots are deleted: {affected.map((n) => `“${n}”`).join(', ')}.</p>}
        {scope === 'this' && hasChildren && <p>Its children stay; their states keep everything they hold.</p>}
        {scope !== 'metadata' && <p>The VM can no longer be reverted to {affected.length === 1 ? 'this snapshot' : 'these snapshots'}.</p>}
        {scope !== 'metadata' && external.length > 0 && (
          <p>
            libvirt merges the external overlay files back into their backing images and removes them:{' '}
            {external.flatMap((s) => s.disks.flatMap((d) => (d.file === undefined ? [] : [d.file]))).join(', ')}.
          </p>
        )}
        {scope !== 'metadata' && memoryFiles.length > 0 && <p>libvirt leaves the memory file behind: {memoryFiles.join(', ')}.</p>}
        {scope === 'metadata' && (
          <p>
            Nothing on disk changes
            {snapshot.kind === 'internal' ? ': the snapshot data stays inside the qcow2 image and keeps using space' : `: these files stay: ${filesOf(snapshot).join(', ')}`}.
          </p>
        )}
      </div>
      <VirshHint id="snapshot-delete-virsh" command={deleteSnapshotCommand(uri, vmName, snapshot.name, scope)} />
    </ConfirmDialog>
  );
}
