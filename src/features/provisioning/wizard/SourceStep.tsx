import { Choices, Field, inputClass } from '../fields';
import type { SourceKind } from './model';
import type { StepProps } from './step-props';
import { VolumePicker } from './VolumePicker';

export function SourceStep({ host, state, update, options }: StepProps) {
  return (
    <div className="space-y-4">
      <Choices<SourceKind>
        label="How will the operating system be installed?"
        name="new-vm-source"
        idPrefix="new-vm-source"
        value={state.source}
        onChange={(source) => update({ source, ...(source === 'import' ? { storage: 'existing' } : {}) })}
        choices={[
          { value: 'iso', label: 'Install from an ISO volume', hint: 'A CD/DVD image in a storage pool; the VM boots from it first' },
          { value: 'iso-path', label: 'Install from an ISO path', hint: 'An image file on the host, outside any pool' },
          { value: 'import', label: 'Import an existing disk image', hint: 'Boot a volume that already has an OS on it' },
          { value: 'kernel', label: 'Direct kernel boot', hint: 'Kernel, initrd and command line given to QEMU' },
          { value: 'pxe', label: 'Network boot (PXE)', hint: 'Boot from the network first' },
        ]}
      />
      {state.source === 'iso' && (
        <VolumePicker host={host} idPrefix="new-vm-iso" pool={state.isoPool} volume={state.isoVolume} options={options} onChange={(isoPool, isoVolume) => update({ isoPool, isoVolume })} />
      )}
      {state.source === 'iso-path' && (
        <Field label="ISO path on the host" htmlFor="new-vm-iso-path">
          <input id="new-vm-iso-path" className={inputClass} value={state.isoPath} onChange={(e) => update({ isoPath: e.target.value })} placeholder="/var/lib/libvirt/images/install.iso" />
        </Field>
      )}
      {state.source === 'kernel' && (
        <div className="space-y-3">
          <Field label="Kernel path on the host" htmlFor="new-vm-kernel">
            <input id="new-vm-kernel" className={inputClass} value={state.kernel} onChange={(e) => update({ kernel: e.target.value })} placeholder="/var/lib/virtdeck/guest/vmlinuz" />
          </Field>
          <Field label="Initrd path (optional)" htmlFor="new-vm-initrd">
            <input id="new-vm-initrd" className={inputClass} value={state.initrd} onChange={(e) => update({ initrd: e.target.value })} placeholder="/var/lib/virtdeck/guest/initrd.gz" />
          </Field>
          <Field label="Kernel command line" htmlFor="new-vm-cmdline">
            <input id="new-vm-cmdline" className={`${inputClass} font-mono`} value={state.cmdline} onChange={(e) => update({ cmdline: e.target.value })} />
          </Field>
        </div>
      )}
    </div>
  );
}
