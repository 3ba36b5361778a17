import { useState } from 'react';
import { virshDetachInterface, type HardwareView, type HwNic } from '../../../common/hardware.js';
import { Badge, ConfirmDialog, ErrorBanner, VirshHint } from '../../lib/ui';
import { AddNicDialog } from './AddNicDialog';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useHardwareChange } from './queries';
import { whereText } from './where';

export function NicsSection({ host, hw, onDone }: { host: string; hw: HardwareView; onDone: (virsh: string, summary: string) => void }) {
  const change = useHardwareChange(host, hw.uuid);
  const guard = { privilege: 'vm.config', path: acl.vm(host, hw.uuid) } as const;
  const [adding, setAdding] = useState(false);
  const [detaching, setDetaching] = useState<HwNic | undefined>(undefined);
  const done = (virsh: string, summary: string) => {
    setAdding(false);
    setDetaching(undefined);
    change.reset();
    onDone(virsh, summary);
  };
  return (
    <section aria-labelledby="hw-nics-title" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="hw-nics-title" className="text-sm font-semibold">Network interfaces</h2>
        <GuardedButton {...guard} size="sm" onClick={() => setAdding(true)} id="hw-nic-add">Add NIC</GuardedButton>
      </div>
      {hw.interfaces.length === 0 ? (
        <p className="text-sm text-zinc-500">No NICs.</p>
      ) : (
        <table id="hw-nics" className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
            <tr><th className="pr-3">MAC</th><th className="pr-3">Type</th><th className="pr-3">Source</th><th className="pr-3">Model</th><th className="pr-3">Device</th><th className="pr-3">Link</th><th className="pr-3">Where</th><th>Actions</th></tr>
          </thead>
          <tbody>
            {hw.interfaces.map((i) => {
              const id = `hw-nic-${i.mac.replaceAll(':', '')}`;
              return (
                <tr key={i.mac} id={id} data-testid="hw-nic" className="border-b border-zinc-100 dark:border-zinc-800">
                  <td className="pr-3 font-mono text-xs">{i.mac}</td>
                  <td className="pr-3">{i.type}</td>
                  <td className="pr-3">{i.source ?? '—'}</td>
                  <td className="pr-3">{i.model ?? '—'}</td>
                  <td className="pr-3 font-mono text-xs">{i.targetDev ?? '—'}</td>
                  <td className="pr-3"><Badge tone={i.link === 'up' ? 'green' : 'yellow'}>{i.link}</Badge></td>
                  <td className="pr-3 text-xs">{whereText(i.live, i.config, hw.active)}</td>
                  <td className="py-1">
                    <div className="flex gap-1">
                      <GuardedButton
                        {...guard}
                        size="sm"
                        id={`${id}-link`}
                        busy={change.isPending && change.variables.path[2] === 'link' && change.variables.path[1] === i.mac}
                        onClick={() => change.mutate({ method: 'put', path: ['interfaces', i.mac, 'link'], body: { state: i.link === 'up' ? 'down' : 'up' } }, { onSuccess: (r) => onDone(r.virsh, r.summary) })}
                      >
                        {i.link === 'up' ? 'Link down' : 'Link up'}
                      </GuardedButton>
                      <GuardedButton {...guard} size="sm" variant="danger" onClick={() => setDetaching(i)} id={`${id}-detach`}>Detach</GuardedButton>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {change.error !== null && detaching === undefined && <ErrorBanner error={change.error} title="libvirt refused the change" />}
      {adding && <AddNicDialog host={host} hw={hw} onClose={() => setAdding(false)} onDone={done} />}
      {detaching !== undefined && (
        <ConfirmDialog
          open
          title={`Detach NIC ${detaching.mac}?`}
          confirmLabel="Detach"
          danger
          busy={change.isPending}
          error={change.error}
          onCancel={() => { setDetaching(undefined); change.reset(); }}
          onConfirm={() => change.mutate({ method: 'delete', path: ['interfaces', detaching.mac] }, { onSuccess: (r) => done(r.virsh, r.summary) })}
          id="hw-nic-confirm"
        >
          <p>The VM loses this NIC ({detaching.source ?? detaching.type}) {whereText(detaching.live, detaching.config, hw.active).toLowerCase()}; connections over it drop and its MAC is forgotten.</p>
          <VirshHint command={virshDetachInterface(hw.name, detaching.type, detaching.mac, detaching.live, detaching.config)} />
        </ConfirmDialog>
      )}
    </section>
  );
}
