import { useState } from 'react';
import { ErrorBanner, LoadingState, VirshHint } from '../../lib/ui';
import { shellQuoteAlways } from '../../../common/shell.js';
import { virshCommand, virshUri } from '../../lib/format';
import { useSnapshotDetails } from './queries';

/** libvirt's XML of one snapshot, loaded when opened (`virsh snapshot-dumpxml`). */
export function SnapshotXml({ host, uri, uuid, vmName, name }: { host: string; uri: string; uuid: string; vmName: string; name: string }) {
  const [open, setOpen] = useState(false);
  const details = useSnapshotDetails(host, uuid, name, open);
  return (
    <details className="text-xs" id="snapshot-xml" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sky-700 dark:text-sky-400">libvirt XML</summary>
      {open && details.isPending && <LoadingState label="Loading the XML…" />}
      {open && details.isError && <ErrorBanner error={details.error} />}
      {details.data !== undefined && (
        <pre className="mt-2 max-h-80 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-800" data-testid="snapshot-xml">
          {details.data.xml}
        </pre>
      )}
      <VirshHint
        id="snapshot-xml-virsh"
        command={virshCommand(virshUri(uri), 'snapshot-dumpxml', '--domain', shellQuoteAlways(vmName), '--snapshotname', shellQuoteAlways(name))}
      />
    </details>
  );
}
