import { useState } from 'react';
import type { VmSummary } from '../../../common/vms.js';
import { ErrorBanner } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { CloneDialog } from './CloneDialog';
import { DeleteDialog } from './DeleteDialog';
import { useSaveVm } from './queries';

/** Clone, Save state (managed save) and Delete for the VM page. */
export function VmProvisioningActions({ host, uri, vm }: { host: string; uri: string; vm: VmSummary }) {
  const [dialog, setDialog] = useState<'clone' | 'delete' | undefined>();
  const save = useSaveVm(host);
  const canSave = vm.state === 'running' || vm.state === 'paused';
  const vmPath = acl.vm(host, vm.uuid);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={`Provisioning for ${vm.name}`}>
        <GuardedButton
          privilege="vm.power"
          path={vmPath}
          id="vm-action-save"
          disabled={!canSave}
          busy={save.isPending}
          title={
            canSave
              ? `Saves the VM's memory and device state to disk and stops it; Start resumes it exactly where it was (virsh -c ${uri} managedsave ${vm.name})`
              : 'Only a running or paused VM can have its state saved'
          }
          onClick={() => save.mutate(vm.uuid)}
        >
          Save state
        </GuardedButton>
        <GuardedButton privilege="vm.create" path={acl.host(host)} id="vm-action-clone" onClick={() => setDialog('clone')} title={`virt-clone --original ${vm.name} --auto-clone`}>
          Clone…
        </GuardedButton>
        <GuardedButton privilege="vm.delete" path={vmPath} id="vm-action-delete" variant="danger" onClick={() => setDialog('delete')} title={`virsh -c ${uri} undefine ${vm.name}`}>
          Delete…
        </GuardedButton>
      </div>
      {save.error !== null && <ErrorBanner id="vm-save-error" error={save.error} title={`Could not save ${vm.name}`} onRetry={() => save.reset()} />}
      {dialog === 'clone' && <CloneDialog host={host} uri={uri} vm={vm} open onClose={() => setDialog(undefined)} />}
      {dialog === 'delete' && <DeleteDialog host={host} uri={uri} vm={vm} open onClose={() => setDialog(undefined)} />}
    </div>
  );
}
