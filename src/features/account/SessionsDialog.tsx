import { formatDateTime } from '../../lib/date';
import { Badge, Button, Dialog, ErrorBanner, LoadingState } from '../../lib/ui';
import { useEndSession, useSessions } from './queries';

/** Where the user is logged in; any login but this one can be ended. */
export function SessionsDialog({ onClose }: { onClose: () => void }) {
  const { data: sessions, error, isPending, refetch } = useSessions();
  const end = useEndSession();
  const others = (sessions ?? []).filter((s) => !s.current);
  const endOthers = async () => {
    for (const s of others) await end.mutateAsync(s.id).catch(() => undefined);
  };
  return (
    <Dialog
      open
      wide
      title="My sessions"
      id="sessions-dialog"
      onClose={onClose}
      footer={
        <>
          <Button id="sessions-end-others" disabled={others.length === 0} busy={end.isPending} onClick={() => void endOthers()} title={others.length === 0 ? 'You are logged in nowhere else' : undefined}>
            Log out everywhere else
          </Button>
          <Button variant="primary" id="sessions-close" onClick={onClose}>Close</Button>
        </>
      }
    >
      <p className="mb-3 text-zinc-600 dark:text-zinc-400">Each browser you logged in with. Ending a session logs that browser out at once and closes its consoles.</p>
      {isPending && <LoadingState label="Reading your sessions…" />}
      {error !== null && <ErrorBanner id="sessions-error" error={error} title="Cannot list your sessions" onRetry={() => void refetch()} />}
      {end.error !== null && <ErrorBanner id="sessions-end-error" error={end.error} title="The session was not ended" />}
      {sessions !== undefined && (
        <table id="sessions-table" className="w-full text-left">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-700">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Browser</th>
              <th className="py-1.5 pr-3 font-medium">Address</th>
              <th className="py-1.5 pr-3 font-medium">Logged in</th>
              <th className="py-1.5 pr-3 font-medium">Last seen</th>
              <th className="py-1.5 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} id={`session-${s.id}-row`} data-testid="session-row" data-current={s.current} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                <td className="max-w-56 truncate py-1.5 pr-3" title={s.userAgent}>{s.userAgent === '' ? 'Unknown browser' : s.userAgent}</td>
                <td className="py-1.5 pr-3 font-mono text-xs">{s.address}</td>
                <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{formatDateTime(new Date(s.createdAt))}</td>
                <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{formatDateTime(new Date(s.lastSeenAt))}</td>
                <td className="py-1.5">
                  {s.current ? (
                    <Badge tone="green" data-testid="session-current">this browser</Badge>
                  ) : (
                    <Button size="sm" id={`session-${s.id}-end`} busy={end.isPending && end.variables === s.id} onClick={() => end.mutate(s.id)}>
                      Log out
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
