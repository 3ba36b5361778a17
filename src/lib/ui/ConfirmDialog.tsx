import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';

/** A VM the action affects, and what happens to it. */
export interface AffectedVm {
  name: string;
  running: boolean;
}

export interface AffectedVms {
  vms: readonly AffectedVm[];
  /** What a running VM loses, e.g. "loses its network connection at once". */
  running: string;
  /** What a VM that is off finds when it next starts. */
  stopped: string;
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What happens and exactly what is lost. */
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  id?: string;
  /** The VMs the action affects, running ones first, each with its consequence. */
  affected?: AffectedVms;
  /** False while something the dialog must show (such as the affected VMs) is still loading. */
  ready?: boolean;
}

function AffectedList({ affected }: { affected: AffectedVms }) {
  if (affected.vms.length === 0) return null;
  const sorted = [...affected.vms].sort((a, b) => Number(b.running) - Number(a.running) || a.name.localeCompare(b.name));
  const running = sorted.filter((v) => v.running).length;
  return (
    <div data-testid="confirm-affected" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      <p className="font-medium">
        {sorted.length === 1 ? '1 virtual machine is affected' : `${sorted.length} virtual machines are affected`}
        {running > 0 && `, ${running} of them running`}:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {sorted.map((vm) => (
          <li key={vm.name} data-testid="confirm-affected-vm" data-running={vm.running}>
            <span className="font-medium">{vm.name}</span> ({vm.running ? 'running' : 'off'}): {vm.running ? affected.running : affected.stopped}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The one confirmation of the app: what happens, what is lost, which VMs it affects. */
export function ConfirmDialog({ open, title, children, confirmLabel, danger = false, busy = false, error, onConfirm, onCancel, id, affected, ready = true }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      {...(id === undefined ? {} : { id })}
      footer={
        <>
          <Button onClick={onCancel} data-testid="confirm-cancel" autoFocus>
            Cancel
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} disabled={!ready} onClick={onConfirm} data-testid="confirm-ok">
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {children}
        {affected !== undefined && <AffectedList affected={affected} />}
        {error !== undefined && error !== null && <ErrorBanner error={error} />}
      </div>
    </Dialog>
  );
}
