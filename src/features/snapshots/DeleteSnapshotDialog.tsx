import { useState } from 'react';
import type { DeleteScope, Snapshot } from '../../../common/snapshots.js';
import { ConfirmDialog, VirshHint } from '../../lib/ui';
import { deleteWarnings, scopeChoices } from './delete-plan';
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

export function DeleteSnapshotDialog({ host, uri, uuid, vmName, snapshot, all, descendants, onClose }: DeleteSnapshotDialogProps) {
  const remove = useDeleteSnapshot(host, uuid);
  const choices = scopeChoices(snapshot, descendants);
  const [scope, setScope] = useState<DeleteScope>(() => choices.find((c) => c.problem === null)?.value ?? 'metadata');
  const chosen = choices.find((c) => c.value === scope);

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
        {choices.map((c) => (
          <label key={c.value} className={`flex items-start gap-2 ${c.problem === null ? '' : 'opacity-60'}`}>
            <input
              type="radio"
              name="snapshot-delete-scope"
              id={`snapshot-delete-scope-${c.value}`}
              className="mt-1"
              checked={scope === c.value}
              disabled={c.problem !== null}
              onChange={() => setScope(c.value)}
            />
            <span>
              {c.label}
              {c.problem !== null && <span className="block text-xs text-amber-700 dark:text-amber-400">{c.problem}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <div role="note" className="space-y-1 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="snapshot-delete-warning">
        {deleteWarnings(snapshot, all, descendants, scope).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <VirshHint id="snapshot-delete-virsh" command={deleteSnapshotCommand(uri, vmName, snapshot.name, scope)} />
    </ConfirmDialog>
  );
}
