// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../../lib/query';
import { stubFetch, type Routes } from './fetch.test-helpers';
import { LoginPage } from './LoginPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

function showLogin(routes: Routes) {
  const seen = stubFetch({ 'GET /api/v1/auth/setup': { status: 200, body: { needed: false } }, ...routes });
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/hosts/:host/vms', element: <p id="vms-page">VMs</p> },
    ],
    { initialEntries: ['/login?next=%2Fhosts%2Ftest%2Fvms'] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, ...seen };
}

async function logIn(username: string, password: string) {
  fireEvent.change(input('login-username'), { target: { value: username } });
  fireEvent.change(input('login-password'), { target: { value: password } });
  await act(async () => {
    fireEvent.submit(document.getElementById('login-form') as HTMLFormElement);
  });
}

describe('LoginPage', () => {
  it('is keyboard-friendly: the user name has focus, fields carry autocomplete, the button submits the form', () => {
    showLogin({});
    expect(document.activeElement).toBe(input('login-username'));
    expect(input('login-username').autocomplete).toBe('username');
    expect(input('login-password').autocomplete).toBe('current-password');
    expect(input('login-password').type).toBe('password');
    expect((document.getElementById('login-submit') as HTMLButtonElement).type).toBe('submit');
  });

  it('says "Wrong user name or password" on 401, clears the password and stays', async () => {
    const { router, bodies } = showLogin({ 'POST /api/v1/auth/login': { status: 401, body: { error: { code: 'LOGIN_FAILED', message: 'Login failed' } } } });
    await logIn('admin', 'not-the-password');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password');
    expect(bodies.get('POST /api/v1/auth/login')).toEqual({ username: 'admin', password: 'not-the-password' });
    expect(input('login-password').value).toBe('');
    expect(document.activeElement).toBe(input('login-password'));
    expect(router.state.location.pathname).toBe('/login');
  });

  it('on 429 says how long to wait (Retry-After) and holds the button until then', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    showLogin({ 'POST /api/v1/auth/login': { status: 429, body: { error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many' } }, headers: { 'retry-after': '30' } } });
    await logIn('admin', 'guess');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many failed attempts. Try again in 30 s.');
    expect((document.getElementById('login-submit') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(31_000);
    });
    expect(document.getElementById('login-wait')?.textContent).toBe(' You can try again now.');
    expect((document.getElementById('login-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks for both fields before sending anything', async () => {
    const { calls } = showLogin({});
    await logIn('', '');
    expect(screen.getByRole('alert').textContent).toBe('Enter your user name and password.');
    expect(calls).not.toContain('POST /api/v1/auth/login');
  });

  it('goes to `next` once the server accepts the password', async () => {
    const { router } = showLogin({ 'POST /api/v1/auth/login': { status: 204 } });
    await logIn('admin', 'the-right-password');
    expect(await screen.findByText('VMs')).not.toBeNull();
    expect(router.state.location.pathname).toBe('/hosts/test/vms');
  });

  it('hints at the setup link when no administrator exists yet', async () => {
    showLogin({ 'GET /api/v1/auth/setup': { status: 200, body: { needed: true } } });
    expect((await screen.findByText(/No administrator exists yet/)).id).toBe('login-setup-needed');
  });
});
