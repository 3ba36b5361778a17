import { useState } from 'react';
import { actionAllowed, type VmActionName, type VmSummary } from '../../../common/vms.js';
import { Button, ConfirmDialog, ErrorBanner, type ButtonVariant } from '../../lib/ui';
import { useVmAction } from './queries';
import { virshForAction } from './virsh';

const ACTIONS: { action: VmActionName; label: string; variant: ButtonVariant }[] = [
  { action: 'start', label: 'Start', variant: 'primary' },
  { action: 'shutdown', label: 'Shut down', variant: 'secondary' },
  { action: 'reboot', label: 'Reboot', variant: 'secondary' },
  { action: 'suspend', label: 'Pause', variant: 'secondary' },
  { action: 'resume', label: 'Resume', variant: 'secondary' },
  { action: 'destroy', label: 'Force off', variant: 'danger' },
];

export interface VmActionsProps {
  host: string;
  uri: string;
  vm: VmSummary;
  /** `vm-action` on the VM page (#vm-action-start …); rows use data-testid instead. */
  idPrefix?: string;
  compact?: boolean;
  /** Where failures go instead of the built-in banner (the list shows one banner for all rows). */
  onError?: (error: unknown, action: VmActionName) => void;
}

/**
 * Lifecycle buttons, enabled by the VM's state. Force off asks first and says what is lost.
 * Every button's tooltip and the "virsh" disclosure give the equivalent command.
 */
export function VmActions({ host, uri, vm, idPrefix, compact = false, onError }: VmActionsProps) {
  const mutation = useVmAction(host);
  const [confirming, setConfirming] = useState(false);
  const [showVirsh, setShowVirsh] = useState(false);
  const visible = compact ? ACTIONS.filter((a) => actionAllowed(a.action, vm.state) && a.action !== 'reboot') : ACTIONS;

  const run = (action: VmActionName) => {
    mutation.mutate(
      { uuid: vm.uuid, action },
      {
        onSuccess: () => setConfirming(false),
        onError: (error) => {
          if (onError !== undefined) {
            setConfirming(false);
            onError(error, action);
          }
        },
      },
    );
  };
  const pending = mutation.isPending ? mutation.variables.action : undefined;

  return (
    <div className={compact ? 'flex items-center gap-1' : 'space-y-2'}>
      <div className={`flex items-center gap-1.5 ${compact ? 'flex-nowrap' : 'flex-wrap'}`} role="group" aria-label={`Actions for ${vm.name}`}>
        {visible.map(({ action, label, variant }) => {
          const allowed = actionAllowed(action, vm.state);
          return (
            <Button
              key={action}
              size={compact ? 'sm' : 'md'}
              variant={compact && variant === 'primary' ? 'secondary' : variant}
              disabled={!allowed || (mutation.isPending && pending !== action)}
              busy={pending === action}
              title={allowed ? virshForAction(uri, action, vm.name) : `${label} is not possible while the VM is ${vm.state}`}
              onClick={(event) => {
                event.stopPropagation();
                mutation.reset();
                if (action === 'destroy') setConfirming(true);
                else run(action);
              }}
              {...(idPrefix === undefined ? { 'data-testid': `row-action-${action}` } : { id: `${idPrefix}-${action}` })}
            >
              {label}
            </Button>
          );
        })}
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
      {!compact && showVirsh && (
        <ul className="space-y-0.5 rounded bg-zinc-100 px-3 py-2 font-mono text-xs dark:bg-zinc-800" id={idPrefix === undefined ? undefined : `${idPrefix}-virsh`}>
          {ACTIONS.map(({ action, label }) => (
            <li key={action} className="flex gap-3">
              <span className="w-20 shrink-0 font-sans text-zinc-500">{label}</span>
              <code className="select-all break-all" data-action={action}>
                {virshForAction(uri, action, vm.name)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {mutation.error !== null && !confirming && onError === undefined && (
        <ErrorBanner error={mutation.error} title={`Could not ${mutation.variables?.action ?? 'do that'} ${vm.name}`} onRetry={() => mutation.reset()} id="vm-action-error" />
      )}
      <ConfirmDialog
        id="confirm-force-off"
        open={confirming}
        title={`Force off “${vm.name}”?`}
        confirmLabel="Force off"
        danger
        busy={mutation.isPending}
        error={onError === undefined ? mutation.error : null}
        onConfirm={() => run('destroy')}
        onCancel={() => {
          setConfirming(false);
          mutation.reset();
        }}
      >
        <p>
          This cuts the power at once, like pulling the plug. The guest gets no chance to shut down: anything it has not yet written to
          disk is lost (unsaved files, data in its caches, open sessions), and its file systems may need a check on the next boot.
        </p>
        <p>Use “Shut down” to let the guest stop cleanly instead.</p>
        <p className="font-mono text-xs select-all" data-testid="virsh-command">
          {virshForAction(uri, 'destroy', vm.name)}
        </p>
      </ConfirmDialog>
    </div>
  );
}
