import { formatBytes } from '../../../../common/format.js';
import { Field, inputClass } from '../fields';
import { serverErrorOn, type StepProps } from './step-props';

export function ResourcesStep(props: StepProps) {
  const { state, update, options } = props;
  return (
    <div className="grid grid-cols-2 gap-4">
      <Field
        label="Memory (MiB)"
        htmlFor="new-vm-memory"
        hint={options === undefined ? undefined : `Host: ${formatBytes(options.hostMemoryBytes)}`}
        error={serverErrorOn(props, 'memoryMiB')}
      >
        <input id="new-vm-memory" inputMode="numeric" className={inputClass} value={state.memoryMiB} onChange={(e) => update({ memoryMiB: e.target.value })} />
      </Field>
      <Field
        label="vCPUs"
        htmlFor="new-vm-vcpus"
        hint={options === undefined ? undefined : `Host: ${options.hostCpus} CPUs, hypervisor maximum ${options.maxVcpus}`}
        error={serverErrorOn(props, 'vcpus')}
      >
        <input id="new-vm-vcpus" inputMode="numeric" className={inputClass} value={state.vcpus} onChange={(e) => update({ vcpus: e.target.value })} />
      </Field>
    </div>
  );
}
