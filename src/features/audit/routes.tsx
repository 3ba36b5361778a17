import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingState } from '../../lib/ui';

// Administrators and auditors only: loaded when opened, not with the app.
const AuditPage = lazy(async () => ({ default: (await import('./AuditPage')).AuditPage }));

export const auditRoutes: RouteObject[] = [
  {
    path: 'audit',
    element: (
      <Suspense fallback={<LoadingState />}>
        <AuditPage />
      </Suspense>
    ),
  },
];
