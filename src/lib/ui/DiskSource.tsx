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
  return <span className="font-mono text-xs break-all" data-testid="disk-source">{text}</span>;
}
