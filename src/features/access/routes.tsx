import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingState } from '../../lib/ui';

// Administrators only: loaded when opened, not with the app.
const AccessPage = lazy(async () => ({ default: (await import('./AccessPage')).AccessPage }));

export const accessRoutes: RouteObject[] = [
  {
    path: 'access',
    element: (
      <Suspense fallback={<LoadingState />}>
        <AccessPage />
      </Suspense>
    ),
  },
];
