import type { NetworkIp } from '../../../common/networks.js';

export const FAMILY_NAMES: Record<NetworkIp['family'], string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** Every `<ip>` block of a network with its DHCP ranges, static hosts and network boot settings. */
export function IpBlocks({ ips }: { ips: readonly NetworkIp[] }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold">Addresses</h3>
      {ips.length === 0 ? (
        <p className="text-sm text-zinc-500">No IP addresses: libvirt runs no DHCP or DNS on this network.</p>
      ) : (
        <ul className="space-y-2" id="network-ips">
          {ips.map((ip) => (
            <li key={`${ip.family}-${ip.address}`} data-testid="network-ip" className="text-sm">
              <div>
                <span className="font-medium">{FAMILY_NAMES[ip.family]}</span> <span className="font-mono text-xs">{ip.cidr}</span>, host address{' '}
                <span className="font-mono text-xs">{ip.address}/{ip.prefix}</span>
              </div>
              <div className="ml-4 text-xs text-zinc-600 dark:text-zinc-400">
                {ip.dhcpRanges.length === 0 ? (
                  <div>No DHCP range</div>
                ) : (
                  ip.dhcpRanges.map((r) => (
                    <div key={`${r.start}-${r.end}`} data-testid="network-ip-range">
                      DHCP <span className="font-mono">{r.start} – {r.end}</span>
                    </div>
                  ))
                )}
                {ip.hosts.map((h) => (
                  <div key={`${h.mac ?? h.id ?? h.name ?? ''}-${h.ip ?? ''}`} data-testid="network-ip-host">
                    static <span className="font-mono">{h.mac ?? (h.id === undefined ? '' : `DUID ${h.id}`)}</span>
                    {h.ip === undefined ? '' : ` → `}
                    <span className="font-mono">{h.ip ?? ''}</span>
                    {h.name === undefined ? '' : ` (${h.name})`}
                  </div>
                ))}
                {ip.tftpRoot !== undefined && <div>TFTP root <span className="font-mono">{ip.tftpRoot}</span></div>}
                {ip.bootFile !== undefined && (
                  <div>
                    Boot file <span className="font-mono">{ip.bootFile}</span>
                    {ip.bootServer === undefined ? '' : ` from ${ip.bootServer}`}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
