import { useState } from 'react';
import type { VmTabProps } from '../vms/tab-types';
import { ErrorBanner, LoadingState } from '../../lib/ui';
import { BootSection } from './BootSection';
import { CpuMemorySection } from './CpuMemorySection';
import { DisksSection } from './DisksSection';
import { NicsSection } from './NicsSection';
import { useHardware } from './queries';
import './events';

/** The Hardware tab: disks, NICs, vCPUs, memory and boot order; each change says when it applies and what virsh would do. */
export function HardwareTab({ host, vm }: VmTabProps) {
  const { data: hw, error, isPending, refetch } = useHardware(host, vm.uuid);
  const [last, setLast] = useState<{ virsh: string; summary: string } | undefined>(undefined);
  if (isPending) return <LoadingState label="Reading the VM's hardware…" />;
  if (error !== null) return <ErrorBanner error={error} title="Cannot read the VM's hardware" onRetry={() => void refetch()} />;
  const onDone = (virsh: string, summary: string) => setLast({ virsh, summary });
  return (
    <div id="vm-hardware" className="space-y-8">
      {last !== undefined && (
        <div role="status" id="hw-last-change" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/50">
          <p data-testid="hw-last-summary">{last.summary}</p>
          <p className="mt-1 font-mono text-xs break-all" data-testid="hw-last-virsh">{last.virsh}</p>
        </div>
      )}
      <DisksSection host={host} hw={hw} onDone={onDone} />
      <NicsSection host={host} hw={hw} onDone={onDone} />
      <CpuMemorySection host={host} hw={hw} onDone={onDone} />
      <BootSection host={host} hw={hw} onDone={onDone} />
    </div>
  );
}
