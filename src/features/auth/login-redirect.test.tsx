// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { api } from '../../lib/api';
import { createQueryClient } from '../../lib/query';
import { loginUrl, safeNext, setLoginRedirect } from '../../lib/unauthenticated';
import { FakeEventSource, stubFetch, unauthenticated } from './fetch.test-helpers';
import { ADMIN } from './me.test-helpers';
import { RequireAuth } from './RequireAuth';
import { publicAuthRoutes } from './routes';

function HostsPage() {
  const hosts = useQuery({ queryKey: ['hosts'], queryFn: () => api.get<{ hosts: string[] }>('/api/v1/hosts') });
  return <p id="hosts-page">{hosts.data === undefined ? 'loading' : `hosts: ${hosts.data.hosts.join(', ')}`}</p>;
}

/** The app's routing as src/app/router.tsx has it: public login/setup, everything else behind RequireAuth. */
function showApp(at: string) {
  window.history.replaceState(null, '', at);
  const router = createBrowserRouter([...publicAuthRoutes, { element: <RequireAuth />, children: [{ path: '/hosts/:host/vms', element: <HostsPage /> }] }]);
  setLoginRedirect((url) => void router.navigate(url, { replace: true }));
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

async function logIn() {
  fireEvent.change(document.getElementById('login-username') as HTMLInputElement, { target: { value: 'admin' } });
  fireEvent.change(document.getElementById('login-password') as HTMLInputElement, { target: { value: 'the-right-password' } });
  await act(async () => {
    fireEvent.submit(document.getElementById('login-form') as HTMLFormElement);
  });
}

beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a 401 sends to the login page and back', () => {
  it('without a session at start: /login?next=<path+search>, and after login back there', async () => {
    let loggedIn = false;
    stubFetch({
      'GET /api/v1/auth/me': () => (loggedIn ? { status: 200, body: ADMIN } : unauthenticated),
      'GET /api/v1/auth/setup': { status: 200, body: { needed: false } },
      'POST /api/v1/auth/login': () => {
        loggedIn = true;
        return { status: 204 };
      },
      'GET /api/v1/hosts': () => (loggedIn ? { status: 200, body: { hosts: ['test'] } } : unauthenticated),
    });
    const router = showApp('/hosts/test/vms?sort=name');
    await screen.findByRole('heading', { name: 'Log in' });
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/hosts/test/vms?sort=name');
    await logIn();
    expect((await screen.findByText('hosts: test')).id).toBe('hosts-page');
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/hosts/test/vms?sort=name');
  });

  it('when any API request answers 401 later (session expired), from wherever the user is', async () => {
    stubFetch({ 'GET /api/v1/auth/me': { status: 200, body: ADMIN }, 'GET /api/v1/hosts': unauthenticated, 'GET /api/v1/auth/setup': { status: 200, body: { needed: false } } });
    const router = showApp('/hosts/test/vms');
    await screen.findByRole('heading', { name: 'Log in' });
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(loginUrl('/hosts/test/vms'));
  });

  it('a wrong password on the login page is no lost session: it stays there', async () => {
    stubFetch({
      'GET /api/v1/auth/setup': { status: 200, body: { needed: false } },
      'POST /api/v1/auth/login': { status: 401, body: { error: { code: 'LOGIN_FAILED', message: 'Login failed' } } },
    });
    const router = showApp('/login?next=%2Fhosts%2Ftest%2Fvms');
    await logIn();
    await screen.findByText('Wrong user name or password');
    expect(router.state.location.search).toBe('?next=%2Fhosts%2Ftest%2Fvms');
  });
});

describe('safeNext', () => {
  it('keeps paths of this app and refuses other sites and the login pages', () => {
    expect(safeNext('/hosts/test/vms?sort=name')).toBe('/hosts/test/vms?sort=name');
    for (const bad of [null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login?next=/x', '/setup']) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });
});
