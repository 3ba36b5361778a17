import { useState } from 'react';
import {
  CACHE_MODES, DISK_BUSES, VolumeNamePattern, virshAttachDisk, type ApplyMode, type CacheMode, type DiskAddBody, type DiskBus, type HardwareView,
} from '../../../common/hardware.js';
import { parseSizeValue, type SizeValue } from '../../../common/storage-units.js';
import { ErrorBanner, FormDialog, SizeInput, VirshHint } from '../../lib/ui';
import { Field, Select, TextInput } from '../../lib/ui/Field';
import { usePools, useVolumes } from '../storage/queries';
import { ApplyPicker, allowedApply, applyFlags } from './ApplyPicker';
import { useHardwareChange } from './queries';

const MiB = 1024 * 1024;

type Kind = 'new' | 'volume';

function previewTarget(hw: HardwareView, bus: string): string {
  const prefix = bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
  const used = new Set(hw.disks.map((d) => d.target));
  for (let i = 0; i < 26; i++) {
    const t = prefix + String.fromCharCode(97 + i);
    if (!used.has(t)) return t;
  }
  return `${prefix}?`;
}

export function AddDiskDialog({ host, hw, onClose, onDone }: { host: string; hw: HardwareView; onClose: () => void; onDone: (virsh: string, summary: string) => void }) {
  const change = useHardwareChange(host, hw.uuid);
  const pools = usePools(host);
  const activePools = (pools.data ?? []).filter((p) => p.active);
  const [kind, setKind] = useState<Kind>('new');
  const [pool, setPool] = useState<string | undefined>(undefined);
  const poolName = pool ?? activePools.find((p) => p.name === 'virtdeck')?.name ?? activePools[0]?.name;
  const volumes = useVolumes(host, poolName, poolName !== undefined);
  const [name, setName] = useState(`${hw.name}-disk${hw.disks.length + 1}.qcow2`);
  const [size, setSize] = useState<SizeValue>({ amount: '64', unit: 'MiB' });
  const [format, setFormat] = useState<'qcow2' | 'raw'>('qcow2');
  const [volume, setVolume] = useState<string | undefined>(undefined);
  const [device, setDevice] = useState<'disk' | 'cdrom'>('disk');
  const [bus, setBus] = useState<DiskBus>('virtio');
  const [cache, setCache] = useState<CacheMode>('default');
  const [apply, setApply] = useState<ApplyMode>(allowedApply(hw)[0] ?? 'config');

  const vols = volumes.data ?? [];
  const chosenVolume = vols.find((v) => v.name === volume) ?? vols[0];
  const parsedSize = parseSizeValue(size);
  const capacityBytes = parsedSize.ok ? parsedSize.bytes : 0;
  const errors: Record<string, string> = {};
  if (poolName === undefined) errors['pool'] = 'No active storage pool';
  if (kind === 'new') {
    if (!new RegExp(VolumeNamePattern).test(name)) errors['name'] = 'Letters, digits, "_", ".", "+" or "-", starting with a letter or digit';
    else if (vols.some((v) => v.name === name)) errors['name'] = `Pool "${poolName ?? ''}" already has a volume "${name}"`;
    if (!parsedSize.ok) errors['size'] = parsedSize.reason;
    else if (capacityBytes < MiB) errors['size'] = 'At least 1 MiB';
  } else if (chosenVolume === undefined) errors['volume'] = 'The pool has no volumes';

  const source: DiskAddBody['source'] | undefined =
    poolName === undefined ? undefined
      : kind === 'new' ? { kind: 'new', pool: poolName, name, capacityBytes, format }
        : chosenVolume === undefined ? undefined : { kind: 'volume', pool: poolName, volume: chosenVolume.name };
  const flags = applyFlags(apply);
  const busForDevice = device === 'cdrom' && bus === 'virtio' ? (flags.live ? 'scsi' : 'sata') : bus;
  if (flags.live && (busForDevice === 'ide' || busForDevice === 'sata')) errors['bus'] = `A ${busForDevice} disk cannot be plugged into a running VM: use virtio, scsi or usb, or apply at next boot only`;
  const valid = Object.keys(errors).length === 0;
  const target = previewTarget(hw, busForDevice);
  const targetPath = activePools.find((p) => p.name === poolName)?.targetPath;
  const virsh = virshAttachDisk({
    vm: hw.name, target, bus: busForDevice, cdrom: device === 'cdrom', readonly: false, ...flags,
    sourcePath: kind === 'new' ? `${targetPath ?? '<pool path>'}/${name}` : (chosenVolume?.path ?? ''),
    format: kind === 'new' ? format : chosenVolume?.format === 'qcow2' ? 'qcow2' : 'raw',
    cache,
    ...(kind === 'new' && poolName !== undefined ? { create: { pool: poolName, name, capacityBytes, format } } : {}),
  });

  const submit = () => {
    if (!valid || source === undefined) return;
    change.mutate(
      { method: 'post', path: ['disks'], body: { source, device, bus: busForDevice, cache, apply } },
      { onSuccess: (r) => onDone(r.virsh, r.summary) },
    );
  };

  return (
    <FormDialog
      title={`Add a disk to ${hw.name}`}
      onClose={onClose}
      id="disk-add-dialog"
      wide
      submitLabel="Add disk"
      submitId="disk-add-submit"
      busy={change.isPending}
      disabled={!valid}
      onSubmit={submit}
    >
      <div className="space-y-3">
        <div className="flex gap-4 text-sm" role="radiogroup" aria-label="Source">
          <label className="flex items-center gap-1"><input type="radio" id="disk-kind-new" checked={kind === 'new'} onChange={() => setKind('new')} /> New volume</label>
          <label className="flex items-center gap-1"><input type="radio" id="disk-kind-volume" checked={kind === 'volume'} onChange={() => setKind('volume')} /> Existing volume or ISO</label>
        </div>
        <Field id="disk-pool" label="Storage pool" immediate error={errors['pool']}>
          <Select id="disk-pool" value={poolName ?? ''} onValue={setPool} options={activePools.map((p) => ({ value: p.name, label: p.name }))} />
        </Field>
        {kind === 'new' ? (
          <div className="grid grid-cols-[1fr_11rem_7rem] gap-2">
            <Field id="disk-name" label="Volume name" error={errors['name']}>
              <TextInput id="disk-name" value={name} onValue={setName} error={errors['name']} />
            </Field>
            <Field id="disk-size" label="Size" error={errors['size']}>
              <SizeInput id="disk-size" value={size} onValue={setSize} error={errors['size']} />
            </Field>
            <Field id="disk-format" label="Format">
              <Select id="disk-format" value={format} onValue={(f) => setFormat(f === 'raw' ? 'raw' : 'qcow2')} options={[{ value: 'qcow2', label: 'qcow2' }, { value: 'raw', label: 'raw' }]} />
            </Field>
          </div>
        ) : (
          <Field id="disk-volume" label="Volume" immediate error={errors['volume']}>
            <Select id="disk-volume" value={chosenVolume?.name ?? ''} onValue={setVolume} options={vols.map((v) => ({ value: v.name, label: `${v.name} (${v.format ?? v.type})` }))} />
          </Field>
        )}
        <div className="grid grid-cols-3 gap-2">
          <Field id="disk-device" label="Device">
            <Select id="disk-device" value={device} onValue={(d) => setDevice(d === 'cdrom' ? 'cdrom' : 'disk')} options={[{ value: 'disk', label: 'Disk' }, { value: 'cdrom', label: 'CD-ROM' }]} />
          </Field>
          <Field id="disk-bus" label="Bus" immediate hint={`Target ${target} (first free)`} error={errors['bus']}>
            <Select id="disk-bus" value={bus} onValue={(b) => setBus(DISK_BUSES.find((x) => x === b) ?? 'virtio')} options={DISK_BUSES.map((b) => ({ value: b, label: b }))} />
          </Field>
          <Field id="disk-cache" label="Cache">
            <Select id="disk-cache" value={cache} onValue={(c) => setCache(CACHE_MODES.find((x) => x === c) ?? 'default')} options={CACHE_MODES.map((c) => ({ value: c, label: c }))} />
          </Field>
        </div>
        <ApplyPicker id="disk-apply" hw={hw} value={apply} onValue={setApply} />
        <VirshHint command={virsh} id="disk-add-virsh" />
        {change.error !== null && <ErrorBanner error={change.error} title="The disk was not added" id="disk-add-error" />}
      </div>
    </FormDialog>
  );
}
