import type { ProvisioningOptions } from '../../../../common/provisioning.js';
import { formatBytes } from '../../../../common/format.js';
import { Field, inputClass } from '../fields';
import { usePoolVolumes } from '../queries';

/** Pool then volume, from the host's storage. */
export function VolumePicker({ host, idPrefix, pool, volume, options, onChange }: { host: string; idPrefix: string; pool: string; volume: string; options: ProvisioningOptions | undefined; onChange: (pool: string, volume: string) => void }) {
  const volumes = usePoolVolumes(host, pool);
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="Pool" htmlFor={`${idPrefix}-pool`}>
        <select id={`${idPrefix}-pool`} className={inputClass} value={pool} onChange={(e) => onChange(e.target.value, '')}>
          <option value="">Choose…</option>
          {options?.pools.filter((p) => p.active).map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Volume" htmlFor={`${idPrefix}-volume`}>
        <select id={`${idPrefix}-volume`} className={inputClass} value={volume} disabled={pool === ''} onChange={(e) => onChange(pool, e.target.value)}>
          <option value="">{volumes.isPending && pool !== '' ? 'Loading…' : 'Choose…'}</option>
          {volumes.data?.volumes.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name} ({formatBytes(v.capacityBytes)}
              {v.format === undefined ? '' : `, ${v.format}`}
              {v.usedBy.length > 0 ? `, used by ${v.usedBy.map((u) => u.name).join(', ')}` : ''})
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
