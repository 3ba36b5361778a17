import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../../lib/api';
import { startServerEvents } from '../../lib/events';
import { ErrorBanner, LoadingState } from '../../lib/ui';
import { loginUrl } from '../../lib/unauthenticated';
import { useMe } from './queries';

/** Renders the app once GET /api/v1/auth/me names a user; without a session, the login page. */
export function RequireAuth() {
  const me = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  const loggedIn = me.data !== undefined;
  // The event stream needs the session cookie: it opens only once logged in and closes on the way out.
  useEffect(() => (loggedIn ? startServerEvents(queryClient) : undefined), [loggedIn, queryClient]);

  if (loggedIn) return <Outlet />;
  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={loginUrl(`${location.pathname}${location.search}`)} replace />;
  if (me.error !== null) {
    return (
      <div className="p-6">
        <ErrorBanner error={me.error} title="Cannot check who is logged in" onRetry={() => void me.refetch()} id="auth-me-error" />
      </div>
    );
  }
  return <LoadingState label="Checking your session…" />;
}
