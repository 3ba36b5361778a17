import type { PoolPreview } from '../../../../common/storage.js';
import { ErrorBanner, Spinner } from '../../../lib/ui';

export function ReviewStep({ preview, error, pending }: { preview: PoolPreview | undefined; error: unknown; pending: boolean }) {
  if (pending) return <Spinner label="Asking the server for the pool XML…" />;
  if (error !== null && error !== undefined) return <ErrorBanner error={error} title="The server refused this pool" />;
  if (preview === undefined) return null;
  return (
    <div className="space-y-3">
      <div>
        <h3 className="mb-1 text-sm font-medium">Pool XML libvirt will receive</h3>
        <pre id="pool-wizard-xml" className="max-h-56 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{preview.xml}</pre>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium">The same with virsh</h3>
        <pre id="pool-wizard-virsh" className="overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-800">{preview.virsh.join('\n')}</pre>
      </div>
    </div>
  );
}
