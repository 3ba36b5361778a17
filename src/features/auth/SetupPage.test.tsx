// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../../lib/query';
import { stubFetch, type Routes } from './fetch.test-helpers';
import { SetupPage } from './SetupPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

function showSetup(routes: Routes, at = '/setup?token=t0ken') {
  const seen = stubFetch({ 'GET /api/v1/auth/setup': { status: 200, body: { needed: true } }, ...routes });
  const router = createMemoryRouter(
    [
      { path: '/setup', element: <SetupPage /> },
      { path: '/', element: <p>dashboard</p> },
    ],
    { initialEntries: [at] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, ...seen };
}

async function create(password: string, confirm = password) {
  fireEvent.change(input('setup-password'), { target: { value: password } });
  fireEvent.change(input('setup-confirm'), { target: { value: confirm } });
  await act(async () => {
    fireEvent.submit(document.getElementById('setup-form') as HTMLFormElement);
  });
}

describe('SetupPage', () => {
  it('creates user admin with the token from the link, then opens the app', async () => {
    const { router, bodies } = showSetup({ 'POST /api/v1/auth/setup': { status: 204 } });
    expect(input('setup-username').value).toBe('admin');
    await create('a long enough password');
    await screen.findByText('dashboard');
    expect(bodies.get('POST /api/v1/auth/setup')).toEqual({ token: 't0ken', username: 'admin', password: 'a long enough password' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('refuses short and differing passwords before asking the server', async () => {
    const { calls } = showSetup({});
    await create('short');
    expect(document.getElementById('setup-password-error')?.textContent).toBe('Use at least 12 characters.');
    await create('a long enough password', 'another long password');
    expect(document.getElementById('setup-confirm-error')?.textContent).toBe('The two passwords differ.');
    expect(calls).not.toContain('POST /api/v1/auth/setup');
  });

  it('says clearly when the link is used, expired or wrong', async () => {
    showSetup({ 'POST /api/v1/auth/setup': { status: 403, body: { error: { code: 'SETUP_TOKEN_INVALID', message: 'invalid' } } } });
    await create('a long enough password');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This setup link is not valid: it was used already, it expired/);
    expect(document.getElementById('setup-login-link')).not.toBeNull();
  });

  it('without a token, or once an administrator exists, points to the console link or the login page', async () => {
    showSetup({}, '/setup');
    expect(document.getElementById('setup-no-token')).not.toBeNull();
    cleanup();
    showSetup({ 'GET /api/v1/auth/setup': { status: 200, body: { needed: false } } });
    expect((await screen.findByText(/An administrator exists already/)).id).toBe('setup-done');
  });
});
