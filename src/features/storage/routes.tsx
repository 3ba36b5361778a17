import type { RouteObject } from 'react-router';
import './events';
import { StoragePage } from './StoragePage';

export const storageRoutes: RouteObject[] = [
  { path: 'storage', element: <StoragePage /> },
  { path: 'storage/:pool', element: <StoragePage /> },
];
