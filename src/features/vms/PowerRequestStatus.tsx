import { useState } from 'react';
import { Button } from '../../lib/ui';
import { powerRequestPhase, powerRequests, usePowerRequest } from './power-requests';
import { parseTimeoutSeconds, setShutdownTimeoutSeconds, useShutdownTimeoutSeconds } from './shutdown-timeout';
import { useNow } from './use-now';

const DOING = { shutdown: 'Shutting down', reboot: 'Rebooting' } as const;
const REQUEST = { shutdown: 'shut down', reboot: 'reboot' } as const;

export interface PowerRequestStatusProps {
  host: string;
  uuid: string;
  name: string;
  /** Opens the Force off confirmation. */
  onForceOff: () => void;
  /** Rows: one line; the VM page also lets the timeout be changed. */
  compact?: boolean;
  idPrefix?: string;
}

/**
 * After Shut down or Reboot: "Shutting down… 12 s" from the moment it was sent; once the timeout
 * passed, that the guest did not respond, with Force off (which asks first) and Wait longer.
 */
export function PowerRequestStatus({ host, uuid, name, onForceOff, compact = false, idPrefix = 'vm-power' }: PowerRequestStatusProps) {
  const request = usePowerRequest(host, uuid);
  const timeout = useShutdownTimeoutSeconds();
  const now = useNow(request !== undefined);
  const [timeoutText, setTimeoutText] = useState(String(timeout));
  if (request === undefined) return null;
  const { phase, elapsedSeconds } = powerRequestPhase(request, now, timeout);
  const waitLonger = () => powerRequests.start(host, uuid, request.action);

  if (phase === 'waiting') {
    return (
      <p
        id={`${idPrefix}-pending`}
        role="status"
        data-phase="waiting"
        className={compact ? 'text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400' : 'text-sm text-zinc-700 dark:text-zinc-300'}
        title={`The guest was asked to ${REQUEST[request.action]} ${elapsedSeconds} s ago; after ${timeout} s without a change this says it did not respond`}
      >
        {DOING[request.action]}… <span data-testid="power-elapsed">{elapsedSeconds} s</span>
        {!compact && (
          <>
            {' '}
            <label className="ml-3 text-xs text-zinc-500" htmlFor={`${idPrefix}-timeout`}>
              give up after{' '}
              <input
                id={`${idPrefix}-timeout`}
                inputMode="numeric"
                className="w-14 rounded border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
                value={timeoutText}
                onChange={(e) => {
                  setTimeoutText(e.target.value);
                  const seconds = parseTimeoutSeconds(e.target.value);
                  if (seconds !== undefined) setShutdownTimeoutSeconds(seconds);
                }}
              />{' '}
              s
            </label>
          </>
        )}
      </p>
    );
  }
  return (
    <div
      id={`${idPrefix}-no-response`}
      role="alert"
      data-phase="no-response"
      className={
        compact
          ? 'flex items-center gap-1 text-xs whitespace-nowrap text-amber-800 dark:text-amber-300'
          : 'flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200'
      }
    >
      <span className={compact ? '' : 'min-w-0 flex-1'} title={compact ? `${name} did not respond to the ${REQUEST[request.action]} request` : undefined}>
        {compact
          ? 'Did not respond'
          : `${name} did not respond to the ${REQUEST[request.action]} request (${elapsedSeconds} s). The guest may ignore the ACPI power button, or still be busy.`}
      </span>
      <Button size="sm" variant="danger" id={`${idPrefix}-force-off`} onClick={onForceOff}>
        Force off…
      </Button>
      <Button size="sm" id={`${idPrefix}-wait`} onClick={waitLonger} title={`Wait another ${timeout} s`}>
        Wait longer
      </Button>
    </div>
  );
}
