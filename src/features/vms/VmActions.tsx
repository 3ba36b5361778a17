import { useState, type ReactNode } from 'react';
import { actionAllowed, type VmActionName, type VmSummary } from '../../../common/vms.js';
import { Button, ConfirmDialog, ErrorBanner, MenuButton, type ButtonVariant } from '../../lib/ui';
import { acl, useCan } from '../auth/access';
import { PowerRequestStatus } from './PowerRequestStatus';
import { powerRequests } from './power-requests';
import { useVmAction } from './queries';
import { virshForAction } from './virsh';

type DirectAction = 'start' | 'suspend' | 'resume';
type PowerAction = 'shutdown' | 'reboot' | 'destroy';

const LABELS: Record<VmActionName, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  reboot: 'Reboot',
  suspend: 'Pause',
  resume: 'Resume',
  destroy: 'Force off',
};

/** Start of a VM with a managed-save image resumes it from there (libvirt restores it). */
const RESTORE_LABEL = 'Start (restore)';

function startTitle(action: VmActionName, vm: VmSummary, virsh: string): string {
  if (action !== 'start' || !vm.managedSave) return virsh;
  return `Restores the saved memory state: the guest continues where it was saved (${virsh})`;
}

/** Run at once: nothing is lost. */
const DIRECT: { action: DirectAction; variant: ButtonVariant }[] = [
  { action: 'start', variant: 'primary' },
  { action: 'suspend', variant: 'secondary' },
  { action: 'resume', variant: 'secondary' },
];

/** In the Shut down menu, as virt-manager has them; each asks first and says what the guest loses. */
const POWER: readonly PowerAction[] = ['shutdown', 'reboot', 'destroy'];

const CONFIRM: Record<PowerAction, { id: string; title: (name: string) => string; danger: boolean; body: ReactNode }> = {
  shutdown: {
    id: 'confirm-shutdown',
    title: (name) => `Shut down “${name}”?`,
    danger: false,
    body: (
      <p>
        The guest is asked to shut down (ACPI power button) and stops its programs and services. Open sessions end and work not saved
        by its programs is lost. A guest that ignores the request keeps running.
      </p>
    ),
  },
  reboot: {
    id: 'confirm-reboot',
    title: (name) => `Reboot “${name}”?`,
    danger: false,
    body: <p>The guest is asked to restart: its programs and services stop and start again, open sessions and connections end, and work not saved by its programs is lost.</p>,
  },
  destroy: {
    id: 'confirm-force-off',
    title: (name) => `Force off “${name}”?`,
    danger: true,
    body: (
      <>
        <p>
          This cuts the power at once, like pulling the plug. The guest gets no chance to shut down: anything it has not yet written to
          disk is lost (unsaved files, data in its caches, open sessions), and its file systems may need a check on the next boot.
        </p>
        <p>Use “Shut down” to let the guest stop cleanly instead.</p>
      </>
    ),
  },
};

export interface VmActionsProps {
  host: string;
  uri: string;
  vm: VmSummary & { domainType?: string };
  /** `vm-action` on the VM page (#vm-action-start …); rows use data-testid instead. */
  idPrefix?: string;
  compact?: boolean;
  /** Where failures go instead of the built-in banner (the list shows one banner for all rows). */
  onError?: (error: unknown, action: VmActionName) => void;
}

/**
 * Lifecycle buttons, enabled by the VM's state: Start, Pause and Resume run at once; Shut down,
 * Reboot and Force off sit in the Shut down menu and each asks first, saying what is lost.
 * Every button's tooltip and the "virsh" disclosure give the equivalent command.
 */
export function VmActions({ host, uri, vm, idPrefix, compact = false, onError }: VmActionsProps) {
  const mutation = useVmAction(host);
  const power = useCan('vm.power', acl.vm(host, vm.uuid));
  const [confirming, setConfirming] = useState<PowerAction | undefined>();
  const [showVirsh, setShowVirsh] = useState(false);
  // libvirt counts a crashed VM as active: Start cannot apply until it is forced off, so it is not offered.
  const direct = (compact ? DIRECT.filter((a) => actionAllowed(a.action, vm.state, vm.domainType)) : DIRECT).filter(
    (a) => !(vm.state === 'crashed' && a.action === 'start'),
  );
  const anyPower = POWER.some((a) => actionAllowed(a, vm.state, vm.domainType));
  const testId = (action: string) => (idPrefix === undefined ? { 'data-testid': `row-action-${action}` } : { id: `${idPrefix}-${action}` });

  const run = (action: VmActionName) => {
    mutation.mutate(
      { uuid: vm.uuid, action },
      {
        onSuccess: ({ vm: after }) => {
          setConfirming(undefined);
          // The guest decides whether to act on these: keep the time, to say how long it has been and when it did not respond.
          if ((action === 'shutdown' || action === 'reboot') && after.state !== 'shutoff') powerRequests.start(host, vm.uuid, action);
          else if (action === 'destroy' || action === 'start') powerRequests.clear(host, vm.uuid);
        },
        onError: (error) => {
          if (onError !== undefined) {
            setConfirming(undefined);
            onError(error, action);
          }
        },
      },
    );
  };
  const pending = mutation.isPending ? mutation.variables.action : undefined;
  const notNow = (action: VmActionName) => `${LABELS[action]} is not possible while the VM is ${vm.state}`;
  const denied = power.allowed ? {} : { 'data-missing-privilege': 'vm.power' };
  const dialog = confirming === undefined ? undefined : CONFIRM[confirming];

  const powerStatus = (
    <PowerRequestStatus
      host={host}
      uuid={vm.uuid}
      name={vm.name}
      compact={compact}
      {...(idPrefix === undefined ? { idPrefix: `row-power-request-${vm.uuid}` } : { idPrefix: `${idPrefix}-power-request` })}
      onForceOff={() => {
        mutation.reset();
        setConfirming('destroy');
      }}
    />
  );

  return (
    <div className={compact ? 'flex items-center gap-1' : 'space-y-2'}>
      {compact && vm.state !== 'shutoff' && powerStatus}
      <div className={`flex items-center gap-1.5 ${compact ? 'flex-nowrap' : 'flex-wrap'}`} role="group" aria-label={`Actions for ${vm.name}`}>
        {direct.map(({ action, variant }) => {
          const allowed = actionAllowed(action, vm.state, vm.domainType);
          return (
            <Button
              key={action}
              size={compact ? 'sm' : 'md'}
              variant={compact && variant === 'primary' ? 'secondary' : variant}
              disabled={!allowed || !power.allowed || (mutation.isPending && pending !== action)}
              busy={pending === action}
              title={power.disabledReason ?? (allowed ? startTitle(action, vm, virshForAction(uri, action, vm.name)) : notNow(action))}
              {...denied}
              onClick={(event) => {
                event.stopPropagation();
                mutation.reset();
                run(action);
              }}
              {...testId(action)}
            >
              {action === 'start' && vm.managedSave ? RESTORE_LABEL : LABELS[action]}
            </Button>
          );
        })}
        {(!compact || anyPower) && (
          <MenuButton
            size={compact ? 'sm' : 'md'}
            label={LABELS.shutdown}
            disabled={!anyPower || !power.allowed || mutation.isPending}
            busy={pending === 'shutdown' || pending === 'reboot' || pending === 'destroy'}
            title={power.disabledReason ?? (anyPower ? 'Shut down, reboot or force off' : notNow('shutdown'))}
            {...denied}
            {...testId('power')}
            items={POWER.map((action) => {
              const allowed = actionAllowed(action, vm.state, vm.domainType);
              return {
                key: action,
                label: `${LABELS[action]}…`,
                disabled: !allowed,
                danger: action === 'destroy',
                title: allowed ? virshForAction(uri, action, vm.name) : notNow(action),
                ...testId(action),
                onSelect: () => {
                  mutation.reset();
                  setConfirming(action);
                },
              };
            })}
          />
        )}
        {!compact && (
          <button
            type="button"
            id={idPrefix === undefined ? undefined : `${idPrefix}-virsh-toggle`}
            className="ml-2 text-xs text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
            aria-expanded={showVirsh}
            onClick={() => setShowVirsh((s) => !s)}
          >
            {showVirsh ? 'Hide virsh commands' : 'Show virsh commands'}
          </button>
        )}
      </div>
      {!compact && vm.state !== 'shutoff' && powerStatus}
      {!compact && vm.state === 'crashed' && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" id={idPrefix === undefined ? undefined : `${idPrefix}-crashed-hint`}>
          The VM crashed; libvirt still counts it as running. Force it off, then start it again
          {actionAllowed('reboot', vm.state, vm.domainType) ? ', or reboot it.' : '.'}
        </p>
      )}
      {!compact && showVirsh && (
        <ul className="space-y-0.5 rounded bg-zinc-100 px-3 py-2 font-mono text-xs dark:bg-zinc-800" id={idPrefix === undefined ? undefined : `${idPrefix}-virsh`}>
          {(Object.keys(LABELS) as VmActionName[]).map((action) => (
            <li key={action} className="flex gap-3">
              <span className="w-20 shrink-0 font-sans text-zinc-500">{LABELS[action]}</span>
              <code className="select-all break-all" data-action={action}>
                {virshForAction(uri, action, vm.name)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {mutation.error !== null && confirming === undefined && onError === undefined && (
        <ErrorBanner error={mutation.error} title={`Could not ${mutation.variables?.action ?? 'do that'} ${vm.name}`} onRetry={() => mutation.reset()} id="vm-action-error" />
      )}
      {confirming !== undefined && dialog !== undefined && (
        <ConfirmDialog
          id={dialog.id}
          open
          title={dialog.title(vm.name)}
          confirmLabel={LABELS[confirming]}
          danger={dialog.danger}
          busy={mutation.isPending}
          error={onError === undefined ? mutation.error : null}
          onConfirm={() => run(confirming)}
          onCancel={() => {
            setConfirming(undefined);
            mutation.reset();
          }}
        >
          {dialog.body}
          <p className="font-mono text-xs select-all" data-testid="virsh-command">
            {virshForAction(uri, confirming, vm.name)}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
