import type { RouteObject } from 'react-router';
import { LoginPage } from './LoginPage';
import { SetupPage } from './SetupPage';

/** The pages that work without a session. */
export const publicAuthRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
];
