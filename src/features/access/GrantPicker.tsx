import { useEffect, useState } from 'react';
import type { Grant } from '../../../common/access.js';
import { useHosts } from '../../app/hosts';
import { Field, Select } from '../../lib/ui';
import { ObjectSelect } from './ObjectSelect';
import { SCOPE_LABELS, scopePath, type ScopeChoice, type ScopeKind } from './grant-path';

export interface RoleOption {
  name: string;
  description: string;
  builtIn: boolean;
}

export interface GrantPickerProps {
  /** Ids: `<idPrefix>-role`, `-scope`, `-host`, `-object`, and `-path` for the resulting path. */
  idPrefix: string;
  roles: readonly RoleOption[];
  /** The host chosen at first (the one the user is looking at). */
  initialHost?: string;
  /** Called with the complete grant, or undefined while a part is missing; a stable function (a state setter). */
  onChange: (grant: Grant | undefined) => void;
}

const KINDS: readonly ScopeKind[] = ['root', 'host', 'vms', 'pools', 'networks'];

/** A role and the path it is granted on: everything, a host, or a VM, pool or network of a host. */
export function GrantPicker({ idPrefix, roles, initialHost = '', onChange }: GrantPickerProps) {
  const { data: hostList, error: hostsError } = useHosts();
  const hosts = hostList?.hosts ?? [];
  const [role, setRole] = useState('');
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'root', host: initialHost, object: '' });
  // Until the user picks one, the host is the initial one if configured, else the first.
  const host = choice.host !== '' && (hostList === undefined || hosts.some((h) => h.id === choice.host)) ? choice.host : (hosts[0]?.id ?? '');
  const effective: ScopeChoice = { ...choice, host };
  const path = scopePath(effective);

  useEffect(() => {
    onChange(role !== '' && path !== undefined ? { role, path } : undefined);
  }, [role, path, onChange]);

  const pickScope = (patch: Partial<ScopeChoice>) => setChoice({ ...effective, ...patch });

  const builtIn = roles.filter((r) => r.builtIn);
  const custom = roles.filter((r) => !r.builtIn);
  const chosenRole = roles.find((r) => r.name === role);
  const hostProblem = hostsError !== null ? 'The configured hosts cannot be read.' : hostList !== undefined && hosts.length === 0 ? 'No hosts are configured.' : undefined;

  return (
    <div className="space-y-3">
      <Field id={`${idPrefix}-role`} label="Role" error={role === '' ? 'Choose a role.' : undefined} hint={chosenRole?.description}>
        <Select
          id={`${idPrefix}-role`}
          value={role}
          onValue={setRole}
          options={[
            { value: '', label: 'Choose a role…' },
            ...builtIn.map((r) => ({ value: r.name, label: r.name })),
            ...custom.map((r) => ({ value: r.name, label: `${r.name} (custom)` })),
          ]}
        />
      </Field>
      <Field id={`${idPrefix}-scope`} label="On" hint="A role on a path covers everything below it.">
        <Select
          id={`${idPrefix}-scope`}
          value={effective.kind}
          onValue={(kind) => pickScope({ kind: kind as ScopeKind, object: '' })}
          options={KINDS.map((k) => ({ value: k, label: SCOPE_LABELS[k] }))}
        />
      </Field>
      {effective.kind !== 'root' && (
        <Field id={`${idPrefix}-host`} label="Host" error={hostProblem} immediate>
          <Select id={`${idPrefix}-host`} value={host} onValue={(h) => pickScope({ host: h, object: '' })} options={hosts.map((h) => ({ value: h.id, label: `${h.id} (${h.uri})` }))} />
        </Field>
      )}
      {(effective.kind === 'vms' || effective.kind === 'pools' || effective.kind === 'networks') && host !== '' && (
        <ObjectSelect
          key={`${effective.kind}-${host}`}
          id={`${idPrefix}-object`}
          kind={effective.kind}
          host={host}
          value={effective.object}
          onValue={(object) => pickScope({ object })}
          error={effective.object === '' ? 'Choose one.' : undefined}
        />
      )}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Path: <output id={`${idPrefix}-path`} className="font-mono text-zinc-800 dark:text-zinc-200">{path ?? '—'}</output>
      </p>
    </div>
  );
}
