import { useEffect, useRef, useState } from 'react';
import { useHostSummary } from '../../app/hosts';
import { Button, Dialog, VirshHint } from '../../lib/ui';
import { virshDisplayCommand } from './virsh-commands';
import { KEY_COMBOS } from './keysyms';
import { INITIAL_STATUS, type PaneStatus } from './pane-status';
import { StatusBadge } from './StatusBadge';
import { VncConnection } from './vnc-connection';

export interface VncConsoleProps {
  paneId: string;
  host: string;
  uuid: string;
  name: string;
}

function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The VM's graphical console through noVNC: scale-to-fit or 1:1, key combos, typed paste, fullscreen, screenshot. */
export function VncConsole({ paneId, host, uuid, name }: VncConsoleProps) {
  const uri = useHostSummary(host)?.uri ?? host;
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const connection = useRef<VncConnection | null>(null);
  const [status, setStatus] = useState<PaneStatus>(INITIAL_STATUS);
  const [scale, setScale] = useState(true);
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [password, setPassword] = useState('');

  useEffect(() => {
    const element = screen.current;
    if (element === null) return;
    const conn = new VncConnection({ host, uuid, onStatus: setStatus, onPasswordRequired: () => setAskPassword(true) });
    connection.current = conn;
    conn.mount(element).catch((err: unknown) => {
      setStatus({ state: 'disconnected', message: `Cannot load the VNC client: ${err instanceof Error ? err.message : String(err)}` });
    });
    return () => {
      conn.dispose();
      connection.current = null;
    };
  }, [host, uuid]);

  const toggleScale = () => {
    const next = !scale;
    setScale(next);
    connection.current?.setScale(next);
  };

  const fullscreen = () => {
    if (document.fullscreenElement !== null) void document.exitFullscreen();
    else void frame.current?.requestFullscreen().then(() => connection.current?.focus());
  };

  const screenshot = async () => {
    const blob = await connection.current?.screenshot();
    if (blob) downloadBlob(blob, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
  };

  const id = `console-${paneId}`;
  const connected = status.state === 'connected';
  return (
    <div ref={frame} className="flex h-full min-h-0 flex-col bg-white dark:bg-zinc-950" data-testid="vnc-console" data-host={host} data-uuid={uuid}>
      <div className="flex flex-wrap items-center gap-1.5 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800" role="toolbar" aria-label="Graphical console">
        <StatusBadge status={status} testId="console-status" />
        <span className="ml-auto" />
        <Button size="sm" variant="ghost" id={`${id}-scale`} aria-pressed={scale} title={scale ? 'Showing scaled to fit; switch to 1:1' : 'Showing 1:1; switch to scale to fit'} onClick={toggleScale}>
          {scale ? 'Fit' : '1:1'}
        </Button>
        <Button size="sm" id={`${id}-cad`} data-testid="vnc-ctrl-alt-del" disabled={!connected} onClick={() => connection.current?.sendCtrlAltDel()}>
          Ctrl+Alt+Del
        </Button>
        <select
          id={`${id}-keys`}
          aria-label="Send a key combination"
          disabled={!connected}
          className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-xs dark:border-zinc-700"
          value=""
          onChange={(e) => {
            const combo = KEY_COMBOS.find((c) => c.id === e.target.value);
            if (combo) connection.current?.sendCombo(combo.keys);
          }}
        >
          <option value="" disabled>Keys…</option>
          {KEY_COMBOS.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        <Button size="sm" variant="ghost" id={`${id}-type`} disabled={!connected} title="Type text into the VM as keystrokes" onClick={() => setTyping(true)}>
          Type text
        </Button>
        <Button size="sm" variant="ghost" id={`${id}-fullscreen`} onClick={fullscreen}>Fullscreen</Button>
        <Button size="sm" variant="ghost" id={`${id}-screenshot`} disabled={!connected} onClick={() => void screenshot()}>Screenshot</Button>
        {(status.state === 'disconnected' || status.state === 'vm-not-running') && (
          <Button size="sm" id={`${id}-reconnect`} data-testid="console-reconnect" onClick={() => connection.current?.connect()}>
            Reconnect
          </Button>
        )}
        <VirshHint id={`${id}-virsh`} command={virshDisplayCommand(uri, name)} />
      </div>
      <div ref={screen} className="relative min-h-0 flex-1 overflow-hidden bg-zinc-900" data-testid="vnc-screen" id={`${id}-screen`} />
      <Dialog
        open={typing}
        title="Type text into the VM"
        onClose={() => setTyping(false)}
        id={`${id}-type-dialog`}
        footer={
          <>
            <Button onClick={() => setTyping(false)}>Cancel</Button>
            <Button variant="primary" id={`${id}-type-send`} onClick={() => { connection.current?.typeText(text); setTyping(false); setText(''); }}>
              Type it
            </Button>
          </>
        }
      >
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">Each character is sent as a key press on a US keyboard layout; new lines press Enter.</p>
        <textarea aria-label="Text to type" className="h-32 w-full rounded border border-zinc-300 p-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900" value={text} onChange={(e) => setText(e.target.value)} />
      </Dialog>
      <Dialog
        open={askPassword}
        title="VNC password"
        onClose={() => setAskPassword(false)}
        id={`${id}-password-dialog`}
        footer={
          <Button variant="primary" onClick={() => { connection.current?.sendPassword(password); setAskPassword(false); setPassword(''); }}>
            Connect
          </Button>
        }
      >
        <label className="text-sm">
          The VM&apos;s display asks for a password.
          <input type="password" className="mt-2 w-full rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
      </Dialog>
    </div>
  );
}
