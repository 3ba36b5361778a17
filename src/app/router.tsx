import { createBrowserRouter, Navigate } from 'react-router';
import { hostRoutes } from '../features/host/routes';
import { vmRoutes } from '../features/vms/routes';
import { consoleRoutes } from '../features/consoles/routes';
import { storageRoutes } from '../features/storage/routes';
import { networkRoutes } from '../features/networks/routes';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RootRedirect } from './RootRedirect';

export const router = createBrowserRouter([
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
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
