import type { RouteObject } from 'react-router';
import './events';
import { VmList } from './VmList';
import { VmPage } from './VmPage';

export const vmRoutes: RouteObject[] = [
  { path: 'vms', element: <VmList /> },
  { path: 'vms/:uuid', element: <VmPage /> },
  { path: 'vms/:uuid/:tab', element: <VmPage /> },
];
