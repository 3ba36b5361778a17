import { useEffect, useRef } from 'react';
import { CopyButton } from '../../lib/ui';

/** The new token, shown this once: virtdeck keeps only its hash. */
export function TokenSecret({ name, secret }: { name: string; secret: string }) {
  const root = useRef<HTMLDivElement>(null);
  // The button that created it is gone: keyboard focus goes to Copy, the next thing to do.
  useEffect(() => root.current?.querySelector<HTMLButtonElement>('[data-testid="copy-button"]')?.focus(), []);
  return (
    <div className="space-y-3" id="token-created" ref={root}>
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200" id="token-created-warning">
        Copy the token “{name}” now. It is shown only this once: virtdeck keeps only a hash of it and cannot show it again. Whoever has it can act as you within its roles.
      </div>
      <div className="flex items-center gap-2 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950">
        <code id="token-secret" className="min-w-0 flex-1 font-mono text-xs break-all select-all">{secret}</code>
        <CopyButton value={secret} label="Copy the token" />
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Scripts send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
      </p>
    </div>
  );
}
