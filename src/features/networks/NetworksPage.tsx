import { useState } from 'react';
import { useHostId } from '../../app/hosts';
import { ErrorBanner, LoadingState } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkDetails } from './NetworkDetails';
import { NetworkRow } from './NetworkRow';
import { useNetworks } from './queries';

const HEADERS = ['Name', 'State', 'Autostart', 'Mode', 'Bridge', 'IP networks', 'DHCP ranges', 'Leases', 'Used by', 'Actions'];

export function NetworksPage() {
  const host = useHostId();
  const { data, error, isPending, refetch } = useNetworks(host);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const networks = data?.networks ?? [];
  const current = networks.find((n) => n.name === selected);

  return (
    <section className="p-6" id="networks-page">
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-xl font-semibold">Virtual networks</h1>
        <GuardedButton privilege="network.edit" path={acl.host(host)} variant="primary" onClick={() => setCreating(true)} id="network-create">
          Create network
        </GuardedButton>
      </div>
      {isPending && <LoadingState label="Reading networks…" />}
      {error !== null && <ErrorBanner error={error} title="Cannot list networks" onRetry={() => void refetch()} id="networks-error" />}
      {data !== undefined && (
        networks.length === 0 ? (
          <p className="text-sm text-zinc-500">This host has no virtual networks.</p>
        ) : (
          <div className="overflow-x-auto">
            <table id="networks-table" className="w-full text-left">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
                <tr>{HEADERS.map((h) => <th key={h} className="py-1.5 pr-3 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody>
                {networks.map((n) => (
                  <NetworkRow key={n.name} host={host} network={n} selected={n.name === selected} onSelect={() => setSelected(n.name === selected ? undefined : n.name)} />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {current !== undefined && <NetworkDetails host={host} network={current} />}
      {creating && <CreateNetworkDialog host={host} open={creating} onClose={() => setCreating(false)} existing={networks} />}
    </section>
  );
}
