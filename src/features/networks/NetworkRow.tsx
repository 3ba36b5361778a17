import { useState } from 'react';
import type { NetworkSummary } from '../../../common/networks.js';
import { ApiError } from '../../lib/api';
import { Badge, Button, ConfirmDialog, Switch, VirshHint } from '../../lib/ui';
import { acl, useCan } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useNetworkAction, type NetworkAction } from './queries';
import { virshForNetworkAction } from './virsh';

const MODE_NAMES: Record<string, string> = { nat: 'NAT', route: 'Routed', isolated: 'Isolated', open: 'Open', bridge: 'Bridge' };

type Confirm = 'stop' | 'delete' | undefined;

export function NetworkRow({ host, network, selected, onSelect }: { host: string; network: NetworkSummary; selected: boolean; onSelect: () => void }) {
  const guard = { privilege: 'network.edit', path: acl.network(host, network.name) } as const;
  const edit = useCan(guard.privilege, guard.path);
  const action = useNetworkAction(host);
  const [confirm, setConfirm] = useState<Confirm>(undefined);
  const [lastAction, setLastAction] = useState<NetworkAction | undefined>(undefined);
  const n = network;
  const id = `network-${n.name}`;
  const dhcpRanges = n.ips.flatMap((ip) => ip.dhcpRanges.map((r) => `${r.start} – ${r.end}`));
  const staticHosts = n.ips.reduce((sum, ip) => sum + ip.hosts.length, 0);
  const affectedVms = n.usedBy.map((u) => ({ name: u.name, running: u.active }));
  const run = (a: NetworkAction, after?: () => void) => {
    setLastAction(a);
    action.mutate({ name: n.name, action: a }, { onSuccess: () => after?.() });
  };
  const busy = (a: NetworkAction) => action.isPending && lastAction === a;

  return (
    <>
      <tr id={id} data-testid="network-row" className={`border-b border-zinc-100 dark:border-zinc-800 ${selected ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}>
        <td className="py-2 pr-3">
          <button type="button" className="font-medium text-sky-700 hover:underline dark:text-sky-400" onClick={onSelect} aria-expanded={selected} id={`${id}-open`}>
            {n.name}
          </button>
        </td>
        <td className="pr-3">
          <Badge tone={n.active ? 'green' : 'gray'} data-testid="network-state">{n.active ? 'active' : 'inactive'}</Badge>
          {!n.persistent && <Badge tone="yellow" title="Gone once stopped: libvirt keeps no definition">transient</Badge>}
        </td>
        <td className="pr-3 text-sm" data-testid="network-autostart">{n.autostart ? 'yes' : 'no'}</td>
        <td className="pr-3 text-sm">{MODE_NAMES[n.forwardMode] ?? n.forwardMode}{n.forwardDev === undefined ? '' : ` via ${n.forwardDev}`}</td>
        <td className="pr-3 font-mono text-xs">{n.bridge ?? '—'}</td>
        <td className="pr-3 font-mono text-xs" data-testid="network-cidrs">{n.ips.length === 0 ? '—' : n.ips.map((ip) => <div key={`${ip.family}-${ip.address}`}>{ip.cidr}</div>)}</td>
        <td className="pr-3 font-mono text-xs">{dhcpRanges.length === 0 ? '—' : dhcpRanges.map((r) => <div key={r}>{r}</div>)}</td>
        <td className="pr-3 text-sm" data-testid="network-leases">{n.active ? n.leases.length : '—'}</td>
        <td className="pr-3 text-sm">{n.usedBy.length === 0 ? '—' : n.usedBy.map((u) => (u.active ? u.name : `${u.name} (off)`)).join(', ')}</td>
        <td className="py-2">
          <div className="flex flex-wrap gap-1">
            {n.active ? (
              <GuardedButton {...guard} size="sm" onClick={() => setConfirm('stop')} id={`${id}-stop`} busy={busy('stop')}>Stop</GuardedButton>
            ) : (
              <GuardedButton {...guard} size="sm" onClick={() => run('start')} id={`${id}-start`} busy={busy('start')}>Start</GuardedButton>
            )}
            <Switch
              label="Autostart"
              checked={n.autostart}
              onChange={(on) => run(on ? 'autostart-on' : 'autostart-off')}
              id={`${id}-autostart`}
              busy={busy('autostart-on') || busy('autostart-off')}
              disabled={!edit.allowed}
              title={edit.disabledReason ?? virshForNetworkAction(n.name, n.autostart ? 'autostart-off' : 'autostart-on')}
            />
            <GuardedButton {...guard} size="sm" variant="danger" onClick={() => setConfirm('delete')} id={`${id}-delete`}>Delete</GuardedButton>
          </div>
          {action.error !== null && confirm === undefined && (
            <p className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-400" role="alert" data-testid="network-action-error">
              {action.error.message}
            </p>
          )}
        </td>
      </tr>
      <ConfirmDialog
        open={confirm === 'stop'}
        title={`Stop network ${n.name}?`}
        confirmLabel="Stop network"
        danger
        busy={busy('stop')}
        error={confirm === 'stop' ? action.error : undefined}
        onCancel={() => { setConfirm(undefined); action.reset(); }}
        onConfirm={() => run('stop', () => setConfirm(undefined))}
        id={`${id}-stop-dialog`}
        affected={{ vms: affectedVms, running: 'loses its network connection on it at once', stopped: 'cannot start until the network is started again' }}
      >
        <p>The bridge {n.bridge ?? ''} goes away and DHCP/DNS for the network stop.</p>
        {action.error instanceof ApiError && action.error.code === 'NETWORK_IN_USE' && (
          <Button variant="danger" size="sm" onClick={() => run('stop-force', () => setConfirm(undefined))} busy={busy('stop-force')} id={`${id}-stop-force`}>
            Stop anyway: those VMs lose the network
          </Button>
        )}
        <VirshHint command={virshForNetworkAction(n.name, 'stop')} />
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={`Delete network ${n.name}?`}
        confirmLabel="Delete network"
        danger
        busy={busy('delete')}
        error={confirm === 'delete' ? action.error : undefined}
        onCancel={() => { setConfirm(undefined); action.reset(); }}
        onConfirm={() => run('delete', () => setConfirm(undefined))}
        id={`${id}-delete-dialog`}
        affected={{
          vms: affectedVms,
          running: 'loses its network connection on it at once, and its NIC points at a network that no longer exists',
          stopped: 'keeps a NIC pointing at it and cannot start until a network of that name is back',
        }}
      >
        <p>
          The network is {n.active ? 'stopped and ' : ''}removed from libvirt for good: its configuration
          {n.ips.length === 0 ? '' : ` (${n.ips.map((ip) => ip.cidr).join(', ')}, ${staticHosts} static host${staticHosts === 1 ? '' : 's'})`} is lost.
        </p>
        <VirshHint command={virshForNetworkAction(n.name, 'delete')} />
      </ConfirmDialog>
    </>
  );
}
