import type { NetworkSummary } from '../../../common/networks.js';
import { formatEpochSeconds } from '../../lib/date';
import { Button, ErrorBanner, LoadingState, VirshHint } from '../../lib/ui';
import { FAMILY_NAMES, IpBlocks } from './IpBlocks';
import { useNetwork } from './queries';
import { virshForNetworkAction } from './virsh';

export function NetworkDetails({ host, network }: { host: string; network: NetworkSummary }) {
  const { data, error, isPending, refetch, isFetching } = useNetwork(host, network.name);
  const leases = data?.leases ?? network.leases;
  return (
    <section id="network-details" className="mt-6 space-y-4" aria-label={`Network ${network.name}`}>
      <h2 className="text-lg font-semibold">{network.name}</h2>
      <div>
        <div className="mb-1 flex items-center gap-3">
          <h3 className="text-sm font-semibold">DHCP leases</h3>
          {/* dnsmasq hands out leases without any libvirt event, so they are read on request. */}
          <Button size="sm" variant="ghost" onClick={() => void refetch()} busy={isFetching} id="network-leases-refresh">Refresh</Button>
        </div>
        {!network.active ? (
          <p className="text-sm text-zinc-500">The network is not running.</p>
        ) : leases.length === 0 ? (
          <p className="text-sm text-zinc-500">No leases.</p>
        ) : (
          <table id="network-leases" className="text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr><th className="pr-4">VM</th><th className="pr-4">Family</th><th className="pr-4">MAC</th><th className="pr-4">Address</th><th className="pr-4">Host name</th><th className="pr-4">Client id</th><th>Expires</th></tr>
            </thead>
            <tbody>
              {leases.map((l) => (
                <tr key={`${l.family}-${l.ip}`} data-testid="network-lease">
                  <td className="pr-4">{l.vm?.name ?? '—'}</td>
                  <td className="pr-4">{FAMILY_NAMES[l.family]}</td>
                  <td className="pr-4 font-mono text-xs">{l.mac ?? '—'}</td>
                  <td className="pr-4 font-mono text-xs">{l.ip}/{l.prefix}</td>
                  <td className="pr-4">{l.hostname ?? '—'}</td>
                  <td className="pr-4 font-mono text-xs">{l.clientId === undefined ? '—' : `${l.clientId}${l.iaid === undefined ? '' : ` (IAID ${l.iaid})`}`}</td>
                  <td>{formatEpochSeconds(l.expiry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <VirshHint command={virshForNetworkAction(network.name, 'leases')} />
      </div>
      <IpBlocks ips={network.ips} />
      <div>
        <h3 className="mb-1 text-sm font-semibold">XML</h3>
        {isPending && <LoadingState label="Reading the network XML…" />}
        {error !== null && <ErrorBanner error={error} title="Cannot read the network" />}
        {data !== undefined && (
          <pre id="network-xml" className="max-h-96 overflow-auto rounded bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900">{data.xml}</pre>
        )}
        <VirshHint command={virshForNetworkAction(network.name, 'xml')} />
      </div>
    </section>
  );
}
