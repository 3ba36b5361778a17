import { useState } from 'react';
import { CopyButton } from './CopyButton';

/** "Show the virsh command": the exact shell command that does what the button next to it does. */
export function VirshHint({ command, id }: { command: string; id?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="text-xs">
      <button
        type="button"
        className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        {...(id === undefined ? {} : { id: `${id}-toggle` })}
      >
        {open ? 'Hide virsh command' : 'Show virsh command'}
      </button>
      {open && (
        <div className="mt-1 flex items-center gap-2 rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
          <code className="flex-1 font-mono break-all select-all" {...(id === undefined ? {} : { id })} data-testid="virsh-command">
            {command}
          </code>
          <CopyButton value={command} label="Copy the virsh command" />
        </div>
      )}
    </div>
  );
}
