import type { VmSummary } from '../../../common/vms.js';
import { ErrorBanner } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { usePersistVm } from './queries';
import { virshForPersist } from './virsh';

/** Says up front that a transient VM disappears when it stops, and offers to keep its configuration. */
export function TransientNotice({ host, uri, vm }: { host: string; uri: string; vm: VmSummary }) {
  const persist = usePersistVm(host);
  if (vm.persistent) return null;
  return (
    <div
      id="vm-transient"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
    >
      <div className="flex flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1">
          <strong>Transient VM.</strong> libvirt keeps no configuration for it: when it stops (shut down or forced off) it disappears
          from this host. Make it persistent to keep it defined after it stops.
        </p>
        <GuardedButton
          privilege="vm.config"
          path={acl.vm(host, vm.uuid)}
          id="vm-make-persistent"
          size="sm"
          busy={persist.isPending}
          title={virshForPersist(uri, vm.name)}
          onClick={() => persist.mutate(vm.uuid)}
        >
          Make persistent
        </GuardedButton>
      </div>
      {persist.error !== null && <ErrorBanner error={persist.error} title={`Could not make ${vm.name} persistent`} id="vm-persist-error" />}
    </div>
  );
}
