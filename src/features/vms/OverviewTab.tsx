import { useEffect, useState, type ReactNode } from 'react';
import { useHostSummary } from '../../app/hosts';
import { formatDuration } from '../../lib/format';
import { formatBytes } from '../../../common/format.js';
import { ErrorBanner, VirshHint } from '../../lib/ui';
import { acl, useCan } from '../auth/access';
import { LiveCharts } from './LiveCharts';
import { useSetAutostart, useVm } from './queries';
import { StateBadge } from './StateBadge';
import type { VmTabProps } from './tab-types';
import { virshForAutostart } from './virsh';

function Fact({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd id={id} className="text-sm font-medium break-words">
        {children}
      </dd>
    </div>
  );
}

function useNow(intervalMs: number, enabled: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

function Uptime({ host, uuid, seconds }: { host: string; uuid: string; seconds: number | undefined }) {
  const { dataUpdatedAt } = useVm(host, uuid);
  const now = useNow(1000, seconds !== undefined);
  if (seconds === undefined) return <span className="text-zinc-500">unknown</span>;
  return <>{formatDuration(seconds + Math.max(0, now - dataUpdatedAt) / 1000)}</>;
}

export function OverviewTab({ host, vm }: VmTabProps) {
  const uri = useHostSummary(host)?.uri ?? '';
  const autostart = useSetAutostart(host);
  const config = useCan('vm.config', acl.vm(host, vm.uuid));
  // Shown at once while libvirt applies it; the answer (or the error) decides after.
  const [wanted, setWanted] = useState<boolean | undefined>();
  const running = vm.state === 'running' || vm.state === 'paused' || vm.state === 'blocked';
  const firmware = vm.os.firmware === undefined ? 'BIOS (default)' : vm.os.firmware === 'efi' ? 'UEFI' : vm.os.firmware.toUpperCase();
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-x-8 gap-y-4 md:grid-cols-4">
        <Fact id="vm-overview-state" label="State">
          <StateBadge state={vm.state} {...(vm.stateReason === undefined ? {} : { reason: vm.stateReason })} />
          {vm.stateReason !== undefined && <span className="ml-2 text-xs text-zinc-500">{vm.stateReason}</span>}
        </Fact>
        <Fact id="vm-overview-uptime" label="Uptime">
          {running ? <Uptime host={host} uuid={vm.uuid} seconds={vm.uptimeSeconds} /> : '—'}
        </Fact>
        <Fact id="vm-overview-vcpus" label="vCPUs">
          {vm.vcpus.current}
          {vm.vcpus.max !== vm.vcpus.current && <span className="text-zinc-500"> of {vm.vcpus.max}</span>}
        </Fact>
        <Fact id="vm-overview-memory" label="Memory">
          {formatBytes(vm.memory.currentBytes)}
          {vm.memory.maxBytes !== vm.memory.currentBytes && <span className="text-zinc-500"> of {formatBytes(vm.memory.maxBytes)}</span>}
        </Fact>
        <Fact id="vm-overview-os" label="OS">
          {vm.os.type}
          {vm.os.arch !== undefined && ` · ${vm.os.arch}`}
          {vm.os.machine !== undefined && <span className="text-zinc-500"> · {vm.os.machine}</span>}
        </Fact>
        <Fact id="vm-overview-firmware" label="Firmware">
          {firmware}
        </Fact>
        <Fact id="vm-overview-boot" label="Boot">
          {vm.os.kernel !== undefined ? (
            <span className="font-mono text-xs" title={vm.os.cmdline}>
              kernel {vm.os.kernel}
            </span>
          ) : vm.os.bootDevices.length > 0 ? (
            vm.os.bootDevices.join(' → ')
          ) : (
            'per-device order'
          )}
        </Fact>
        <Fact id="vm-overview-type" label="Domain type">
          {vm.domainType}
          {!vm.persistent && <span className="text-zinc-500"> · transient</span>}
        </Fact>
      </dl>

      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm" title={config.disabledReason}>
          <input
            type="checkbox"
            id="vm-autostart-toggle"
            checked={wanted ?? vm.autostart}
            disabled={wanted !== undefined || !vm.persistent || !config.allowed}
            onChange={(e) => {
              const enabled = e.target.checked;
              setWanted(enabled);
              autostart.mutate({ uuid: vm.uuid, enabled }, { onSettled: () => setWanted(undefined) });
            }}
          />
          Start this VM when the host boots (autostart)
          {autostart.isPending && <span className="text-xs text-zinc-500">saving…</span>}
        </label>
        {!vm.persistent && <p className="text-xs text-zinc-500">Transient VMs cannot autostart.</p>}
        <VirshHint command={virshForAutostart(uri, vm.name, !vm.autostart)} id="vm-autostart-virsh" />
        {autostart.error !== null && <ErrorBanner error={autostart.error} title="Could not change autostart" />}
      </div>

      {vm.description !== undefined && <p className="text-sm text-zinc-600 dark:text-zinc-400">{vm.description}</p>}

      <div>
        <h2 className="mb-2 text-sm font-semibold">Live usage</h2>
        <LiveCharts host={host} uuid={vm.uuid} memoryBytes={vm.memory.currentBytes} running={running} />
      </div>
    </div>
  );
}
