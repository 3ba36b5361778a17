import type { ReactNode } from 'react';
import { formatBytes } from '../../../common/format.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { Button, Dialog, ErrorBanner, LoadingState, VirshHint } from '../../lib/ui';
import { useVolume } from './queries';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

/** What `qemu-img info` tells, plus which VMs use the volume. */
export function VolumeInfo({ host, pool, name, onClose }: { host: string; pool: string; name: string; onClose: () => void }) {
  const { data: v, error, isPending } = useVolume(host, pool, name);
  return (
    <Dialog open title={name} onClose={onClose} id="volume-info-dialog" wide footer={<Button onClick={onClose}>Close</Button>}>
      {isPending && <LoadingState />}
      {error !== null && <ErrorBanner error={error} />}
      {v !== undefined && (
        <dl className="text-sm" id="volume-info">
          <Row label="Format">{v.format ?? '—'}{v.compat !== undefined ? ` (compat ${v.compat})` : ''}</Row>
          <Row label="Virtual size">{formatBytes(v.capacityBytes)} ({v.capacityBytes} bytes)</Row>
          <Row label="Allocation">{formatBytes(v.allocationBytes)}</Row>
          {v.physicalBytes !== undefined && <Row label="Physical size">{formatBytes(v.physicalBytes)}</Row>}
          <Row label="Path"><span className="font-mono">{v.path}</span></Row>
          <Row label="Backing chain">
            {v.backingChain.length === 0 ? 'none' : (
              <ol className="font-mono text-xs">{v.backingChain.map((b) => <li key={b.path}>→ {b.path}{b.format !== undefined ? ` (${b.format})` : ''}</li>)}</ol>
            )}
          </Row>
          <Row label="Used by">{v.usedBy.length === 0 ? 'no VM' : v.usedBy.map((u) => `${u.name}${u.active ? ' (running)' : ''}`).join(', ')}</Row>
          <VirshHint command={volumeCommand.info(pool, name)} />
        </dl>
      )}
    </Dialog>
  );
}
