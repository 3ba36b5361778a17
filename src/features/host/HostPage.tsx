import type { ReactNode } from 'react';
import { useHostId } from '../../app/hosts';
import { formatBytes } from '../../../common/format.js';
import { Badge, ErrorBanner, LoadingState } from '../../lib/ui';
import { useHostFacts } from './queries';

function Fact({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-4 border-b border-zinc-100 py-2 text-sm dark:border-zinc-800">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd id={id} className="font-medium break-words">
        {children}
      </dd>
    </div>
  );
}

export function HostPage() {
  const hostId = useHostId();
  const { data: facts, error, isPending, refetch } = useHostFacts(hostId);

  return (
    <section className="max-w-4xl p-6" id="host-page">
      <h1 className="mb-4 text-xl font-semibold">Host {hostId}</h1>
      {isPending && <LoadingState label="Reading host facts…" />}
      {error !== null && <ErrorBanner id="host-error" error={error} title="Cannot read this host" onRetry={() => void refetch()} />}
      {facts !== undefined && (
        <>
          <dl>
            <Fact id="host-hostname" label="Hostname">{facts.hostname}</Fact>
            <Fact id="host-uri" label="Connection URI">
              <span className="font-mono">{facts.uri}</span>
            </Fact>
            <Fact id="host-libvirt-version" label="libvirt version">{facts.libvirtVersion}</Fact>
            <Fact id="host-hypervisor" label="Hypervisor">
              {facts.hypervisor.type} {facts.hypervisor.version}
            </Fact>
            <Fact id="host-cpu" label="CPU">
              {facts.cpu.name ?? facts.cpu.model} · {facts.cpu.arch} · {facts.cpu.count} CPUs ({facts.cpu.sockets} socket
              {facts.cpu.sockets === 1 ? '' : 's'} × {facts.cpu.cores} cores × {facts.cpu.threads} threads) · {facts.cpu.mhz} MHz
            </Fact>
            <Fact id="host-memory" label="Memory">{formatBytes(facts.memoryBytes)}</Fact>
            <Fact id="host-numa" label="NUMA nodes">{facts.numaNodes}</Fact>
            <Fact id="host-domain-types" label="Guest types">{facts.domainTypes.join(', ') || '—'}</Fact>
            <Fact id="host-kvm" label="KVM acceleration">
              <Badge tone={facts.kvm.usable ? 'green' : 'yellow'} data-testid="host-kvm-usable">
                {facts.kvm.usable ? 'usable' : 'not usable — guests run under TCG emulation'}
              </Badge>
            </Fact>
          </dl>
          <h2 className="mt-6 mb-2 text-sm font-semibold">Why</h2>
          <ul id="host-kvm-checks" className="space-y-1 text-sm">
            {facts.kvm.checks.map((check) => (
              <li key={check.name} className="flex gap-2">
                <span aria-hidden className={check.ok ? 'text-emerald-600' : 'text-red-600'}>
                  {check.ok ? '✓' : '✗'}
                </span>
                <span>
                  <span className="font-medium">{check.name}:</span> {check.detail}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
