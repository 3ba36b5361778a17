// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../lib/query';
import { stubFetch, type Routes } from './fetch.test-helpers';
import { PasswordDialog } from './PasswordDialog';
import { polyfillDialog } from '../../lib/ui/dialog.test-helpers';

beforeAll(polyfillDialog);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(routes: Routes) {
  const seen = stubFetch(routes);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <PasswordDialog onClose={() => undefined} />
    </QueryClientProvider>,
  );
  return seen;
}

async function change(current: string, next: string, confirm = next) {
  const set = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLInputElement, { target: { value } });
  set('password-current', current);
  set('password-new', next);
  set('password-confirm', confirm);
  await act(async () => {
    fireEvent.submit(document.getElementById('password-form') as HTMLFormElement);
  });
}

describe('PasswordDialog', () => {
  it('sends the current and the new password and says it worked', async () => {
    const { bodies } = show({ 'POST /api/v1/auth/password': { status: 204 } });
    await change('the old password', 'a brand new password');
    expect((await screen.findByRole('status')).id).toBe('password-changed');
    expect(bodies.get('POST /api/v1/auth/password')).toEqual({ currentPassword: 'the old password', newPassword: 'a brand new password' });
  });

  it('says so when the current password is wrong', async () => {
    show({ 'POST /api/v1/auth/password': { status: 403, body: { error: { code: 'LOGIN_FAILED', message: 'The current password is wrong' } } } });
    await change('not it', 'a brand new password');
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is wrong.');
  });

  it('checks length and the repeat before asking the server', async () => {
    const { calls } = show({});
    await change('the old password', 'short');
    expect(document.getElementById('password-new-error')?.textContent).toBe('Use at least 12 characters.');
    await change('the old password', 'a brand new password', 'a brand new passwort');
    expect(document.getElementById('password-confirm-error')?.textContent).toBe('The two passwords differ.');
    expect(calls).toEqual([]);
  });
});
