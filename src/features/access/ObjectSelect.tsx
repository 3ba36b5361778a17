import { errorText, Field, Select } from '../../lib/ui';
import { useNetworks } from '../networks/queries';
import { usePools } from '../storage/queries';
import { useVmList } from '../vms/queries';

interface Option {
  value: string;
  label: string;
}

interface ObjectSelectProps {
  id: string;
  host: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

interface ListState {
  options: Option[] | undefined;
  error: unknown;
}

function ObjectField({ id, value, onValue, error, label, noun, list }: ObjectSelectProps & { label: string; noun: string; list: ListState }) {
  const problem = list.error !== null && list.error !== undefined ? `Cannot list the ${noun}s of this host: ${errorText(list.error).message}` : undefined;
  const options = list.options;
  const empty = options !== undefined && options.length === 0 ? `This host has no ${noun}s.` : undefined;
  return (
    <Field id={id} label={label} error={problem ?? empty ?? error} immediate={problem !== undefined || empty !== undefined}>
      <Select
        id={id}
        value={value}
        onValue={onValue}
        options={[{ value: '', label: options === undefined && problem === undefined ? `Loading ${noun}s…` : `Choose a ${noun}…` }, ...(options ?? [])]}
      />
    </Field>
  );
}

function VmSelect(props: ObjectSelectProps) {
  const { data, error } = useVmList(props.host);
  const options = data?.vms.map((vm) => ({ value: vm.uuid, label: vm.name })).sort((a, b) => a.label.localeCompare(b.label));
  return <ObjectField {...props} label="VM" noun="VM" list={{ options, error }} />;
}

function PoolSelect(props: ObjectSelectProps) {
  const { data, error } = usePools(props.host);
  return <ObjectField {...props} label="Storage pool" noun="pool" list={{ options: data?.map((p) => ({ value: p.name, label: p.name })), error }} />;
}

function NetworkSelect(props: ObjectSelectProps) {
  const { data, error } = useNetworks(props.host);
  return <ObjectField {...props} label="Network" noun="network" list={{ options: data?.networks.map((n) => ({ value: n.name, label: n.name })), error }} />;
}

/** The VM, pool or network of a host to grant on; each kind reads only its own list, when chosen. */
export function ObjectSelect({ kind, ...props }: ObjectSelectProps & { kind: 'vms' | 'pools' | 'networks' }) {
  if (kind === 'vms') return <VmSelect {...props} />;
  if (kind === 'pools') return <PoolSelect {...props} />;
  return <NetworkSelect {...props} />;
}
