import { useMemo, useState } from 'react';
import { checkNetworkCreate, FORWARD_MODES, type CreatableForwardMode, type NetworkCreateBody, type NetworkSummary } from '../../../common/networks.js';
import { Button, ErrorBanner, FormDialog, VirshHint } from '../../lib/ui';
import { Checkbox, Field, Select, TextInput } from '../../lib/ui/Field';
import { useCreateNetwork } from './queries';
import { suggestRange } from './range';
import { virshForCreate } from './virsh';

const MODE_LABELS: Record<CreatableForwardMode, string> = {
  nat: 'NAT (guests reach outside through the host)',
  route: 'Routed (no NAT; the LAN needs a route back)',
  isolated: 'Isolated (guests and host only)',
  open: 'Open (no firewall rules added)',
};

interface HostRow {
  mac: string;
  ip: string;
  name: string;
}

export function CreateNetworkDialog({ host, open, onClose, existing }: { host: string; open: boolean; onClose: () => void; existing: readonly NetworkSummary[] }) {
  const create = useCreateNetwork(host);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<CreatableForwardMode>('nat');
  const [address, setAddress] = useState('10.200.10.1');
  const [prefix, setPrefix] = useState('24');
  const [dhcp, setDhcp] = useState(true);
  const [range, setRange] = useState<{ start: string; end: string } | undefined>(undefined);
  const [hosts, setHosts] = useState<HostRow[]>([]);
  const [bridge, setBridge] = useState('');
  const [start, setStart] = useState(true);
  const [autostart, setAutostart] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const suggested = suggestRange(address, prefix);
  const dhcpRange = range ?? suggested ?? { start: '', end: '' };

  const body: NetworkCreateBody = {
    name: name.trim(),
    forwardMode: mode,
    ...(bridge.trim() === '' ? {} : { bridge: bridge.trim() }),
    ipv4: {
      address: address.trim(),
      prefix: Number(prefix),
      ...(dhcp ? { dhcp: { start: dhcpRange.start.trim(), end: dhcpRange.end.trim() } } : {}),
      ...(hosts.length === 0 ? {} : { hosts: hosts.map((h) => ({ mac: h.mac.trim(), ip: h.ip.trim(), ...(h.name.trim() === '' ? {} : { name: h.name.trim() }) })) }),
    },
    start,
    autostart,
  };
  const existingBlocks = useMemo(() => existing.map((n) => ({ name: n.name, cidr: n.ipv4?.cidr ?? '' })), [existing]);
  const errors = checkNetworkCreate(body, existingBlocks);
  if (body.name === '') errors['name'] = 'A name is required';
  const shown = (field: string, value: string): string | undefined => (submitted || value !== '' ? errors[field] : undefined);
  const valid = Object.keys(errors).length === 0;

  const close = () => {
    create.reset();
    setSubmitted(false);
    onClose();
  };
  const submit = () => {
    setSubmitted(true);
    if (!valid) return;
    create.mutate(body, { onSuccess: close });
  };

  return (
    <FormDialog
      open={open}
      title="Create a virtual network"
      onClose={close}
      id="network-create-dialog"
      wide
      submitLabel="Create"
      submitId="network-create-submit"
      busy={create.isPending}
      onSubmit={submit}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id="network-name" label="Name" required error={shown('name', name)}>
          <TextInput id="network-name" value={name} onValue={setName} error={shown('name', name)} autoFocus placeholder="lab" />
        </Field>
        <Field id="network-mode" label="Mode">
          <Select id="network-mode" value={mode} onValue={(m) => setMode(FORWARD_MODES.find((x) => x === m) ?? 'nat')} options={FORWARD_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
        </Field>
        <div className="grid grid-cols-[1fr_6rem] gap-2">
          <Field id="network-address" label="IPv4 address of the host on the network" required error={shown('ipv4.address', address)}>
            <TextInput id="network-address" value={address} onValue={setAddress} error={shown('ipv4.address', address)} />
          </Field>
          <Field id="network-prefix" label="Prefix" error={shown('ipv4.prefix', prefix)}>
            <TextInput id="network-prefix" value={prefix} onValue={setPrefix} error={shown('ipv4.prefix', prefix)} inputMode="numeric" />
          </Field>
        </div>
        <Checkbox id="network-dhcp" checked={dhcp} onChecked={setDhcp} label="DHCP" hint="libvirt's dnsmasq hands out addresses from this range" />
        {dhcp && (
          <div className="grid grid-cols-2 gap-2">
            <Field id="network-dhcp-start" label="Range start" error={shown('ipv4.dhcp.start', dhcpRange.start) ?? shown('ipv4.dhcp', dhcpRange.start)}>
              <TextInput id="network-dhcp-start" value={dhcpRange.start} onValue={(s) => setRange({ ...dhcpRange, start: s })} error={shown('ipv4.dhcp.start', dhcpRange.start) ?? shown('ipv4.dhcp', dhcpRange.start)} />
            </Field>
            <Field id="network-dhcp-end" label="Range end" error={shown('ipv4.dhcp.end', dhcpRange.end)}>
              <TextInput id="network-dhcp-end" value={dhcpRange.end} onValue={(s) => setRange({ ...dhcpRange, end: s })} error={shown('ipv4.dhcp.end', dhcpRange.end)} />
            </Field>
          </div>
        )}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Static DHCP hosts</legend>
          {hosts.map((h, i) => {
            const set = (patch: Partial<HostRow>) => setHosts(hosts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            const macError = shown(`ipv4.hosts.${i}.mac`, h.mac);
            const ipError = shown(`ipv4.hosts.${i}.ip`, h.ip);
            return (
              <div key={i} className="grid grid-cols-[1fr_1fr_1fr_auto] items-start gap-2" data-testid="network-host-row">
                <TextInput id={`network-host-${i}-mac`} value={h.mac} onValue={(mac) => set({ mac })} error={macError} placeholder="52:54:00:…" aria-label="MAC" />
                <TextInput id={`network-host-${i}-ip`} value={h.ip} onValue={(ip) => set({ ip })} error={ipError} placeholder="IPv4 address" aria-label="IP address" />
                <TextInput id={`network-host-${i}-name`} value={h.name} onValue={(n) => set({ name: n })} placeholder="host name (optional)" aria-label="Host name" />
                <Button size="sm" variant="ghost" onClick={() => setHosts(hosts.filter((_, j) => j !== i))} aria-label={`Remove host ${i + 1}`}>
                  Remove
                </Button>
                {(macError ?? ipError) !== undefined && <p className="col-span-4 text-xs text-red-700 dark:text-red-400" data-testid="field-error">{macError ?? ipError}</p>}
              </div>
            );
          })}
          <Button size="sm" onClick={() => setHosts([...hosts, { mac: '', ip: '', name: '' }])} id="network-add-host">
            Add static host
          </Button>
        </fieldset>
        <Field id="network-bridge" label="Bridge device" hint="Leave empty and libvirt picks virbrN" error={shown('bridge', bridge)}>
          <TextInput id="network-bridge" value={bridge} onValue={setBridge} error={shown('bridge', bridge)} placeholder="virbr10" />
        </Field>
        <div className="flex gap-6">
          <Checkbox id="network-start" checked={start} onChecked={setStart} label="Start now" />
          <Checkbox id="network-autostart" checked={autostart} onChecked={setAutostart} label="Start when the host boots" />
        </div>
        <VirshHint command={virshForCreate(body.name || 'NAME', start, autostart)} id="network-create-virsh" />
        {create.error !== null && <ErrorBanner error={create.error} title="libvirt refused the network" id="network-create-error" />}
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}
