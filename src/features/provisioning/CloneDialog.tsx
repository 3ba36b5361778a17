import { useState } from 'react';
import { useNavigate } from 'react-router';
import { checkVmName } from '../../../common/provisioning.js';
import type { VmSummary } from '../../../common/vms.js';
import { Button, Dialog, ErrorBanner } from '../../lib/ui';
import { Field, inputClass } from './fields';
import { newJobId, useJobSteps } from './events';
import { useClonePreview, useCloneVm } from './queries';
import { useVmAction } from '../vms/queries';

const RUNNING = new Set(['running', 'blocked', 'shutdown', 'pmsuspended']);

export function CloneDialog({ host, uri, vm, open, onClose }: { host: string; uri: string; vm: VmSummary; open: boolean; onClose: () => void }) {
  const [name, setName] = useState(`${vm.name}-clone`);
  const [job, setJob] = useState(newJobId);
  const clone = useCloneVm(host, vm.uuid);
  const action = useVmAction(host);
  const steps = useJobSteps(job);
  const navigate = useNavigate();
  const problem = checkVmName(name);
  const running = RUNNING.has(vm.state);
  // The MACs shown are the MACs the clone gets: the first preview's, kept while the name changes.
  const [macs, setMacs] = useState<string[] | undefined>();
  const preview = useClonePreview(host, vm.uuid, name, macs, open && problem === null && !running);
  const previewMacs = preview.data?.macs;
  if (macs === undefined && previewMacs !== undefined) setMacs(previewMacs);
  const close = () => {
    clone.reset();
    setJob(newJobId());
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={`Clone “${vm.name}”`}
      onClose={close}
      id="clone-dialog"
      footer={
        <>
          <Button onClick={close} id="clone-cancel">
            Cancel
          </Button>
          <Button
            variant="primary"
            id="clone-ok"
            busy={clone.isPending}
            disabled={problem !== null || running || (macs === undefined && preview.isFetching)}
            onClick={() =>
              clone.mutate(
                { name, job, ...(macs === undefined ? {} : { macs }) },
                {
                  onSuccess: (result) => {
                    close();
                    void navigate(`/hosts/${encodeURIComponent(host)}/vms/${result.uuid}`);
                  },
                },
              )
            }
          >
            Clone
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {running && (
          <div id="clone-running" className="space-y-2 rounded bg-amber-50 p-2 text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            <p>“{vm.name}” is running: shut it down or pause it first, or its disks change while they are copied.</p>
            <div className="flex gap-2">
              <Button size="sm" id="clone-shutdown" busy={action.isPending && action.variables.action === 'shutdown'} onClick={() => action.mutate({ uuid: vm.uuid, action: 'shutdown' })}>
                Shut down
              </Button>
              <Button size="sm" id="clone-pause" busy={action.isPending && action.variables.action === 'suspend'} onClick={() => action.mutate({ uuid: vm.uuid, action: 'suspend' })}>
                Pause
              </Button>
            </div>
            {action.error !== null && <ErrorBanner error={action.error} title="That did not work" />}
          </div>
        )}
        <Field label="Name of the clone" htmlFor="clone-name" hint={problem ?? undefined}>
          <input id="clone-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <p className="text-xs text-zinc-500">
          The clone gets a new UUID and new MAC addresses. Every writable disk is copied into a new volume in the same pool; CD-ROMs and shareable disks stay shared. The original is not changed.
        </p>
        {macs !== undefined && macs.length > 0 && (
          <p className="text-xs" id="clone-macs">
            New MAC{macs.length === 1 ? '' : 's'}:{' '}
            {macs.map((m) => (
              <code key={m} className="mr-2 font-mono select-all" data-testid="clone-mac">
                {m}
              </code>
            ))}
          </p>
        )}
        {preview.error !== null && <ErrorBanner id="clone-preview-error" error={preview.error} title="This clone cannot be made as it is" />}
        <p className="font-mono text-xs text-zinc-500 select-all" data-testid="virsh-command">
          virt-clone --connect {uri} --original {vm.name} --name {name}
          {macs === undefined ? '' : macs.map((m) => ` --mac ${m}`).join('')} --auto-clone
        </p>
        {steps.length > 0 && (
          <ul id="clone-progress" className="space-y-0.5 text-xs" aria-live="polite">
            {steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        )}
        {clone.error !== null && <ErrorBanner id="clone-error" error={clone.error} title="The clone was not made" />}
      </div>
    </Dialog>
  );
}
