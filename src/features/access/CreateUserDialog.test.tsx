// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../lib/query';
import { stubFetch } from '../auth/fetch.test-helpers';
import { CreateUserDialog } from './CreateUserDialog';

const CREATED = { status: 201, body: { username: 'alice', realm: 'pam', disabled: false, createdAt: '2026-01-01T00:00:00.000Z', grants: [] } };

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show() {
  const seen = stubFetch({ 'POST /api/v1/access/users': CREATED });
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <CreateUserDialog existing={[]} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { ...seen, onClose };
}

const byId = (id: string) => document.getElementById(id);
const type = (id: string, value: string) => fireEvent.change(byId(id) as HTMLInputElement, { target: { value } });
const submit = () =>
  act(async () => {
    fireEvent.click(byId('user-create-submit') as HTMLButtonElement);
  });

describe('CreateUserDialog realm choice', () => {
  it('starts with a virtdeck password and sends it with realm local', async () => {
    const { bodies, onClose } = show();
    expect((byId('user-create-realm-local') as HTMLInputElement).checked).toBe(true);
    type('user-create-username', 'bob');
    type('user-create-password', 'a good long password');
    type('user-create-confirm', 'a good long password');
    await submit();
    expect(bodies.get('POST /api/v1/access/users')).toEqual({ username: 'bob', realm: 'local', password: 'a good long password' });
    expect(onClose).toHaveBeenCalled();
  });

  it('hides the password fields for a Linux account and sends no password', async () => {
    const { bodies, onClose } = show();
    type('user-create-password', 'typed before the switch');
    fireEvent.click(byId('user-create-realm-pam') as HTMLInputElement);
    expect(byId('user-create-password')).toBeNull();
    expect(byId('user-create-confirm')).toBeNull();
    expect(byId('user-create-dialog')?.textContent).toContain('Linux account of the host');
    type('user-create-username', 'alice');
    await submit();
    expect(bodies.get('POST /api/v1/access/users')).toEqual({ username: 'alice', realm: 'pam' });
    expect(onClose).toHaveBeenCalled();
  });

  it('still asks for a password when switched back to a virtdeck password', async () => {
    const { calls } = show();
    fireEvent.click(byId('user-create-realm-pam') as HTMLInputElement);
    fireEvent.click(byId('user-create-realm-local') as HTMLInputElement);
    type('user-create-username', 'carol');
    await submit();
    expect(byId('user-create-password')).not.toBeNull();
    expect(calls).not.toContain('POST /api/v1/access/users');
  });
});
