import { useState } from 'react';
import type { Preallocation, VolumeCreateBody, VolumeFormat, VolumeSummary } from '../../../common/storage.js';
import { checkVolumeName } from '../../../common/storage-validate.js';
import { formatBytes } from '../../../common/format.js';
import { volumeCreateCommand } from '../../../common/storage-virsh.js';
import { ErrorBanner, FormDialog, VirshHint } from '../../lib/ui';
import { Field, Select, TextInput } from '../../lib/ui/Field';
import { useCreateVolume } from './queries';
import { parseSizeValue, type SizeValue } from '../../../common/storage-units.js';
import { SizeInput } from '../../lib/ui/SizeInput';

export interface PoolSpace {
  /** null where libvirt's figure is not meaningful (above 2^53). */
  availableBytes: number | null;
  capacityBytes: number | null;
}

export function CreateVolumeDialog({ host, pool, space, volumes, open, onClose }: {
  host: string; pool: string; space: PoolSpace; volumes: readonly VolumeSummary[]; open: boolean; onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [format, setFormat] = useState<VolumeFormat>('qcow2');
  const [size, setSize] = useState<SizeValue>({ amount: '10', unit: 'GiB' });
  const [prealloc, setPrealloc] = useState<Preallocation>('off');
  const [backing, setBacking] = useState('');
  const [attempted, setAttempted] = useState(false);
  const create = useCreateVolume(host, pool);

  const nameError = name === '' && !attempted ? undefined : checkVolumeName(name) ?? undefined;
  const parsed = parseSizeValue(size);
  const sizeError = parsed.ok ? undefined : parsed.reason;
  const backingVol = volumes.find((v) => v.name === backing);
  const backingError = backingVol !== undefined && parsed.ok && parsed.bytes < backingVol.capacityBytes
    ? 'An overlay must be at least as large as its backing volume' : undefined;
  // What the pool must provide at once: the whole size when fully preallocated, else only metadata.
  const allocatedNow = parsed.ok && prealloc === 'full' ? parsed.bytes : 0;
  const doesNotFit = space.availableBytes !== null && allocatedNow > space.availableBytes;
  const body: VolumeCreateBody | undefined = parsed.ok && checkVolumeName(name) === null
    ? {
        name, format, capacityBytes: parsed.bytes,
        ...(prealloc !== 'off' ? { preallocation: prealloc } : {}),
        ...(format === 'qcow2' && backing !== '' ? { backingVolume: backing } : {}),
      }
    : undefined;

  const close = () => {
    setName(''); setFormat('qcow2'); setSize({ amount: '10', unit: 'GiB' }); setPrealloc('off'); setBacking(''); setAttempted(false);
    create.reset();
    onClose();
  };
  const submit = () => {
    setAttempted(true);
    if (body === undefined || backingError !== undefined) return;
    create.mutate(body, { onSuccess: close });
  };

  return (
    <FormDialog open={open} title={`New volume in ${pool}`} onClose={close} id="volume-create-dialog"
      submitLabel="Create volume" submitId="volume-create-submit" busy={create.isPending} onSubmit={submit}>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Field id="volume-create-name" label="Name" required error={nameError} hint="e.g. test.qcow2">
          <TextInput id="volume-create-name" value={name} onValue={setName} error={nameError} autoFocus />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="volume-create-format" label="Format">
            <Select id="volume-create-format" value={format}
              onValue={(f) => { const v: VolumeFormat = f === 'raw' ? 'raw' : 'qcow2'; setFormat(v); if (v === 'raw') { setBacking(''); if (prealloc === 'metadata') setPrealloc('off'); } }}
              options={[{ value: 'qcow2', label: 'qcow2 (snapshots, thin)' }, { value: 'raw', label: 'raw (fastest)' }]} />
          </Field>
          <Field id="volume-create-size" label="Size" required error={sizeError}>
            <SizeInput id="volume-create-size" value={size} onValue={setSize} error={sizeError} />
          </Field>
        </div>
        <Field id="volume-create-prealloc" label="Preallocation" hint={prealloc === 'full' ? 'Writes the whole size now: slower to create, no surprises later' : 'Space is taken as the guest writes'}>
          <Select id="volume-create-prealloc" value={prealloc}
            onValue={(p) => setPrealloc(p === 'full' ? 'full' : p === 'metadata' ? 'metadata' : 'off')}
            options={[
              { value: 'off', label: 'none (thin)' },
              ...(format === 'qcow2' ? [{ value: 'metadata', label: 'metadata' }] : []),
              ...(backing === '' ? [{ value: 'full', label: 'full' }] : []),
            ]} />
        </Field>
        <p id="volume-create-free" className={`text-xs ${doesNotFit ? 'text-red-700 dark:text-red-400' : 'text-zinc-500'}`}>
          Free in {pool}: {formatBytes(space.availableBytes)} of {formatBytes(space.capacityBytes)}.
          {doesNotFit && ` A fully preallocated ${formatBytes(allocatedNow)} volume does not fit.`}
          {!doesNotFit && prealloc !== 'full' && ' A thin volume takes space only as the guest writes.'}
        </p>
        {format === 'qcow2' && (
          <Field id="volume-create-backing" label="Backing volume (overlay)" immediate error={backingError} hint="The new volume records only changes on top of it">
            <Select id="volume-create-backing" value={backing}
              onValue={(b) => { setBacking(b); if (b !== '') setPrealloc('off'); }}
              options={[{ value: '', label: 'none' }, ...volumes.map((v) => ({ value: v.name, label: `${v.name} (${v.format ?? '?'})` }))]} />
          </Field>
        )}
        {body !== undefined && <VirshHint command={volumeCreateCommand(pool, body)} id="volume-create-virsh" />}
        {create.error !== null && <ErrorBanner error={create.error} id="volume-create-error" />}
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}
