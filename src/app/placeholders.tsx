import type { RouteObject } from 'react-router';

// Temporary pages for sections whose feature folders have not landed yet. Each feature replaces
// its line in src/app/router.tsx with its own routes and deletes its entry here.
function NotYetAvailable({ title, id }: { title: string; id: string }) {
  return (
    <section className="p-6" id={`${id}-page`}>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{title} — not yet available.</p>
    </section>
  );
}

export const networksPlaceholderRoutes: RouteObject[] = [{ path: 'networks/*', element: <NotYetAvailable title="Networks" id="networks" /> }];
