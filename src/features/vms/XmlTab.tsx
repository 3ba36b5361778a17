import { useMemo, useState } from 'react';
import { useHostSummary } from '../../app/hosts';
import { ErrorBanner, LoadingState, VirshHint } from '../../lib/ui';
import { useVmXml } from './queries';
import type { VmTabProps } from './tab-types';
import { virshForXml } from './virsh';
import { tokenizeXml, type XmlTokenKind } from './xml-highlight';

const COLORS: Record<XmlTokenKind, string> = {
  punct: 'text-zinc-500',
  tag: 'text-sky-700 dark:text-sky-400',
  attr: 'text-violet-700 dark:text-violet-400',
  value: 'text-emerald-700 dark:text-emerald-400',
  text: '',
  comment: 'text-zinc-400 italic',
  decl: 'text-zinc-500',
};

export function XmlTab({ host, vm }: VmTabProps) {
  const [inactive, setInactive] = useState(false);
  const uri = useHostSummary(host)?.uri ?? '';
  const { data, error, isPending, refetch } = useVmXml(host, vm.uuid, inactive);
  const tokens = useMemo(() => (data === undefined ? [] : tokenizeXml(data.xml)), [data]);
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" id="vm-xml-inactive" checked={inactive} onChange={(e) => setInactive(e.target.checked)} />
          Persistent configuration (what the VM gets on its next start)
        </label>
        <VirshHint command={virshForXml(uri, vm.name, inactive)} id="vm-xml-virsh" />
      </div>
      {isPending && <LoadingState label="Reading the XML…" />}
      {error !== null && <ErrorBanner error={error} title="Cannot read the XML" onRetry={() => void refetch()} />}
      {data !== undefined && (
        <pre id="vm-xml" aria-label="Domain XML (read-only)" className="max-h-[70vh] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-900">
          {tokens.map((t, i) =>
            t.kind === 'text' ? (
              t.text
            ) : (
              <span key={i} className={COLORS[t.kind]}>
                {t.text}
              </span>
            ),
          )}
        </pre>
      )}
    </div>
  );
}
