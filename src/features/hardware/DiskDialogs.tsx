import { useState } from 'react';
import { virshBlockResize, virshChangeMedia, type HardwareView, type HwDisk } from '../../../common/hardware.js';
import { parseSizeValue, type SizeValue } from '../../../common/storage-units.js';
import { ErrorBanner, FormDialog, SizeInput, VirshHint } from '../../lib/ui';
import { Field, Select } from '../../lib/ui/Field';
import { usePools, useVolumes } from '../storage/queries';
import { useHardwareChange } from './queries';

interface Props {
  host: string;
  hw: HardwareView;
  disk: HwDisk;
  onClose: () => void;
  onDone: (virsh: string, summary: string) => void;
}

export function InsertMediaDialog({ host, hw, disk, onClose, onDone }: Props) {
  const change = useHardwareChange(host, hw.uuid);
  const pools = (usePools(host).data ?? []).filter((p) => p.active);
  const [pool, setPool] = useState<string | undefined>(undefined);
  const poolName = pool ?? pools[0]?.name;
  const vols = useVolumes(host, poolName, poolName !== undefined).data ?? [];
  const [volume, setVolume] = useState<string | undefined>(undefined);
  const chosen = vols.find((v) => v.name === volume) ?? vols.find((v) => v.name.endsWith('.iso')) ?? vols[0];
  return (
    <FormDialog
      title={`Insert media into ${disk.target}`}
      onClose={onClose}
      id="media-insert-dialog"
      submitLabel="Insert"
      submitId="media-insert-submit"
      busy={change.isPending}
      disabled={chosen === undefined || poolName === undefined}
      onSubmit={() => {
        if (chosen === undefined || poolName === undefined) return;
        change.mutate({ method: 'put', path: ['disks', disk.target, 'media'], body: { pool: poolName, volume: chosen.name } }, { onSuccess: (r) => onDone(r.virsh, r.summary) });
      }}
    >
      <div className="space-y-3">
        <Field id="media-pool" label="Storage pool">
          <Select id="media-pool" value={poolName ?? ''} onValue={setPool} options={pools.map((p) => ({ value: p.name, label: p.name }))} />
        </Field>
        <Field id="media-volume" label="Image" immediate error={chosen === undefined ? 'The pool has no volumes' : undefined}>
          <Select id="media-volume" value={chosen?.name ?? ''} onValue={setVolume} options={vols.map((v) => ({ value: v.name, label: v.name }))} />
        </Field>
        <VirshHint command={virshChangeMedia(hw.name, disk.target, chosen?.path ?? '', disk.live, disk.config)} />
        {change.error !== null && <ErrorBanner error={change.error} title="The media was not inserted" />}
      </div>
    </FormDialog>
  );
}

export function GrowDiskDialog({ host, hw, disk, onClose, onDone }: Props) {
  const change = useHardwareChange(host, hw.uuid);
  const [size, setSize] = useState<SizeValue>({ amount: '', unit: 'GiB' });
  const parsed = parseSizeValue(size);
  const error = size.amount.trim() === '' || parsed.ok ? undefined : parsed.reason;
  const bytes = parsed.ok ? parsed.bytes : 0;
  return (
    <FormDialog
      title={`Grow disk ${disk.target}`}
      onClose={onClose}
      id="disk-grow-dialog"
      submitLabel="Grow"
      submitId="disk-grow-submit"
      busy={change.isPending}
      disabled={!parsed.ok}
      onSubmit={() => change.mutate({ method: 'post', path: ['disks', disk.target, 'resize'], body: { capacityBytes: bytes } }, { onSuccess: (r) => onDone(r.virsh, r.summary) })}
    >
      <div className="space-y-3">
        <p>
          {hw.active && disk.live
            ? 'The VM is running: the disk grows at once (block resize); the guest still has to grow its partition and file system.'
            : 'The VM is off: the volume grows now; the guest sees the new size when it boots.'}{' '}
          A disk cannot shrink here: that would lose data.
        </p>
        <Field id="disk-grow-size" label="New size" error={error}>
          <SizeInput id="disk-grow-size" value={size} onValue={setSize} error={error} autoFocus />
        </Field>
        <VirshHint command={virshBlockResize(hw.name, disk.target, bytes)} />
        {change.error !== null && <ErrorBanner error={change.error} title="The disk did not grow" />}
      </div>
    </FormDialog>
  );
}
