import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { publicAuthRoutes } from '../features/auth/routes';
import { RequireAuth } from '../features/auth/RequireAuth';
import { hostRoutes } from '../features/host/routes';
import { vmRoutes } from '../features/vms/routes';
import { consoleRoutes } from '../features/consoles/routes';
import { storageRoutes } from '../features/storage/routes';
import { networkRoutes } from '../features/networks/routes';
import { accessRoutes } from '../features/access/routes';
import { auditRoutes } from '../features/audit/routes';
import { setLoginRedirect } from '../lib/unauthenticated';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RootRedirect } from './RootRedirect';

export const routes: RouteObject[] = [
  ...publicAuthRoutes,
  {
    element: <RequireAuth />,
    children: [
      { path: '/', element: <RootRedirect /> },
      {
        path: '/hosts/:host',
        element: <Layout />,
        children: [
          { index: true, element: <Navigate to="vms" replace /> },
          // One line per feature.
          ...vmRoutes,
          ...storageRoutes,
          ...networkRoutes,
          ...consoleRoutes,
          ...hostRoutes,
          ...accessRoutes,
          ...auditRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

// A 401 anywhere moves to the login page inside the app, keeping the cache and the page to return to.
setLoginRedirect((url) => void router.navigate(url, { replace: true }));
