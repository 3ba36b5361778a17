import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useHostId, useHostSummary } from '../../app/hosts';
import { ApiError } from '../../lib/api';
import { ErrorBanner, LoadingState, Tabs } from '../../lib/ui';
import { useGoneVms, useVm } from './queries';
import { SavedStateNotice } from './SavedStateNotice';
import { TransientNotice } from './TransientNotice';
import { StateBadge } from './StateBadge';
import { vmTabs } from './tabs';
import { VmActions } from './VmActions';
import { VmProvisioningActions } from '../provisioning/VmProvisioningActions';

export function VmPage() {
  const host = useHostId();
  const { uuid = '', tab = 'overview' } = useParams();
  const navigate = useNavigate();
  const uri = useHostSummary(host)?.uri ?? '';
  const { data: vm, error, isPending, refetch } = useVm(host, uuid);
  const gone = useGoneVms(host).find((g) => g.uuid === uuid);
  const listPath = `/hosts/${encodeURIComponent(host)}/vms`;
  const current = vmTabs.find((t) => t.id === tab);
  if (current === undefined) return <Navigate to={`${listPath}/${uuid}`} replace />;

  return (
    <section className="space-y-4 p-6" id="vm-page" data-uuid={uuid}>
      <nav className="text-sm">
        <Link to={listPath} className="text-sky-700 hover:underline dark:text-sky-400" id="vm-back">
          ← Virtual machines
        </Link>
      </nav>
      {gone !== undefined && (
        <div id="vm-gone" role="status" className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          <p className="font-semibold">“{gone.name}” stopped and is gone</p>
          <p>It was a transient VM: libvirt kept no configuration for it, so it no longer exists on this host.</p>
        </div>
      )}
      {gone === undefined && isPending && <LoadingState label="Loading the VM…" />}
      {gone === undefined &&
        error !== null &&
        (error instanceof ApiError && error.status === 404 ? (
          <ErrorBanner id="vm-missing" error={error} title="This VM no longer exists on this host" />
        ) : (
          <ErrorBanner error={error} title="Cannot load this VM" onRetry={() => void refetch()} />
        ))}
      {gone === undefined && vm !== undefined && (
        <>
          <header className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold break-all" id="vm-name">
              {vm.name}
            </h1>
            <StateBadge state={vm.state} id="vm-state" saved={vm.managedSave} {...(vm.stateReason === undefined ? {} : { reason: vm.stateReason })} />
            {vm.title !== undefined && <span className="text-sm text-zinc-500">{vm.title}</span>}
          </header>
          <TransientNotice host={host} uri={uri} vm={vm} />
          <SavedStateNotice host={host} uri={uri} vm={vm} />
          <VmActions host={host} uri={uri} vm={vm} idPrefix="vm-action" />
          <VmProvisioningActions host={host} uri={uri} vm={vm} />
          <Tabs
            items={vmTabs}
            value={current.id}
            idPrefix="vm"
            label="VM sections"
            onChange={(id) => void navigate(`${listPath}/${uuid}${id === 'overview' ? '' : `/${id}`}`)}
          />
          <div role="tabpanel" id={`vm-panel-${current.id}`} aria-labelledby={`vm-tab-${current.id}`}>
            <current.Component host={host} vm={vm} />
          </div>
        </>
      )}
    </section>
  );
}
