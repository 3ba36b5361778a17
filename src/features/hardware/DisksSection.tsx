import { useState } from 'react';
import { virshChangeMedia, virshDetachDisk, type HardwareView, type HwDisk } from '../../../common/hardware.js';
import { ConfirmDialog, DiskSource, VirshHint } from '../../lib/ui';
import { AddDiskDialog } from './AddDiskDialog';
import { GrowDiskDialog, InsertMediaDialog } from './DiskDialogs';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useHardwareChange } from './queries';
import { whereText } from './where';

type Open = { kind: 'add' } | { kind: 'detach' | 'insert' | 'grow' | 'eject'; disk: HwDisk } | undefined;

export function DisksSection({ host, hw, onDone }: { host: string; hw: HardwareView; onDone: (virsh: string, summary: string) => void }) {
  const change = useHardwareChange(host, hw.uuid);
  const guard = { privilege: 'vm.config', path: acl.vm(host, hw.uuid) } as const;
  const [open, setOpen] = useState<Open>(undefined);
  const close = () => {
    change.reset();
    setOpen(undefined);
  };
  const done = (virsh: string, summary: string) => {
    close();
    onDone(virsh, summary);
  };
  const disk = open !== undefined && open.kind !== 'add' ? open.disk : undefined;

  return (
    <section aria-labelledby="hw-disks-title" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="hw-disks-title" className="text-sm font-semibold">Disks</h2>
        <GuardedButton {...guard} size="sm" onClick={() => setOpen({ kind: 'add' })} id="hw-disk-add">Add disk</GuardedButton>
      </div>
      <table id="hw-disks" className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr><th className="pr-3">Target</th><th className="pr-3">Device</th><th className="pr-3">Bus</th><th className="pr-3">Source</th><th className="pr-3">Format</th><th className="pr-3">Cache</th><th className="pr-3">Where</th><th>Actions</th></tr>
        </thead>
        <tbody>
          {hw.disks.map((d) => (
            <tr key={d.target} id={`hw-disk-${d.target}`} data-testid="hw-disk" className="border-b border-zinc-100 dark:border-zinc-800">
              <td className="pr-3 font-mono">{d.target}</td>
              <td className="pr-3">{d.device}</td>
              <td className="pr-3">{d.bus ?? '—'}</td>
              <td className="pr-3"><DiskSource source={d.sourceDetail} empty={d.device === 'cdrom' || d.device === 'floppy' ? 'empty' : '—'} /></td>
              <td className="pr-3">{d.format ?? '—'}</td>
              <td className="pr-3">{d.cache ?? 'default'}</td>
              <td className="pr-3 text-xs">{whereText(d.live, d.config, hw.active)}</td>
              <td className="py-1">
                <div className="flex flex-wrap gap-1">
                  {d.device === 'cdrom' && d.source !== undefined && <GuardedButton {...guard} size="sm" onClick={() => setOpen({ kind: 'eject', disk: d })} id={`hw-disk-${d.target}-eject`}>Eject</GuardedButton>}
                  {d.device === 'cdrom' && <GuardedButton {...guard} size="sm" onClick={() => setOpen({ kind: 'insert', disk: d })} id={`hw-disk-${d.target}-insert`}>Insert…</GuardedButton>}
                  {d.device === 'disk' && <GuardedButton {...guard} size="sm" onClick={() => setOpen({ kind: 'grow', disk: d })} id={`hw-disk-${d.target}-grow`}>Grow…</GuardedButton>}
                  <GuardedButton {...guard} size="sm" variant="danger" onClick={() => setOpen({ kind: 'detach', disk: d })} id={`hw-disk-${d.target}-detach`}>Detach</GuardedButton>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open?.kind === 'add' && <AddDiskDialog host={host} hw={hw} onClose={close} onDone={done} />}
      {open?.kind === 'insert' && disk !== undefined && <InsertMediaDialog host={host} hw={hw} disk={disk} onClose={close} onDone={done} />}
      {open?.kind === 'grow' && disk !== undefined && <GrowDiskDialog host={host} hw={hw} disk={disk} onClose={close} onDone={done} />}
      {disk !== undefined && (open?.kind === 'detach' || open?.kind === 'eject') && (
        <ConfirmDialog
          open
          title={open.kind === 'detach' ? `Detach disk ${disk.target}?` : `Eject the media of ${disk.target}?`}
          confirmLabel={open.kind === 'detach' ? 'Detach' : 'Eject'}
          danger={open.kind === 'detach'}
          busy={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() =>
            change.mutate(
              open.kind === 'detach' ? { method: 'delete', path: ['disks', disk.target] } : { method: 'delete', path: ['disks', disk.target, 'media'] },
              { onSuccess: (r) => done(r.virsh, r.summary) },
            )
          }
          id="hw-disk-confirm"
        >
          {open.kind === 'detach' ? (
            <p>
              {disk.target} ({disk.source ?? 'no source'}) is removed from the VM {whereText(disk.live, disk.config, hw.active).toLowerCase()}. The
              volume itself stays in its pool. A running guest loses the disk at once: unmount it inside the guest first.
            </p>
          ) : (
            <p>The guest loses access to {disk.source}; the image stays in its pool.</p>
          )}
          <VirshHint command={open.kind === 'detach' ? virshDetachDisk(hw.name, disk.target, disk.live, disk.config) : virshChangeMedia(hw.name, disk.target, undefined, disk.live, disk.config)} />
        </ConfirmDialog>
      )}
    </section>
  );
}
