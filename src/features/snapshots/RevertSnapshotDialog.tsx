import { useState } from 'react';
import type { RevertState, Snapshot } from '../../../common/snapshots.js';
import { ConfirmDialog, VirshHint } from '../../lib/ui';
import { formatEpochSeconds } from '../../lib/date';
import { stateLabel } from './labels';
import { useRevertSnapshot } from './queries';
import { revertSnapshotCommand } from './virsh';

export interface RevertSnapshotDialogProps {
  host: string;
  uri: string;
  uuid: string;
  vmName: string;
  vmState: string;
  snapshot: Snapshot;
  onClose: () => void;
}

const STATE_CHOICES: ReadonlyArray<{ value: RevertState; label: string }> = [
  { value: 'as-taken', label: 'As it was when the snapshot was taken' },
  { value: 'running', label: 'Running' },
  { value: 'paused', label: 'Paused' },
];

export function RevertSnapshotDialog({ host, uri, uuid, vmName, vmState, snapshot, onClose }: RevertSnapshotDialogProps) {
  const revert = useRevertSnapshot(host, uuid);
  const [state, setState] = useState<RevertState>('as-taken');
  const live = vmState === 'running' || vmState === 'paused';
  return (
    <ConfirmDialog
      open
      id="snapshot-revert-dialog"
      title={`Revert ${vmName} to “${snapshot.name}”?`}
      confirmLabel={revert.isPending ? 'Reverting…' : 'Revert'}
      danger
      busy={revert.isPending}
      error={revert.isError ? revert.error : undefined}
      onCancel={onClose}
      onConfirm={() => revert.mutate({ name: snapshot.name, state }, { onSuccess: onClose })}
    >
      <p>This will be lost:</p>
      <ul className="list-disc space-y-1 pl-5" data-testid="snapshot-revert-losses">
        <li>every change to the disks since {formatEpochSeconds(snapshot.creationTime)} that is not in another snapshot;</li>
        {live && (
          <li>
            the VM&apos;s current {vmState} state: memory, open programs and unsaved work. QEMU restarts, so open consoles reconnect.
          </li>
        )}
      </ul>
      <p className="text-xs text-zinc-500">
        The snapshot was {stateLabel(snapshot.state)}
        {snapshot.withMemory ? ' and holds the memory state.' : ' and holds the disks only; the VM boots from them.'}
      </p>
      <fieldset>
        <legend className="mb-1 font-medium">Leave the VM</legend>
        {STATE_CHOICES.map((c) => (
          <label key={c.value} className="flex items-center gap-2">
            <input type="radio" name="snapshot-revert-state" id={`snapshot-revert-state-${c.value}`} checked={state === c.value} onChange={() => setState(c.value)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      <VirshHint id="snapshot-revert-virsh" command={revertSnapshotCommand(uri, vmName, snapshot.name, state)} />
    </ConfirmDialog>
  );
}
