import { DISK_BUSES } from '../../../../common/provisioning.js';
import { formatBytes } from '../../../../common/format.js';
import { SizeInput } from '../../../lib/ui';
import { Choices, Field, inputClass } from '../fields';
import type { StorageKind } from './model';
import type { StepProps } from './step-props';
import { VolumePicker } from './VolumePicker';

export function StorageStep({ host, state, update, options }: StepProps) {
  return (
    <div className="space-y-4">
      <Choices<StorageKind>
        label="Disk"
        name="new-vm-storage"
        idPrefix="new-vm-storage"
        value={state.storage}
        onChange={(storage) => update({ storage })}
        choices={[
          { value: 'new', label: 'Create a new volume', hint: `Named after the VM; ${state.os.virtioDisk ? 'virtio' : 'IDE/SATA'} bus for ${state.os.name}` },
          { value: 'existing', label: 'Use an existing volume' },
          { value: 'none', label: 'No disk' },
        ]}
      />
      {state.storage === 'new' && (
        <div className="grid grid-cols-3 gap-3">
          <Field label="Pool" htmlFor="new-vm-pool">
            <select id="new-vm-pool" className={inputClass} value={state.pool} onChange={(e) => update({ pool: e.target.value })}>
              <option value="">Choose…</option>
              {options?.pools.filter((p) => p.active).map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({formatBytes(p.availableBytes)} free)
                </option>
              ))}
            </select>
          </Field>
          <Field label="Size" htmlFor="new-vm-disk-size" hint="e.g. 20 GiB, 512M">
            <SizeInput id="new-vm-disk-size" value={state.diskSize} onValue={(diskSize) => update({ diskSize })} />
          </Field>
          <Field label="Format" htmlFor="new-vm-disk-format">
            <select id="new-vm-disk-format" className={inputClass} value={state.diskFormat} onChange={(e) => update({ diskFormat: e.target.value === 'raw' ? 'raw' : 'qcow2' })}>
              <option value="qcow2">qcow2 (thin, snapshots)</option>
              <option value="raw">raw</option>
            </select>
          </Field>
        </div>
      )}
      {state.storage !== 'none' && (
        <Field label="Disk bus" htmlFor="new-vm-disk-bus">
          <select id="new-vm-disk-bus" className={inputClass} value={state.diskBus} onChange={(e) => update({ diskBus: DISK_BUSES.find((b) => b === e.target.value) ?? '' })}>
            <option value="">Automatic ({state.os.virtioDisk ? 'virtio' : 'IDE or SATA'} for {state.os.name})</option>
            {DISK_BUSES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      {state.storage === 'existing' && (
        <VolumePicker host={host} idPrefix="new-vm-existing" pool={state.existingPool} volume={state.existingVolume} options={options} onChange={(existingPool, existingVolume) => update({ existingPool, existingVolume })} />
      )}
    </div>
  );
}
