import type { RouteObject } from 'react-router';
import { HostPage } from './HostPage';

export const hostRoutes: RouteObject[] = [{ path: 'host', element: <HostPage /> }];
