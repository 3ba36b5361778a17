import type { RouteObject } from 'react-router';

function VmListPending() {
  return (
    <section className="p-6" id="vms-page">
      <h1 className="text-xl font-semibold">Virtual machines</h1>
    </section>
  );
}

export const vmRoutes: RouteObject[] = [{ path: 'vms/*', element: <VmListPending /> }];
