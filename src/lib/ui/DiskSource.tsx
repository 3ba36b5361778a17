import { CopyButton } from './CopyButton';
import { diskSourceText, type VmDiskSource } from '../../../common/disk-source.js';

/** A disk's source as diskSourceText writes it; a source type virtdeck cannot read stands out. */
export function DiskSource({ source, empty }: { source: VmDiskSource | undefined; empty: string }) {
  const text = diskSourceText(source);
  if (text === undefined) return <span className="text-zinc-500">{empty}</span>;
  if (source?.supported === false) {
    return (
      <span className="text-amber-700 dark:text-amber-400" data-testid="disk-source-unsupported" title="virtdeck cannot read this kind of disk source; see the XML tab">
        {text}
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span className="max-w-[28rem] min-w-0 truncate font-mono text-xs" title={text} data-testid="disk-source">
        {text}
      </span>
      <CopyButton value={text} />
    </span>
  );
}
