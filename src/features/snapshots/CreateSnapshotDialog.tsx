import { useState, type FormEvent } from 'react';
import type { SnapshotCapabilities, SnapshotKind } from '../../../common/snapshots.js';
import { Button, Dialog, ErrorBanner, VirshHint } from '../../lib/ui';
import { useCreateSnapshot } from './queries';
import { createSnapshotCommand } from './virsh';

export interface CreateSnapshotDialogProps {
  host: string;
  uri: string;
  uuid: string;
  vmName: string;
  capabilities: SnapshotCapabilities;
  onClose: () => void;
  onCreated: (name: string) => void;
}

/** libvirt's default name: the Unix time in seconds. */
function defaultName(): string {
  return String(Math.floor(Date.now() / 1000));
}

export function CreateSnapshotDialog({ host, uri, uuid, vmName, capabilities, onClose, onCreated }: CreateSnapshotDialogProps) {
  const create = useCreateSnapshot(host, uuid);
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SnapshotKind | null>(capabilities.defaultKind);
  const [memoryWanted, setMemoryWanted] = useState(true);

  const cap = kind === null ? null : capabilities[kind];
  const memory = cap === null ? false : cap.memory === 'required' || (cap.memory === 'optional' && memoryWanted);
  const both = capabilities.internal.available && capabilities.external.available;
  const missing = (['internal', 'external'] as const).filter((k) => !capabilities[k].available);
  const nameProblem = name === '' ? 'Enter a name.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === null || nameProblem !== null) return;
    create.mutate(
      { name, kind, memory, ...(description === '' ? {} : { description }) },
      { onSuccess: (created) => onCreated(created.name) },
    );
  };

  return (
    <Dialog
      open
      wide
      title={`Take a snapshot of ${vmName}`}
      onClose={onClose}
      id="snapshot-create-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="snapshot-create-cancel">
            Cancel
          </Button>
          <Button
            variant="primary"
            type="submit"
            form="snapshot-create-form"
            busy={create.isPending}
            disabled={kind === null || nameProblem !== null}
            data-testid="snapshot-create-submit"
          >
            {create.isPending ? 'Taking snapshot…' : 'Take snapshot'}
          </Button>
        </>
      }
    >
      <form id="snapshot-create-form" onSubmit={submit} className="space-y-4">
        <label className="block">
          <span className="mb-1 block font-medium">Name</span>
          <input
            id="snapshot-name"
            className="w-full rounded-md border border-zinc-300 px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameProblem !== null}
            aria-describedby="snapshot-name-help"
            autoFocus
            maxLength={200}
          />
          <span id="snapshot-name-help" className="mt-1 block text-xs text-zinc-500">
            {nameProblem ?? "Defaults to the current Unix time, as libvirt names snapshots. No '/', and not starting with '.' or '-'."}
          </span>
        </label>
        <label className="block">
          <span className="mb-1 block font-medium">Description</span>
          <textarea
            id="snapshot-description"
            className="w-full rounded-md border border-zinc-300 px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
            rows={2}
            value={description}
            maxLength={4096}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>

        {kind === null ? (
          <p role="alert" id="snapshot-create-impossible">
            No snapshot is possible for this VM now: {capabilities.internal.reason} {capabilities.external.reason}
          </p>
        ) : (
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium">Kind</legend>
            {both ? (
              (['internal', 'external'] as const).map((k) => (
                <label key={k} className="flex items-start gap-2">
                  <input type="radio" name="snapshot-kind" id={`snapshot-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} className="mt-1" />
                  <span>
                    <span className="font-medium">{k === 'internal' ? 'Internal' : 'External'}</span>
                    <span className="block text-xs text-zinc-500">
                      {k === 'internal'
                        ? 'Stored inside the qcow2 disk image.'
                        : 'The disks continue in new overlay files next to them; the current images become read-only backing files.'}
                      {capabilities[k].revertReason !== null && ` ${capabilities[k].revertReason}`}
                    </span>
                  </span>
                </label>
              ))
            ) : (
              <p id="snapshot-kind-only">
                <span className="font-medium">{kind === 'internal' ? 'Internal' : 'External'}</span>
                {cap?.revertReason !== null && cap?.revertReason !== undefined && <span className="block text-xs text-amber-700 dark:text-amber-400">{cap.revertReason}</span>}
              </p>
            )}
            {missing.map((k) => (
              <p key={k} className="text-xs text-zinc-500" data-testid={`snapshot-kind-missing-${k}`}>
                {k === 'internal' ? 'Internal' : 'External'} snapshots are not offered: {capabilities[k].reason}
              </p>
            ))}
          </fieldset>
        )}

        {cap !== null && (
          <div>
            {cap.memory === 'optional' ? (
              <label className="flex items-center gap-2">
                <input type="checkbox" id="snapshot-memory" checked={memoryWanted} onChange={(e) => setMemoryWanted(e.target.checked)} />
                <span>Include the memory state (RAM is saved too, so running programs are part of the snapshot)</span>
              </label>
            ) : (
              <p className="text-xs text-zinc-500" id="snapshot-memory-note">
                {cap.memory === 'required' ? 'The memory state is included. ' : 'Disks only. '}
                {cap.memoryReason}
              </p>
            )}
          </div>
        )}

        <p className="text-xs text-zinc-500">
          Covers {capabilities.disks.length === 0 ? 'no disks' : capabilities.disks.map((d) => `${d.target} (${d.format || 'unknown format'})`).join(', ')}.
        </p>
        {create.isError && <ErrorBanner error={create.error} title="The snapshot was not taken" id="snapshot-create-error" />}
        {kind !== null && (
          <VirshHint
            id="snapshot-create-virsh"
            command={createSnapshotCommand(uri, vmName, { name, description, kind, memory, disks: capabilities.disks })}
          />
        )}
      </form>
    </Dialog>
  );
}
