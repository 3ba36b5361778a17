import { POOL_TYPES, POOL_TYPE_SPECS, type PoolType } from '../../../../common/storage-pool-types.js';
import { Field, TextInput } from '../../../lib/ui/Field';
import type { StepProps } from './step-props';

export function TypeStep({ state, update, errorOf }: StepProps) {
  return (
    <div className="space-y-4">
      <Field id="pool-wizard-name" label="Pool name" required error={errorOf('name')} hint="Letters, digits, '.', '_', '+', '-'; e.g. vmdisk">
        <TextInput id="pool-wizard-name" value={state.name} onValue={(name) => update({ name })} error={errorOf('name')} autoFocus placeholder="vmdisk" />
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Type</legend>
        <div className="grid max-h-80 gap-1 overflow-y-auto pr-1" role="radiogroup">
          {POOL_TYPES.map((type: PoolType) => {
            const spec = POOL_TYPE_SPECS[type];
            const checked = state.type === type;
            return (
              <label
                key={type}
                htmlFor={`pool-wizard-type-${type}`}
                className={`flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm ${checked ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40' : 'border-zinc-200 dark:border-zinc-700'}`}
              >
                <input
                  type="radio"
                  id={`pool-wizard-type-${type}`}
                  name="pool-type"
                  value={type}
                  checked={checked}
                  onChange={() => update({ type })}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{spec.label}</span> <span className="font-mono text-xs text-zinc-500">{type}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{spec.description}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
