import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useHostSummary } from '../../app/hosts';
import { Button, VirshHint } from '../../lib/ui';
import { virshConsoleCommand } from './virsh-commands';
import { INITIAL_STATUS, type PaneStatus } from './pane-status';
import { SerialConnection } from './serial-connection';
import { StatusBadge } from './StatusBadge';
import { useConsoleList } from './queries';

export interface SerialConsoleProps {
  paneId: string;
  host: string;
  uuid: string;
  /** VM name, for the equivalent virsh command. */
  name: string;
  device?: string;
  onDeviceChange: (device: string) => void;
}

/** A serial console: xterm.js over the serial WebSocket, with take-over, search, copy and paste. */
export function SerialConsole({ paneId, host, uuid, name, device, onDeviceChange }: SerialConsoleProps) {
  const uri = useHostSummary(host)?.uri ?? host;
  const container = useRef<HTMLDivElement>(null);
  const connection = useRef<SerialConnection | null>(null);
  const [status, setStatus] = useState<PaneStatus>(INITIAL_STATUS);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);
  const { data: consoles } = useConsoleList(host, uuid);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const conn = new SerialConnection({ host, uuid, ...(device === undefined ? {} : { device }), onStatus: setStatus });
    connection.current = conn;
    conn.mount(element).catch((err: unknown) => {
      setStatus({ state: 'disconnected', message: `Cannot load the terminal: ${err instanceof Error ? err.message : String(err)}` });
    });
    return () => {
      conn.dispose();
      connection.current = null;
    };
  }, [host, uuid, device]);

  const find = (backwards: boolean) => {
    const conn = connection.current;
    if (conn === null || query === '') return;
    setNotFound(!(backwards ? conn.findPrevious(query) : conn.findNext(query)));
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find(event.shiftKey);
    } else if (event.key === 'Escape') {
      setSearching(false);
      connection.current?.clearSearch();
      connection.current?.focus();
    }
  };

  const devices = consoles?.serial ?? [];
  const id = `console-${paneId}`;
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="serial-console" data-host={host} data-uuid={uuid}>
      <div className="flex flex-wrap items-center gap-1.5 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800" role="toolbar" aria-label="Serial console">
        <StatusBadge status={status} testId="console-status" />
        <span className="ml-auto" />
        {devices.length > 1 && (
          <select
            id={`${id}-device`}
            aria-label="Console device"
            className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-xs dark:border-zinc-700"
            value={device ?? devices[0]?.name ?? ''}
            onChange={(e) => onDeviceChange(e.target.value)}
          >
            {devices.map((d) => (
              <option key={d.name} value={d.name}>{`${d.name} (${d.targetType || d.kind})`}</option>
            ))}
          </select>
        )}
        {status.state === 'in-use' && (
          <Button size="sm" variant="primary" id={`${id}-take-over`} data-testid="console-take-over" onClick={() => connection.current?.takeOver()}>
            Take over
          </Button>
        )}
        {(status.state === 'disconnected' || status.state === 'in-use') && (
          <Button size="sm" id={`${id}-reconnect`} data-testid="console-reconnect" onClick={() => connection.current?.connect(false)}>
            Reconnect
          </Button>
        )}
        {searching ? (
          <input
            id={`${id}-search`}
            autoFocus
            aria-label="Search the scrollback (Enter: next, Shift+Enter: previous, Escape: close)"
            placeholder="Search…"
            className={`w-36 rounded border px-1.5 py-0.5 text-xs dark:bg-zinc-900 ${notFound ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700'}`}
            value={query}
            aria-invalid={notFound || undefined}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
        ) : (
          <Button size="sm" variant="ghost" id={`${id}-search-open`} title="Search the scrollback" onClick={() => setSearching(true)}>
            Search
          </Button>
        )}
        <Button size="sm" variant="ghost" id={`${id}-copy`} title="Copy the selection (Ctrl+Shift+C)" onClick={() => void connection.current?.copySelection()}>
          Copy
        </Button>
        <Button size="sm" variant="ghost" id={`${id}-paste`} title="Paste from the clipboard (Ctrl+Shift+V)" onClick={() => void connection.current?.pasteFromClipboard().catch(() => undefined)}>
          Paste
        </Button>
        <VirshHint id={`${id}-virsh`} command={virshConsoleCommand(uri, name, device, status.state === 'in-use')} />
      </div>
      <div ref={container} className="min-h-0 flex-1 bg-black p-1" data-testid="serial-terminal" id={`${id}-terminal`} />
    </div>
  );
}
