import { useState } from 'react';
import { MacPattern } from '../../../common/networks.js';
import { NIC_MODELS, virshAttachInterface, type ApplyMode, type HardwareView, type NicModel } from '../../../common/hardware.js';
import { ErrorBanner, FormDialog, VirshHint } from '../../lib/ui';
import { Field, Select, TextInput } from '../../lib/ui/Field';
import { useNetworks } from '../networks/queries';
import { ApplyPicker, allowedApply, applyFlags } from './ApplyPicker';
import { useBridges, useHardwareChange } from './queries';

export function AddNicDialog({ host, hw, onClose, onDone }: { host: string; hw: HardwareView; onClose: () => void; onDone: (virsh: string, summary: string) => void }) {
  const change = useHardwareChange(host, hw.uuid);
  const networks = useNetworks(host).data?.networks ?? [];
  const bridges = useBridges(host).data ?? [];
  const [type, setType] = useState<'network' | 'bridge'>('network');
  const [network, setNetwork] = useState<string | undefined>(undefined);
  const [bridge, setBridge] = useState<string | undefined>(undefined);
  const [model, setModel] = useState<NicModel>('virtio');
  const [mac, setMac] = useState('');
  const [apply, setApply] = useState<ApplyMode>(allowedApply(hw)[0] ?? 'config');
  const source = type === 'network' ? (network ?? networks.find((n) => n.name === 'default')?.name ?? networks[0]?.name) : (bridge ?? bridges[0]);
  const macError = mac.trim() !== '' && !new RegExp(MacPattern).test(mac.trim()) ? 'A MAC looks like 52:54:00:12:34:56' : hw.interfaces.some((i) => i.mac === mac.trim().toLowerCase()) ? 'This VM already has a NIC with this MAC' : undefined;
  const valid = source !== undefined && macError === undefined;
  const flags = applyFlags(apply);

  return (
    <FormDialog
      title={`Add a NIC to ${hw.name}`}
      onClose={onClose}
      id="nic-add-dialog"
      submitLabel="Add NIC"
      submitId="nic-add-submit"
      busy={change.isPending}
      disabled={!valid}
      onSubmit={() => {
        if (source === undefined) return;
        const body = {
          source: type === 'network' ? { type, network: source } : { type, bridge: source },
          model,
          apply,
          ...(mac.trim() === '' ? {} : { mac: mac.trim() }),
        };
        change.mutate({ method: 'post', path: ['interfaces'], body }, { onSuccess: (r) => onDone(r.virsh, r.summary) });
      }}
    >
      <div className="space-y-3">
        <div className="flex gap-4 text-sm" role="radiogroup" aria-label="Connect to">
          <label className="flex items-center gap-1"><input type="radio" id="nic-type-network" checked={type === 'network'} onChange={() => setType('network')} /> Virtual network</label>
          <label className="flex items-center gap-1"><input type="radio" id="nic-type-bridge" checked={type === 'bridge'} onChange={() => setType('bridge')} /> Host bridge</label>
        </div>
        {type === 'network' ? (
          <Field id="nic-network" label="Network" immediate error={source === undefined ? 'This host has no virtual networks' : undefined}>
            <Select id="nic-network" value={source ?? ''} onValue={setNetwork} options={networks.map((n) => ({ value: n.name, label: `${n.name}${n.active ? '' : ' (inactive)'}` }))} />
          </Field>
        ) : (
          <Field id="nic-bridge" label="Bridge" immediate error={source === undefined ? 'This host has no bridges' : undefined}>
            <Select id="nic-bridge" value={source ?? ''} onValue={setBridge} options={bridges.map((b) => ({ value: b, label: b }))} />
          </Field>
        )}
        <div className="grid grid-cols-2 gap-2">
          <Field id="nic-model" label="Model">
            <Select id="nic-model" value={model} onValue={(m) => setModel(NIC_MODELS.find((x) => x === m) ?? 'virtio')} options={NIC_MODELS.map((m) => ({ value: m, label: m }))} />
          </Field>
          <Field id="nic-mac" label="MAC" hint="Empty: a free 52:54:00:… address" error={macError}>
            <TextInput id="nic-mac" value={mac} onValue={setMac} error={macError} placeholder="52:54:00:…" />
          </Field>
        </div>
        <ApplyPicker id="nic-apply" hw={hw} value={apply} onValue={setApply} />
        <VirshHint command={virshAttachInterface(hw.name, type, source ?? '', model, mac.trim() === '' ? '<generated>' : mac.trim(), flags.live, flags.config)} />
        {change.error !== null && <ErrorBanner error={change.error} title="The NIC was not added" id="nic-add-error" />}
      </div>
    </FormDialog>
  );
}
