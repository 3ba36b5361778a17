import { useState } from 'react';
import type { PoolSummary } from '../../../common/storage.js';
import { poolCommand } from '../../../common/storage-virsh.js';
import { ConfirmDialog, ErrorBanner, Switch, VirshHint } from '../../lib/ui';
import { TextInput } from '../../lib/ui/Field';
import { acl, useCan } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { BackingDependants } from './BackingDependants';
import { usePoolAction, usePoolUsers, type PoolAction } from './queries';

type Confirm = 'stop' | 'undefine' | 'delete-storage' | null;

/** Lifecycle buttons of one pool; destructive ones ask first and say what is lost. */
export function PoolActions({ host, pool }: { host: string; pool: PoolSummary }) {
  const action = usePoolAction(host);
  const guard = { privilege: 'storage.edit', path: acl.pool(host, pool.name) } as const;
  const edit = useCan(guard.privilege, guard.path);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [typed, setTyped] = useState('');
  const [breakDependants, setBreakDependants] = useState(false);
  const run = (a: PoolAction, after?: () => void) =>
    action.mutate({ pool: pool.name, action: a }, { onSuccess: () => { setConfirm(null); setTyped(''); after?.(); } });
  const busy = (a: PoolAction) => action.isPending && action.variables.action === a;
  const id = (a: string) => `pool-${pool.name}-${a}`;
  const closeConfirm = () => { setConfirm(null); setTyped(''); setBreakDependants(false); action.reset(); };
  const users = usePoolUsers(host, pool.name, confirm === 'undefine' || confirm === 'delete-storage');
  const usersReady = users.data !== undefined || users.error !== null;
  const dependants = users.data?.dependants ?? [];
  const usersError = users.error !== null && <ErrorBanner error={users.error} title="Cannot tell which VMs have disks in this pool" />;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {pool.active ? (
          <>
            <GuardedButton {...guard} size="sm" id={id('refresh')} busy={busy('refresh')} onClick={() => run('refresh')}>Refresh</GuardedButton>
            <GuardedButton {...guard} size="sm" id={id('stop')} onClick={() => setConfirm('stop')}>Stop</GuardedButton>
          </>
        ) : (
          <>
            <GuardedButton {...guard} size="sm" variant="primary" id={id('start')} busy={busy('start')} onClick={() => run('start')}>Start</GuardedButton>
            <GuardedButton {...guard} size="sm" id={id('build')} busy={busy('build')} onClick={() => run('build')}>Build</GuardedButton>
            <GuardedButton {...guard} size="sm" variant="danger" id={id('undefine')} onClick={() => setConfirm('undefine')}>Remove pool</GuardedButton>
            <GuardedButton {...guard} size="sm" variant="danger" id={id('delete-storage')} onClick={() => setConfirm('delete-storage')}>Delete storage…</GuardedButton>
          </>
        )}
        <Switch
          label="Autostart"
          id={id('autostart')}
          checked={pool.autostart}
          busy={busy('autostart-on') || busy('autostart-off')}
          disabled={!edit.allowed}
          onChange={(on) => run(on ? 'autostart-on' : 'autostart-off')}
          title={edit.disabledReason ?? poolCommand.autostart(pool.name, !pool.autostart)}
        />
      </div>
      {action.error !== null && confirm === null && <ErrorBanner error={action.error} id={id('error')} />}
      <details className="text-xs">
        <summary className="cursor-pointer text-sky-700 dark:text-sky-400">virsh equivalents</summary>
        <ul className="mt-1 space-y-0.5 font-mono" id={id('virsh')}>
          {[poolCommand.start(pool.name), poolCommand.stop(pool.name), poolCommand.refresh(pool.name), poolCommand.build(pool.name),
            poolCommand.autostart(pool.name, !pool.autostart), poolCommand.undefine(pool.name), poolCommand.deleteStorage(pool.name)].map((c) => (
            <li key={c} className="select-all">{c}</li>
          ))}
        </ul>
      </details>

      <ConfirmDialog
        open={confirm === 'stop'}
        title={`Stop pool ${pool.name}?`}
        confirmLabel="Stop pool"
        busy={busy('stop')}
        error={confirm === 'stop' ? action.error : undefined}
        onConfirm={() => run('stop')}
        onCancel={closeConfirm}
        id="pool-stop-dialog"
      >
        <p>Its volumes stay on disk but cannot be used, created or listed until the pool is started again. Running VMs keep the disks they have open.</p>
        <VirshHint command={poolCommand.stop(pool.name)} />
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'undefine'}
        title={`Remove pool ${pool.name}?`}
        confirmLabel="Remove pool"
        danger
        busy={busy('undefine')}
        error={confirm === 'undefine' ? action.error : undefined}
        onConfirm={() => run('undefine')}
        onCancel={closeConfirm}
        id="pool-undefine-dialog"
        ready={usersReady}
        affected={{
          vms: users.data?.vms ?? [],
          running: 'keeps the disks it has open; they belong to no pool until the pool is defined again',
          stopped: 'disks it names by pool and volume are not found until the pool is defined again (disks named by path still work)',
        }}
      >
        {usersError}
        <p>libvirt forgets the pool definition. The storage itself ({pool.targetPath ?? 'its source'}) and the files in it are kept.</p>
        <VirshHint command={poolCommand.undefine(pool.name)} />
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'delete-storage'}
        title={`Delete the storage of ${pool.name}?`}
        confirmLabel="Delete storage"
        danger
        busy={busy('delete-storage') || busy('delete-storage-breaking')}
        error={confirm === 'delete-storage' ? action.error : undefined}
        onConfirm={() => { if (typed === pool.name) run(dependants.length > 0 ? 'delete-storage-breaking' : 'delete-storage'); }}
        onCancel={closeConfirm}
        id="pool-delete-storage-dialog"
        ready={usersReady && (dependants.length === 0 || breakDependants)}
        affected={{
          vms: users.data?.vms ?? [],
          running: 'its disks in this pool are deleted while it runs: what it writes there is lost',
          stopped: 'loses its disks in this pool and cannot start with them',
        }}
      >
        {usersError}
        <p>
          This deletes the pool&apos;s underlying storage{pool.targetPath !== undefined ? <> (<span className="font-mono">{pool.targetPath}</span>)</> : null}:
          a directory pool&apos;s directory, an LVM pool&apos;s volume group. Whatever is in it is lost. The pool definition stays.
        </p>
        {dependants.length > 0 && (
          <BackingDependants id="pool-delete-dependants" dependants={dependants} what="This pool holds the backing files of" checked={breakDependants} onChecked={setBreakDependants} />
        )}
        <label htmlFor="pool-delete-storage-confirm" className="block text-sm">Type <span className="font-mono font-semibold">{pool.name}</span> to confirm</label>
        <TextInput id="pool-delete-storage-confirm" value={typed} onValue={setTyped} />
        <VirshHint command={poolCommand.deleteStorage(pool.name)} />
      </ConfirmDialog>
    </div>
  );
}
