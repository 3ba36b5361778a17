import { useState } from 'react';
import { virshSetMemory, virshSetVcpus, type ApplyMode, type HardwareView } from '../../../common/hardware.js';
import { formatBytes } from '../../../common/format.js';
import { ErrorBanner, VirshHint } from '../../lib/ui';
import { Field, TextInput } from '../../lib/ui/Field';
import { ApplyPicker, allowedApply, applyFlags } from './ApplyPicker';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useHardwareChange } from './queries';

const MiB = 1024 * 1024;
const intOrUndefined = (s: string): number | undefined => (s.trim() === '' || !/^\d+$/.test(s.trim()) ? undefined : Number(s.trim()));

export function CpuMemorySection({ host, hw, onDone }: { host: string; hw: HardwareView; onDone: (virsh: string, summary: string) => void }) {
  const vcpuChange = useHardwareChange(host, hw.uuid);
  const guard = { privilege: 'vm.config', path: acl.vm(host, hw.uuid) } as const;
  const memChange = useHardwareChange(host, hw.uuid);
  const shown = hw.vcpus.live ?? hw.vcpus.config;
  const mem = hw.memory.live ?? hw.memory.config;
  const [count, setCount] = useState('');
  const [maximum, setMaximum] = useState('');
  const [memMiB, setMemMiB] = useState('');
  const [maxMiB, setMaxMiB] = useState('');
  const [vcpuApply, setVcpuApply] = useState<ApplyMode>(allowedApply(hw)[0] ?? 'config');
  const [memApply, setMemApply] = useState<ApplyMode>(allowedApply(hw)[0] ?? 'config');

  const c = intOrUndefined(count);
  const m = intOrUndefined(maximum);
  const vFlags = applyFlags(vcpuApply);
  const liveMax = hw.vcpus.live?.max;
  const cfgMax = m ?? hw.vcpus.config?.max;
  let vcpuError: string | undefined;
  if (count !== '' && c === undefined) vcpuError = 'A whole number';
  else if (c !== undefined && vFlags.live && liveMax !== undefined && c > liveMax) vcpuError = `Over the running maximum of ${liveMax}: raise the maximum (next boot) first`;
  else if (c !== undefined && vFlags.config && cfgMax !== undefined && c > cfgMax) vcpuError = `Over the maximum of ${cfgMax}`;
  if (m !== undefined && !vFlags.config) vcpuError = 'The maximum changes only at next boot';

  const cur = intOrUndefined(memMiB);
  const max = intOrUndefined(maxMiB);
  const mFlags = applyFlags(memApply);
  const memLiveMax = hw.memory.live?.maxBytes;
  const memCfgMax = max !== undefined ? max * MiB : hw.memory.config?.maxBytes;
  let memError: string | undefined;
  if ((memMiB !== '' && cur === undefined) || (maxMiB !== '' && max === undefined)) memError = 'Whole MiB';
  else if (cur !== undefined && mFlags.live && memLiveMax !== undefined && cur * MiB > memLiveMax) memError = `Over the running maximum of ${formatBytes(memLiveMax)}: raise the maximum (next boot) first`;
  else if (cur !== undefined && mFlags.config && memCfgMax !== undefined && cur * MiB > memCfgMax) memError = `Over the maximum of ${formatBytes(memCfgMax)}`;
  if (max !== undefined && !mFlags.config) memError = 'The maximum changes only at next boot';

  return (
    <section aria-labelledby="hw-cpu-title" className="grid gap-6 md:grid-cols-2">
      <div className="space-y-2">
        <h2 id="hw-cpu-title" className="text-sm font-semibold">vCPUs</h2>
        <p className="text-sm" id="hw-vcpus">
          {shown === undefined ? '—' : `${shown.current} of at most ${shown.max}`}
          {hw.vcpus.live !== undefined && hw.vcpus.config !== undefined && (hw.vcpus.config.current !== hw.vcpus.live.current || hw.vcpus.config.max !== hw.vcpus.live.max) &&
            ` · next boot: ${hw.vcpus.config.current} of at most ${hw.vcpus.config.max}`}
        </p>
        <div className="grid grid-cols-2 gap-2">
          <Field id="hw-vcpus-count" label="vCPUs" error={vcpuError}>
            <TextInput id="hw-vcpus-count" value={count} onValue={setCount} error={vcpuError} inputMode="numeric" placeholder={String(shown?.current ?? '')} />
          </Field>
          <Field id="hw-vcpus-max" label="Maximum (next boot)">
            <TextInput id="hw-vcpus-max" value={maximum} onValue={setMaximum} inputMode="numeric" placeholder={String(hw.vcpus.config?.max ?? '')} />
          </Field>
        </div>
        <ApplyPicker id="hw-vcpus-apply" hw={hw} value={vcpuApply} onValue={setVcpuApply} />
        <VirshHint command={virshSetVcpus(hw.name, c, m, vFlags.live, vFlags.config)} />
        <GuardedButton
          {...guard}
          size="sm"
          variant="primary"
          id="hw-vcpus-save"
          disabled={(c === undefined && m === undefined) || vcpuError !== undefined}
          busy={vcpuChange.isPending}
          onClick={() => vcpuChange.mutate({ method: 'put', path: ['vcpus'], body: { ...(c === undefined ? {} : { count: c }), ...(m === undefined ? {} : { maximum: m }), apply: vcpuApply } }, { onSuccess: (r) => { setCount(''); setMaximum(''); onDone(r.virsh, r.summary); } })}
        >
          Set vCPUs
        </GuardedButton>
        {vcpuChange.error !== null && <ErrorBanner error={vcpuChange.error} title="The vCPUs did not change" />}
      </div>
      <div className="space-y-2">
        <h2 className="text-sm font-semibold">Memory</h2>
        <p className="text-sm" id="hw-memory">
          {mem === undefined ? '—' : `${formatBytes(mem.currentBytes)} of at most ${formatBytes(mem.maxBytes)}`}
          {hw.memory.live !== undefined && hw.memory.config !== undefined && (hw.memory.config.currentBytes !== hw.memory.live.currentBytes || hw.memory.config.maxBytes !== hw.memory.live.maxBytes) &&
            ` · next boot: ${formatBytes(hw.memory.config.currentBytes)} of at most ${formatBytes(hw.memory.config.maxBytes)}`}
        </p>
        <div className="grid grid-cols-2 gap-2">
          <Field id="hw-mem-current" label="Memory (MiB)" error={memError}>
            <TextInput id="hw-mem-current" value={memMiB} onValue={setMemMiB} error={memError} inputMode="numeric" placeholder={mem === undefined ? '' : String(Math.round(mem.currentBytes / MiB))} />
          </Field>
          <Field id="hw-mem-max" label="Maximum MiB (next boot)">
            <TextInput id="hw-mem-max" value={maxMiB} onValue={setMaxMiB} inputMode="numeric" placeholder={hw.memory.config === undefined ? '' : String(Math.round(hw.memory.config.maxBytes / MiB))} />
          </Field>
        </div>
        <ApplyPicker id="hw-mem-apply" hw={hw} value={memApply} onValue={setMemApply} />
        <VirshHint command={virshSetMemory(hw.name, cur === undefined ? undefined : cur * MiB, max === undefined ? undefined : max * MiB, mFlags.live, mFlags.config)} />
        <GuardedButton
          {...guard}
          size="sm"
          variant="primary"
          id="hw-mem-save"
          disabled={(cur === undefined && max === undefined) || memError !== undefined}
          busy={memChange.isPending}
          onClick={() => memChange.mutate({ method: 'put', path: ['memory'], body: { ...(cur === undefined ? {} : { currentBytes: cur * MiB }), ...(max === undefined ? {} : { maxBytes: max * MiB }), apply: memApply } }, { onSuccess: (r) => { setMemMiB(''); setMaxMiB(''); onDone(r.virsh, r.summary); } })}
        >
          Set memory
        </GuardedButton>
        {memChange.error !== null && <ErrorBanner error={memChange.error} title="The memory did not change" />}
      </div>
    </section>
  );
}
