import { CopyButton } from './CopyButton';

export interface PathCellProps {
  /** The full path (or other long machine value); absent shows a dash. */
  value: string | undefined;
  /** Shown instead of the dash when there is no value ("empty" for a CD-ROM drive). */
  empty?: string;
  testId?: string;
}

/**
 * A long value in a table cell (disk source, pool target, socket path): one line that ends in an
 * ellipsis when the column is narrow, the full value on hover, and a button that copies it.
 */
export function PathCell({ value, empty = '—', testId }: PathCellProps) {
  if (value === undefined || value === '') return <span data-testid={testId}>{empty}</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5" data-testid={testId}>
      <span className="max-w-[28rem] min-w-0 truncate font-mono text-xs" title={value} data-path={value}>
        {value}
      </span>
      <CopyButton value={value} />
    </span>
  );
}
