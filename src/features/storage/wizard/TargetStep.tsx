import { POOL_TYPE_SPECS } from '../../../../common/storage-pool-types.js';
import { Checkbox, Field, TextInput } from '../../../lib/ui/Field';
import type { StepProps } from './step-props';

export function TargetStep({ state, update, errorOf }: StepProps) {
  const spec = POOL_TYPE_SPECS[state.type];
  return (
    <div className="space-y-4">
      {spec.target === 'none' ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A {spec.label} pool has no target directory: QEMU reaches its volumes directly.</p>
      ) : (
        <Field
          id="pool-wizard-target"
          label={state.type === 'dir' || state.type === 'fs' || state.type === 'netfs' ? 'Target directory' : 'Target path'}
          required={spec.target === 'required'}
          error={errorOf('target.path')}
          hint={spec.defaultTarget !== undefined ? `Default: ${spec.defaultTarget}` : 'Absolute path on this host'}
        >
          <TextInput id="pool-wizard-target" value={state.targetPath} onValue={(targetPath) => update({ targetPath })} error={errorOf('target.path')} placeholder="/var/lib/libvirt/images" />
        </Field>
      )}
      <div className="space-y-2">
        <Checkbox
          id="pool-wizard-build"
          checked={state.build}
          onChecked={(build) => update({ build })}
          label="Build now"
          hint={spec.buildWarning ?? (state.type === 'dir' ? 'Creates the target directory' : 'Prepares the storage')}
        />
        <Checkbox id="pool-wizard-start" checked={state.start} onChecked={(start) => update({ start })} label="Start now" hint="Makes the pool usable at once" />
        <Checkbox id="pool-wizard-autostart" checked={state.autostart} onChecked={(autostart) => update({ autostart })} label="Start when the host boots (autostart)" />
      </div>
      {state.build && spec.buildWarning !== undefined && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          {spec.buildWarning}
        </p>
      )}
    </div>
  );
}
