import { useDeferredValue, useState } from 'react';
import { formatBytes } from '../../../../common/format.js';
import { ErrorBanner } from '../../../lib/ui';
import { Field, inputClass } from '../fields';
import { useOsSearch } from '../queries';
import { applyOs } from './model';
import type { StepProps } from './step-props';

export function OsStep({ state, update, options }: StepProps) {
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const { data, error, isFetching } = useOsSearch(deferred.trim());
  return (
    <div className="space-y-3">
      <Field label="Search the OS list (osinfo-db)" htmlFor="new-vm-os-search" hint={`Chosen: ${state.os.name}. The choice fills memory, vCPUs, disk size, disk bus and NIC model.`}>
        <input id="new-vm-os-search" type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder="debian 12, fedora, win10…" autoComplete="off" />
      </Field>
      {error !== null && <ErrorBanner error={error} title="Cannot read the OS list" />}
      <ul id="new-vm-os-results" role="listbox" aria-label="Operating systems" aria-busy={isFetching} className="max-h-64 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700">
        {data?.oses.map((os) => {
          const selected = os.id === state.os.id;
          return (
            <li key={os.id} role="option" aria-selected={selected}>
              <button
                type="button"
                id={`new-vm-os-${os.shortId}`}
                data-testid="os-option"
                onClick={() => update(applyOs(state, os, options))}
                className={`flex w-full items-baseline gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${selected ? 'bg-sky-50 font-semibold dark:bg-sky-950' : ''}`}
              >
                <span>{os.name}</span>
                <span className="text-xs text-zinc-500">
                  {os.shortId}
                  {os.releaseDate === undefined ? '' : ` · ${os.releaseDate.slice(0, 4)}`}
                  {os.recommendedRamBytes === undefined ? '' : ` · ${formatBytes(os.recommendedRamBytes)} RAM`}
                  {os.virtioDisk ? ' · virtio' : ''}
                  {os.eol ? ' · end of life' : ''}
                </span>
              </button>
            </li>
          );
        })}
        {data !== undefined && data.oses.length === 0 && <li className="px-3 py-2 text-sm text-zinc-500">No OS matches; pick “Generic Linux” or “Other”.</li>}
      </ul>
      {data !== undefined && data.total > data.oses.length && <p className="text-xs text-zinc-500">{data.total - data.oses.length} more: type more of the name.</p>}
    </div>
  );
}
