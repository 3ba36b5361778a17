import type { ReactNode } from 'react';

/** The centred card of the login and setup pages. */
export function AuthFrame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-4 dark:bg-zinc-950" id={id}>
      <section
        aria-labelledby={`${id}-title`}
        className="w-full max-w-sm space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div>
          <p className="text-lg font-semibold tracking-tight">virtdeck</p>
          <h1 id={`${id}-title`} className="text-sm text-zinc-600 dark:text-zinc-400">
            {title}
          </h1>
        </div>
        {children}
      </section>
    </main>
  );
}

/** A form's failure, announced to screen readers. */
export function FormError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p role="alert" id={id} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200">
      {children}
    </p>
  );
}
