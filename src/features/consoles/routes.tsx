import type { RouteObject } from 'react-router';
import { ConsolesPage } from './ConsolesPage';

export const consoleRoutes: RouteObject[] = [{ path: 'consoles', element: <ConsolesPage /> }];
