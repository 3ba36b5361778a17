import { useState } from 'react';
import { useHosts } from '../../app/hosts';
import { ErrorBanner } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import type { ConsoleKind, PaneTarget } from './layout';
import { useVmList } from './queries';

export interface PanePickerProps {
  paneId: string;
  defaultHost: string;
  onPick: (target: PaneTarget) => void;
}

/** An empty pane: choose a VM (on any configured host) and the console type. */
export function PanePicker({ paneId, defaultHost, onPick }: PanePickerProps) {
  const { data: hosts } = useHosts();
  const [host, setHost] = useState(defaultHost);
  const [uuid, setUuid] = useState('');
  const [kind, setKind] = useState<ConsoleKind>('serial');
  const vms = useVmList(host);
  const list = vms.data?.vms ?? [];
  const chosen = list.find((vm) => vm.uuid === uuid) ?? list[0];
  const id = `console-${paneId}-picker`;
  const field = 'rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700';

  return (
    <form
      id={id}
      data-testid="console-picker"
      className="flex h-full flex-col items-center justify-center gap-3 p-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== undefined) onPick({ host, uuid: chosen.uuid, name: chosen.name, kind });
      }}
    >
      <p className="text-zinc-600 dark:text-zinc-400">Open a console in this pane</p>
      <div className="flex flex-wrap items-center justify-center gap-2">
        <select id={`${id}-host`} aria-label="Host" className={field} value={host} onChange={(e) => { setHost(e.target.value); setUuid(''); }}>
          {(hosts?.hosts ?? [{ id: defaultHost }]).map((h) => <option key={h.id} value={h.id}>{h.id}</option>)}
        </select>
        <select id={`${id}-vm`} aria-label="Virtual machine" className={field} value={chosen?.uuid ?? ''} onChange={(e) => setUuid(e.target.value)} disabled={list.length === 0}>
          {list.length === 0 && <option value="">{vms.isPending ? 'Loading…' : 'No VMs'}</option>}
          {list.map((vm) => <option key={vm.uuid} value={vm.uuid}>{`${vm.name} (${vm.state})`}</option>)}
        </select>
        <select id={`${id}-kind`} aria-label="Console type" className={field} value={kind} onChange={(e) => setKind(e.target.value === 'vnc' ? 'vnc' : 'serial')}>
          <option value="serial">Serial</option>
          <option value="vnc">Display (VNC)</option>
        </select>
        <GuardedButton privilege="vm.console" path={acl.vm(host, chosen?.uuid ?? '')} type="submit" variant="primary" id={`${id}-open`} disabled={chosen === undefined}>
          Open
        </GuardedButton>
      </div>
      {vms.error && <ErrorBanner error={vms.error} />}
    </form>
  );
}
