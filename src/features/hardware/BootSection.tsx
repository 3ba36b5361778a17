import { useState } from 'react';
import { BOOT_DEVICES, virshBoot, type HardwareView } from '../../../common/hardware.js';
import { Button, ErrorBanner, VirshHint } from '../../lib/ui';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { useHardwareChange } from './queries';

type BootDevice = (typeof BOOT_DEVICES)[number];
const LABELS: Record<BootDevice, string> = { hd: 'Hard disk', cdrom: 'CD-ROM', network: 'Network (PXE)', fd: 'Floppy' };
const isBootDevice = (d: string): d is BootDevice => (BOOT_DEVICES as readonly string[]).includes(d);

export function BootSection({ host, hw, onDone }: { host: string; hw: HardwareView; onDone: (virsh: string, summary: string) => void }) {
  const change = useHardwareChange(host, hw.uuid);
  const guard = { privilege: 'vm.config', path: acl.vm(host, hw.uuid) } as const;
  const initial = hw.bootDevices.filter(isBootDevice);
  const [order, setOrder] = useState<BootDevice[]>(initial.length > 0 ? initial : ['hd']);
  const move = (i: number, by: number) => {
    const next = order.slice();
    const [item] = next.splice(i, 1);
    if (item !== undefined) next.splice(i + by, 0, item);
    setOrder(next);
  };
  const unused = BOOT_DEVICES.filter((d) => !order.includes(d));
  return (
    <section aria-labelledby="hw-boot-title" className="space-y-2">
      <h2 id="hw-boot-title" className="text-sm font-semibold">Boot order (next boot)</h2>
      {hw.directKernelBoot && <p className="text-xs text-zinc-500">This VM boots a kernel directly; the boot order matters only without it.</p>}
      <ol id="hw-boot-order" className="space-y-1 text-sm">
        {order.map((d, i) => (
          <li key={d} className="flex items-center gap-2">
            <span className="w-32">{i + 1}. {LABELS[d]}</span>
            <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${LABELS[d]} up`}>↑</Button>
            <Button size="sm" variant="ghost" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${LABELS[d]} down`}>↓</Button>
            <Button size="sm" variant="ghost" disabled={order.length === 1} onClick={() => setOrder(order.filter((x) => x !== d))} aria-label={`Remove ${LABELS[d]}`}>Remove</Button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-1">
        {unused.map((d) => <Button key={d} size="sm" onClick={() => setOrder([...order, d])}>Add {LABELS[d]}</Button>)}
      </div>
      <VirshHint command={virshBoot(hw.name, order)} />
      <GuardedButton {...guard} size="sm" variant="primary" id="hw-boot-save" busy={change.isPending} disabled={!hw.persistent} onClick={() => change.mutate({ method: 'put', path: ['boot'], body: { devices: order } }, { onSuccess: (r) => onDone(r.virsh, r.summary) })}>
        Save boot order
      </GuardedButton>
      {change.error !== null && <ErrorBanner error={change.error} title="The boot order did not change" />}
    </section>
  );
}
