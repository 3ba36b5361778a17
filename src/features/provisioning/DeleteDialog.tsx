import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DeleteVmResult } from '../../../common/provisioning.js';
import type { VmSummary } from '../../../common/vms.js';
import { Button, Dialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { BackingDependants } from '../storage/BackingDependants';
import { useDeletePlan, useDeleteVm } from './queries';

export function DeleteDialog({ host, uri, vm, open, onClose }: { host: string; uri: string; vm: VmSummary; open: boolean; onClose: () => void }) {
  const plan = useDeletePlan(host, vm.uuid, open);
  const del = useDeleteVm(host, vm.uuid);
  const navigate = useNavigate();
  // undefined until the user changes a checkbox: the plan's defaults (own writable volumes) apply.
  const [picked, setChecked] = useState<Set<string> | undefined>();
  const [snapshots, setSnapshots] = useState(true);
  const [managedSave, setManagedSave] = useState(true);
  const [nvram, setNvram] = useState(true);
  const [force, setForce] = useState(false);
  const [breakDependants, setBreakDependants] = useState(false);
  const [done, setDone] = useState<DeleteVmResult | undefined>();

  const checked = picked ?? new Set((plan.data?.disks ?? []).filter((d) => d.defaultChecked && d.path !== undefined).map((d) => d.path ?? ''));

  const close = () => {
    del.reset();
    setDone(undefined);
    setForce(false);
    onClose();
    if (done !== undefined) void navigate(`/hosts/${encodeURIComponent(host)}/vms`);
  };
  const p = plan.data;
  const active = p?.active === true;
  const volumes = [...checked];
  // Volumes of other VMs or pools whose backing file is a checked disk: they break, and the delete needs an explicit yes.
  const breaking = (p?.disks ?? []).filter((d) => d.path !== undefined && checked.has(d.path)).flatMap((d) => d.dependants).filter((dep) => !checked.has(dep.path));
  const virsh = `virsh -c ${uri} undefine ${vm.name}${p !== undefined && p.snapshots > 0 ? ' --snapshots-metadata' : ''}${p?.managedSave === true ? ' --managed-save' : ''}${p?.nvram !== undefined && nvram ? ' --nvram' : ''}${volumes.length > 0 ? ` --storage ${volumes.join(',')}` : ''}`;

  return (
    <Dialog
      open={open}
      title={`Delete “${vm.name}”?`}
      onClose={close}
      id="delete-dialog"
      wide
      footer={
        done !== undefined ? (
          <Button variant="primary" onClick={close} id="delete-done">
            Close
          </Button>
        ) : (
          <>
            <Button onClick={close} id="delete-cancel" autoFocus>
              Cancel
            </Button>
            <Button
              variant="danger"
              id="delete-ok"
              busy={del.isPending}
              disabled={p === undefined || (active && !force) || (breaking.length > 0 && !breakDependants)}
              onClick={() => del.mutate({ volumes, snapshots, managedSave, nvram, force, breakDependants: breaking.length > 0 && breakDependants }, { onSuccess: setDone })}
            >
              {active ? 'Force off and delete' : 'Delete'}
            </Button>
          </>
        )
      }
    >
      {plan.isPending && <LoadingState label="Reading the VM's disks…" />}
      {plan.error !== null && <ErrorBanner error={plan.error} title="Cannot read the VM's disks" />}
      {p !== undefined && done === undefined && (
        <div className="space-y-3">
          <p>The VM definition is removed. Checked volumes are deleted with their data; unchecked ones stay in their pools.</p>
          <table className="w-full text-xs" id="delete-disks">
            <thead>
              <tr className="text-left text-zinc-500">
                <th className="py-1">Delete</th>
                <th>Disk</th>
                <th>Source</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.disks.map((d) => {
                const key = d.path ?? d.source ?? d.target;
                const shared = d.readonlyOrShared || d.sharedWith.length > 0;
                return (
                  <tr key={d.target} data-target={d.target} data-testid="delete-disk">
                    <td className="py-1">
                      <input
                        type="checkbox"
                        id={`delete-disk-${d.target}`}
                        aria-label={`Delete ${key}`}
                        disabled={!d.deletable || d.path === undefined}
                        checked={d.path !== undefined && checked.has(d.path)}
                        onChange={(e) =>
                          setChecked(() => {
                            const next = new Set(checked);
                            if (e.target.checked) next.add(d.path ?? '');
                            else next.delete(d.path ?? '');
                            return next;
                          })
                        }
                      />
                    </td>
                    <td>
                      {d.target} ({d.device})
                    </td>
                    <td className="font-mono break-all">{key}</td>
                    <td>
                      {shared && (
                        <span className="rounded bg-amber-100 px-1 text-amber-800 dark:bg-amber-900 dark:text-amber-200" data-testid="shared-mark">
                          {d.sharedWith.length > 0 ? `shared with ${d.sharedWith.join(', ')}` : d.device === 'cdrom' ? 'ISO / CD-ROM' : 'read-only or shareable'}
                        </span>
                      )}
                      {!d.deletable && <span className="text-zinc-500"> not a pool volume</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {breaking.length > 0 && (
            <BackingDependants id="delete-dependants" dependants={breaking} what="A checked disk is the backing file of" checked={breakDependants} onChecked={setBreakDependants} />
          )}
          {p.snapshots > 0 && (
            <label className="flex items-center gap-2" htmlFor="delete-snapshots">
              <input id="delete-snapshots" type="checkbox" checked={snapshots} onChange={(e) => setSnapshots(e.target.checked)} />
              Remove the metadata of its {p.snapshots} snapshot(s) (required to delete it)
            </label>
          )}
          {p.managedSave && (
            <label className="flex items-center gap-2" htmlFor="delete-managed-save">
              <input id="delete-managed-save" type="checkbox" checked={managedSave} onChange={(e) => setManagedSave(e.target.checked)} />
              Discard its saved memory state (required to delete it)
            </label>
          )}
          {p.nvram !== undefined && (
            <label className="flex items-center gap-2" htmlFor="delete-nvram">
              <input id="delete-nvram" type="checkbox" checked={nvram} onChange={(e) => setNvram(e.target.checked)} />
              Delete its UEFI variables ({p.nvram})
            </label>
          )}
          {active && (
            <label className="flex items-center gap-2 rounded bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200" htmlFor="delete-force">
              <input id="delete-force" type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              It is running: force it off first (like pulling the plug; unsaved data in the guest is lost)
            </label>
          )}
          <p className="font-mono text-xs text-zinc-500 select-all" data-testid="virsh-command">
            {virsh}
          </p>
          {del.error !== null && <ErrorBanner id="delete-error" error={del.error} title="The VM was not deleted" />}
        </div>
      )}
      {done !== undefined && (
        <div id="delete-result" className="space-y-1">
          <p>
            “{done.name}” was {done.forcedOff ? 'forced off and ' : ''}deleted.
          </p>
          <p>Volumes deleted: {done.removedVolumes.length === 0 ? 'none' : done.removedVolumes.join(', ')}</p>
          {done.keptVolumes.length > 0 && <p>Volumes kept: {done.keptVolumes.join(', ')}</p>}
          {done.snapshotsMetadata > 0 && <p>Snapshot metadata removed: {done.snapshotsMetadata}</p>}
          {done.managedSave && <p>Saved memory state discarded.</p>}
          {done.nvram && <p>UEFI variables deleted.</p>}
          {done.failures.map((f) => (
            <p key={f.path} className="text-red-700 dark:text-red-400">
              Could not delete {f.path}: {f.message}
            </p>
          ))}
        </div>
      )}
    </Dialog>
  );
}
