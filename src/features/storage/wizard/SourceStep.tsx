import { POOL_TYPE_SPECS } from '../../../../common/storage-pool-types.js';
import type { PoolSource } from '../../../../common/storage.js';
import { Button, ErrorBanner } from '../../../lib/ui';
import { Checkbox, Field, Select, TextInput } from '../../../lib/ui/Field';
import { useFindSources } from '../queries';
import type { StepProps } from './step-props';

function describeSource(s: PoolSource): string {
  return [s.host, s.dir, s.device, s.name, s.format].filter((x) => x !== undefined && x !== '').join(' · ');
}

function Discover({ host, state, update }: Omit<StepProps, 'errorOf'>) {
  const spec = POOL_TYPE_SPECS[state.type];
  const find = useFindSources(host);
  if (spec.discover === undefined || (state.type !== 'netfs' && state.type !== 'logical' && state.type !== 'iscsi')) return null;
  const needsHost = spec.discover === 'host';
  const type = state.type;
  return (
    <div className="rounded-md border border-dashed border-zinc-300 p-2 dark:border-zinc-700">
      <div className="flex items-center gap-2">
        <Button
          size="sm"
          id="pool-wizard-discover"
          busy={find.isPending}
          disabled={needsHost && state.host.trim() === ''}
          onClick={() => find.mutate({ type, ...(needsHost ? { host: state.host.trim() } : {}) })}
        >
          {needsHost ? 'Find sources on this host' : 'Find volume groups'}
        </Button>
        <span className="text-xs text-zinc-500">libvirt scans {needsHost ? 'the server for exports/targets' : 'this host'} and lists what it finds.</span>
      </div>
      {find.error !== null && <div className="mt-2"><ErrorBanner error={find.error} /></div>}
      {find.data !== undefined && (
        <ul className="mt-2 space-y-1" id="pool-wizard-sources">
          {find.data.sources.length === 0 && <li className="text-xs text-zinc-500">Nothing found.</li>}
          {find.data.sources.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                className="text-left text-xs text-sky-700 hover:underline dark:text-sky-400"
                onClick={() => update({
                  ...(s.host !== undefined ? { host: s.host } : {}),
                  ...(s.dir !== undefined ? { dir: s.dir } : {}),
                  ...(s.device !== undefined ? { device: s.device } : {}),
                  ...(s.name !== undefined ? { sourceName: s.name } : {}),
                  ...(s.format !== undefined && spec.formats?.includes(s.format) ? { format: s.format } : {}),
                })}
              >
                Use {describeSource(s)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SourceStep({ host, state, update, errorOf }: StepProps) {
  const spec = POOL_TYPE_SPECS[state.type];
  const need = spec.source;
  const req = (f: keyof typeof need): boolean => need[f] === 'required';
  const fields = Object.keys(need);
  return (
    <div className="space-y-3">
      {fields.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" id="pool-wizard-no-source">
          A {spec.label.toLowerCase()} pool needs no source: continue to the target.
        </p>
      )}
      {need.host !== undefined && (
        <div className="grid grid-cols-[1fr_8rem] gap-2">
          <Field id="pool-wizard-host" label="Host" required={req('host')} error={errorOf('source.host')} hint="Host name or IP address of the server">
            <TextInput id="pool-wizard-host" value={state.host} onValue={(host) => update({ host })} error={errorOf('source.host')} placeholder="nfs.example.com" />
          </Field>
          {need.port !== undefined && (
            <Field id="pool-wizard-port" label="Port" error={errorOf('source.port')}>
              <TextInput id="pool-wizard-port" value={state.port} onValue={(port) => update({ port })} error={errorOf('source.port')} inputMode="numeric" placeholder={state.type === 'rbd' ? '6789' : '3260'} />
            </Field>
          )}
        </div>
      )}
      <Discover host={host} state={state} update={update} />
      {need.dir !== undefined && (
        <Field id="pool-wizard-dir" label="Exported directory" required={req('dir')} error={errorOf('source.dir')} hint="The path the server exports">
          <TextInput id="pool-wizard-dir" value={state.dir} onValue={(dir) => update({ dir })} error={errorOf('source.dir')} placeholder="/export/vms" />
        </Field>
      )}
      {need.device !== undefined && (
        <Field
          id="pool-wizard-device"
          label={spec.deviceKind === 'iqn' ? 'Target IQN' : 'Device'}
          required={req('device')}
          error={errorOf('source.device')}
          hint={spec.deviceKind === 'iqn' ? 'e.g. iqn.2004-04.com.example:storage.disk1' : 'Block device path, e.g. /dev/sdb1'}
        >
          <TextInput id="pool-wizard-device" value={state.device} onValue={(device) => update({ device })} error={errorOf('source.device')} />
        </Field>
      )}
      {need.name !== undefined && (
        <Field
          id="pool-wizard-source-name"
          label={state.type === 'logical' ? 'Volume group' : state.type === 'rbd' ? 'Ceph pool' : 'ZFS pool'}
          required={req('name')}
          error={errorOf('source.name')}
          {...(state.type === 'logical' ? { hint: 'Defaults to the pool name' } : {})}
        >
          <TextInput id="pool-wizard-source-name" value={state.sourceName} onValue={(sourceName) => update({ sourceName })} error={errorOf('source.name')} />
        </Field>
      )}
      {need.format !== undefined && spec.formats !== undefined && (
        <Field id="pool-wizard-format" label="Format" error={errorOf('source.format')}>
          <Select
            id="pool-wizard-format"
            value={state.format}
            onValue={(format) => update({ format })}
            options={[{ value: '', label: 'default (libvirt decides)' }, ...spec.formats.map((f) => ({ value: f, label: f }))]}
          />
        </Field>
      )}
      {need.initiatorIqn !== undefined && (
        <Field id="pool-wizard-initiator" label="Initiator IQN" required={req('initiatorIqn')} error={errorOf('source.initiatorIqn')} hint="This host's iSCSI name, e.g. iqn.1994-05.com.redhat:client1">
          <TextInput id="pool-wizard-initiator" value={state.initiatorIqn} onValue={(initiatorIqn) => update({ initiatorIqn })} error={errorOf('source.initiatorIqn')} />
        </Field>
      )}
      {need.adapter !== undefined && (
        <div className="space-y-2">
          <Field id="pool-wizard-adapter-type" label="Adapter">
            <Select
              id="pool-wizard-adapter-type"
              value={state.adapterType}
              onValue={(v) => update({ adapterType: v === 'fc_host' ? 'fc_host' : 'scsi_host' })}
              options={[{ value: 'scsi_host', label: 'SCSI host (scsi_host)' }, { value: 'fc_host', label: 'Fibre Channel vHBA (fc_host)' }]}
            />
          </Field>
          {state.adapterType === 'scsi_host' ? (
            <Field id="pool-wizard-adapter-name" label="Adapter name" required error={errorOf('source.adapter.name')} hint="e.g. host0 (see /sys/class/scsi_host)">
              <TextInput id="pool-wizard-adapter-name" value={state.adapterName} onValue={(adapterName) => update({ adapterName })} error={errorOf('source.adapter.name')} />
            </Field>
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <Field id="pool-wizard-wwnn" label="WWNN" required error={errorOf('source.adapter.wwnn')}>
                <TextInput id="pool-wizard-wwnn" value={state.wwnn} onValue={(wwnn) => update({ wwnn })} error={errorOf('source.adapter.wwnn')} />
              </Field>
              <Field id="pool-wizard-wwpn" label="WWPN" required error={errorOf('source.adapter.wwpn')}>
                <TextInput id="pool-wizard-wwpn" value={state.wwpn} onValue={(wwpn) => update({ wwpn })} error={errorOf('source.adapter.wwpn')} />
              </Field>
              <Field id="pool-wizard-adapter-parent" label="Parent HBA" error={errorOf('source.adapter.parent')} hint="Optional, e.g. scsi_host5">
                <TextInput id="pool-wizard-adapter-parent" value={state.adapterParent} onValue={(adapterParent) => update({ adapterParent })} error={errorOf('source.adapter.parent')} />
              </Field>
            </div>
          )}
        </div>
      )}
      {need.auth !== undefined && (
        <div className="space-y-2">
          <Checkbox id="pool-wizard-auth" checked={state.auth} onChecked={(auth) => update({ auth })} label={`Authenticate (${spec.authType ?? ''})`} hint="The password lives in a libvirt secret (virsh secret-define)" />
          {state.auth && (
            <div className="grid grid-cols-2 gap-2">
              <Field id="pool-wizard-auth-user" label="User name" required error={errorOf('source.auth.username')}>
                <TextInput id="pool-wizard-auth-user" value={state.authUser} onValue={(authUser) => update({ authUser })} error={errorOf('source.auth.username')} />
              </Field>
              <Field id="pool-wizard-secret" label={state.secretKind === 'uuid' ? 'Secret UUID' : 'Secret usage name'} required error={errorOf('source.auth.secret')}>
                <div className="flex gap-1">
                  <Select
                    id="pool-wizard-secret-kind"
                    className="w-24"
                    value={state.secretKind}
                    onValue={(v) => update({ secretKind: v === 'uuid' ? 'uuid' : 'usage' })}
                    options={[{ value: 'usage', label: 'usage' }, { value: 'uuid', label: 'uuid' }]}
                  />
                  <TextInput id="pool-wizard-secret" value={state.secret} onValue={(secret) => update({ secret })} error={errorOf('source.auth.secret')} />
                </div>
              </Field>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
