import type { RouteObject } from 'react-router';
import { NetworksPage } from './NetworksPage';
import './events';

export const networkRoutes: RouteObject[] = [{ path: 'networks/*', element: <NetworksPage /> }];
