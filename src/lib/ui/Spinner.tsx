export function Spinner({ label = 'Loading…', className = '' }: { label?: string; className?: string }) {
  return (
    <span role="status" className={`inline-flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400 ${className}`}>
      <span className="inline-block size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
      {label}
    </span>
  );
}

/** Full-area loading placeholder for pages and panels. */
export function LoadingState({ label }: { label?: string }) {
  return (
    <div className="flex min-h-32 items-center justify-center p-6">
      <Spinner {...(label === undefined ? {} : { label })} />
    </div>
  );
}
