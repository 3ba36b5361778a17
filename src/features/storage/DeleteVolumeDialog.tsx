import { useState } from 'react';
import type { VolumeSummary } from '../../../common/storage.js';
import { formatBytes } from '../../../common/format.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { ConfirmDialog, ErrorBanner, VirshHint } from '../../lib/ui';
import { BackingDependants } from './BackingDependants';
import { useVolume, useVolumeAction } from './queries';

/**
 * Delete a volume. A volume that others use as their backing file is refused unless the user ticks
 * that they accept what breaks (each dependant named, with its VMs); a disk of a VM says so too.
 */
export function DeleteVolumeDialog({ host, pool, volume, onClose }: { host: string; pool: string; volume: VolumeSummary; onClose: () => void }) {
  const action = useVolumeAction(host, pool);
  const details = useVolume(host, pool, volume.name);
  const [breakThem, setBreakThem] = useState(false);
  const users = volume.usedBy;
  const running = users.filter((u) => u.active);
  const dependants = details.data?.dependants ?? [];
  const loaded = details.data !== undefined || details.error !== null;
  const needsForce = users.length > 0 || dependants.length > 0;
  return (
    <ConfirmDialog
      open
      title={`Delete volume ${volume.name}?`}
      confirmLabel={needsForce ? 'Delete anyway' : 'Delete volume'}
      danger
      busy={action.isPending}
      error={action.error}
      ready={loaded && (dependants.length === 0 || breakThem)}
      onConfirm={() => action.mutate({ vol: volume.name, action: { kind: 'delete', force: needsForce } }, { onSuccess: onClose })}
      onCancel={onClose}
      id="volume-delete-dialog"
    >
      <p>The volume and all data in it ({formatBytes(volume.allocationBytes)} on disk) are deleted for good.</p>
      {details.error !== null && <ErrorBanner error={details.error} title="Cannot tell which volumes are backed by this one" />}
      {users.length > 0 && (
        <p className="font-medium text-red-700 dark:text-red-400" id="volume-delete-users">
          It is a disk of: {users.map((u) => `${u.name}${u.active ? ' (running)' : ''}`).join(', ')}.{' '}
          {running.length > 0 ? "A running VM's disk cannot be deleted; stop the VM first." : 'Those VMs will not start until the disk is removed from them.'}
        </p>
      )}
      {dependants.length > 0 && (
        <BackingDependants
          id="volume-delete-dependants"
          dependants={dependants}
          what={`“${volume.name}” is the backing file of`}
          checked={breakThem}
          onChecked={setBreakThem}
        />
      )}
      <VirshHint command={volumeCommand.delete(pool, volume.name)} />
    </ConfirmDialog>
  );
}
