import { NIC_MODELS } from '../../../../common/provisioning.js';
import { Choices, Field, inputClass } from '../fields';
import type { NetworkKind } from './model';
import type { StepProps } from './step-props';

export function NetworkStep({ state, update, options }: StepProps) {
  return (
    <div className="space-y-4">
      <Choices<NetworkKind>
        label="Network interface (MAC generated, 52:54:00:…)"
        name="new-vm-net"
        idPrefix="new-vm-net"
        value={state.network}
        onChange={(network) => update({ network })}
        choices={[
          { value: 'network', label: 'Virtual network', hint: 'NAT or routed network managed by libvirt' },
          { value: 'bridge', label: 'Host bridge', hint: 'The VM sits on the host’s LAN' },
          { value: 'none', label: 'No network' },
        ]}
      />
      {state.network !== 'none' && (
        <div className="grid grid-cols-2 gap-3">
          {state.network === 'network' ? (
            <Field label="Network" htmlFor="new-vm-network">
              <select id="new-vm-network" className={inputClass} value={state.networkName} onChange={(e) => update({ networkName: e.target.value })}>
                <option value="">Choose…</option>
                {options?.networks.map((n) => (
                  <option key={n.name} value={n.name}>
                    {n.name}
                    {n.active ? '' : ' (inactive)'}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label="Bridge" htmlFor="new-vm-bridge">
              <input id="new-vm-bridge" className={inputClass} value={state.bridge} onChange={(e) => update({ bridge: e.target.value })} placeholder="br0" />
            </Field>
          )}
          <Field label="Model" htmlFor="new-vm-nic-model">
            <select id="new-vm-nic-model" className={inputClass} value={state.nicModel} onChange={(e) => update({ nicModel: NIC_MODELS.find((m) => m === e.target.value) ?? '' })}>
              <option value="">Automatic ({state.os.virtioNet ? 'virtio' : 'e1000'} for {state.os.name})</option>
              {NIC_MODELS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
    </div>
  );
}
