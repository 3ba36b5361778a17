import { useState } from 'react';
import type { VmSummary } from '../../../common/vms.js';
import { ConfirmDialog } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useDiscardSavedState } from './queries';
import { virshForDiscardSavedState } from './virsh';

/** A VM with a managed-save image: Start restores it; "Discard saved state" (virsh managedsave-remove) drops it. */
export function SavedStateNotice({ host, uri, vm }: { host: string; uri: string; vm: VmSummary }) {
  const [confirming, setConfirming] = useState(false);
  const discard = useDiscardSavedState(host);
  if (!vm.managedSave) return null;
  const virsh = virshForDiscardSavedState(uri, vm.name);
  return (
    <div id="vm-saved-state" role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/40">
      <p className="min-w-0 flex-1" id="vm-saved-note">
        <span className="font-semibold">Saved state: </span>
        libvirt keeps this VM&apos;s memory and device state on disk. Start restores it exactly where it was saved.
      </p>
      <GuardedButton privilege="vm.power" path={acl.vm(host, vm.uuid)} id="vm-action-discard-saved" size="sm" variant="danger" title={virsh} onClick={() => setConfirming(true)}>
        Discard saved state…
      </GuardedButton>
      {confirming && (
        <ConfirmDialog
          id="confirm-discard-saved"
          open
          danger
          title={`Discard the saved state of “${vm.name}”?`}
          confirmLabel="Discard saved state"
          busy={discard.isPending}
          error={discard.error}
          onConfirm={() => discard.mutate(vm.uuid, { onSuccess: () => setConfirming(false) })}
          onCancel={() => {
            setConfirming(false);
            discard.reset();
          }}
        >
          <p>
            The saved memory is deleted: every program that was running in the guest, its open files and sessions, and anything not yet
            written to its disks are lost. The next Start boots the guest afresh, as after pulling the plug.
          </p>
          <p className="font-mono text-xs select-all" data-testid="virsh-command">
            {virsh}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
