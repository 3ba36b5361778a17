import type { ReactNode } from 'react';
import { acl, useCan } from '../auth/access';
import type { PaneTarget } from './layout';
import { SerialConsole } from './SerialConsole';
import { VncConsole } from './VncConsole';

export interface ConsolePaneProps {
  paneId: string;
  target: PaneTarget;
  onTargetChange: (target: PaneTarget) => void;
  /** Workspace buttons (split, maximise, close), shown in the pane's title bar. */
  actions?: ReactNode;
}

const KIND_LABEL = { serial: 'Serial', vnc: 'Display' } as const;

/** One console: title bar with the VM, the serial/display switch and the workspace actions; then the console. */
export function ConsolePane({ paneId, target, onTargetChange, actions }: ConsolePaneProps) {
  const access = useCan('vm.console', acl.vm(target.host, target.uuid));
  return (
    <section
      className="flex h-full min-h-0 flex-col overflow-hidden rounded border border-zinc-200 dark:border-zinc-800"
      data-testid="console-pane"
      data-pane-id={paneId}
      data-kind={target.kind}
      aria-label={`${KIND_LABEL[target.kind]} console of ${target.name}`}
    >
      <header className="flex items-center gap-2 bg-zinc-50 px-2 py-1 dark:bg-zinc-900">
        <h2 className="truncate text-sm font-medium" title={`${target.name} on ${target.host}`}>{target.name}</h2>
        <span className="text-xs text-zinc-500">{target.host}</span>
        <div role="group" aria-label="Console type" className="ml-2 inline-flex overflow-hidden rounded border border-zinc-300 dark:border-zinc-700">
          {(['serial', 'vnc'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              id={`console-${paneId}-kind-${kind}`}
              aria-pressed={target.kind === kind}
              className={`px-2 py-0.5 text-xs ${target.kind === kind ? 'bg-sky-600 text-white' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
              onClick={() => onTargetChange({ ...target, kind })}
            >
              {KIND_LABEL[kind]}
            </button>
          ))}
        </div>
        <div className="ml-auto flex items-center gap-1">{actions}</div>
      </header>
      <div className="min-h-0 flex-1">
        {!access.allowed ? (
          <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" id={`console-${paneId}-denied`} data-missing-privilege="vm.console">
            {access.disabledReason}: you may not open its consoles.
          </p>
        ) : target.kind === 'serial' ? (
          <SerialConsole
            key={`${target.host}/${target.uuid}/${target.device ?? ''}`}
            paneId={paneId}
            host={target.host}
            uuid={target.uuid}
            name={target.name}
            {...(target.device === undefined ? {} : { device: target.device })}
            onDeviceChange={(device) => onTargetChange({ ...target, device })}
          />
        ) : (
          <VncConsole key={`${target.host}/${target.uuid}`} paneId={paneId} host={target.host} uuid={target.uuid} name={target.name} />
        )}
      </div>
    </section>
  );
}
