// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BUILT_IN_ROLES, type GroupSummary, type UserSummary } from '../../../common/access.js';
import { polyfillDialog } from '../../lib/ui/dialog.test-helpers';
import { stubFetch } from '../auth/fetch.test-helpers';
import { queryClientAs } from '../auth/me.test-helpers';
import { GroupsTab } from './GroupsTab';

beforeAll(polyfillDialog);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = (username: string): UserSummary => ({ username, realm: 'local', disabled: false, createdAt: '2026-01-01T00:00:00Z', grants: [], groups: [] });

/** A small server of groups: the stub answers from, and changes, this list. */
function show() {
  const groups: GroupSummary[] = [
    { name: 'Ops team', description: 'Runs the VMs', createdAt: '2026-01-01T00:00:00Z', members: ['alice'], grants: [{ id: 7, role: 'Operator', path: '/hosts/local' }] },
  ];
  const ops = (): GroupSummary => groups[0] as GroupSummary;
  let nextId = 8;
  const seen = stubFetch({
    'GET /api/v1/access/groups': () => ({ status: 200, body: { groups } }),
    'GET /api/v1/access/users': { status: 200, body: { users: [user('alice'), user('bob')] } },
    'GET /api/v1/access/roles': { status: 200, body: { roles: BUILT_IN_ROLES } },
    'GET /api/v1/hosts': { status: 200, body: { hosts: [{ id: 'local', uri: 'qemu:///system', state: 'connected', since: '2026-01-01T00:00:00Z' }] } },
    'POST /api/v1/access/groups': (init) => {
      const body = JSON.parse(String(init?.body)) as { name: string; description?: string };
      const created = { name: body.name, description: body.description ?? '', createdAt: '2026-01-02T00:00:00Z', members: [], grants: [] };
      groups.push(created);
      return { status: 201, body: created };
    },
    'DELETE /api/v1/access/groups/Dev': () => {
      groups.splice(1, 1);
      return { status: 204 };
    },
    'PUT /api/v1/access/groups/Ops%20team/members/bob': () => {
      ops().members.push('bob');
      return { status: 204 };
    },
    'DELETE /api/v1/access/groups/Ops%20team/members/alice': () => {
      ops().members = ops().members.filter((m) => m !== 'alice');
      return { status: 204 };
    },
    'POST /api/v1/access/grants': (init) => {
      const body = JSON.parse(String(init?.body)) as { group: string; role: string; path: string };
      const grant = { id: nextId++, role: body.role, path: body.path };
      ops().grants.push(grant);
      return { status: 201, body: { ...grant, group: body.group } };
    },
    'DELETE /api/v1/access/grants/7': () => {
      ops().grants = ops().grants.filter((g) => g.id !== 7);
      return { status: 204 };
    },
  });
  render(
    <QueryClientProvider client={queryClientAs()}>
      <GroupsTab host="local" />
    </QueryClientProvider>,
  );
  return seen;
}

const click = async (element: HTMLElement | null) => {
  await act(async () => {
    fireEvent.click(element as HTMLElement);
  });
};
const byId = (id: string) => document.getElementById(id);
const change = async (id: string, value: string) => {
  await act(async () => {
    fireEvent.change(byId(id) as HTMLInputElement, { target: { value } });
  });
};
const confirmIn = (dialogId: string) => within(byId(dialogId) as HTMLElement).getByTestId('confirm-ok');

describe('GroupsTab', () => {
  it('lists groups with their members and roles', async () => {
    show();
    const row = await screen.findByText('Ops team');
    expect(row.closest('tr')?.dataset['group']).toBe('Ops team');
    expect(screen.getAllByTestId('group-member').map((m) => m.dataset['username'])).toEqual(['alice']);
    expect(screen.getByTestId('group-grant').dataset['path']).toBe('/hosts/local');
    expect(screen.getByText('Runs the VMs')).toBeTruthy();
  });

  it('creates a group and deletes it after confirming', async () => {
    const { bodies, calls } = show();
    await screen.findByText('Ops team');
    await click(byId('groups-create'));
    await change('group-create-name', 'Dev');
    await change('group-create-description', 'Builds things');
    await click(byId('group-create-submit'));
    expect(bodies.get('POST /api/v1/access/groups')).toEqual({ name: 'Dev', description: 'Builds things' });
    await screen.findByText('Builds things');

    await click(byId('group-dev-delete'));
    expect(byId('group-delete-dialog')?.hasAttribute('open')).toBe(true);
    await click(confirmIn('group-delete-dialog'));
    expect(calls).toContain('DELETE /api/v1/access/groups/Dev');
    await waitFor(() => expect(screen.queryByText('Builds things')).toBeNull());
  });

  it('adds a member from the users not yet in the group, and removes one after confirming', async () => {
    const { calls } = show();
    await screen.findByText('Ops team');
    await click(byId('group-ops-team-member-add'));
    const options = [...(byId('member-add-user') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['', 'bob']);
    await change('member-add-user', 'bob');
    await click(byId('member-add-submit'));
    expect(calls).toContain('PUT /api/v1/access/groups/Ops%20team/members/bob');
    await waitFor(() => expect(screen.getAllByTestId('group-member').map((m) => m.dataset['username'])).toEqual(['alice', 'bob']));

    await click(byId('group-ops-team-member-alice-remove'));
    await click(confirmIn('member-remove-dialog'));
    expect(calls).toContain('DELETE /api/v1/access/groups/Ops%20team/members/alice');
    await waitFor(() => expect(screen.getAllByTestId('group-member').map((m) => m.dataset['username'])).toEqual(['bob']));
  });

  it('grants a role to the group with the grant picker, and revokes one after confirming', async () => {
    const { bodies, calls } = show();
    await screen.findByText('Ops team');
    await click(byId('group-ops-team-grant'));
    expect(screen.getByText('Grant a role to group Ops team')).toBeTruthy();
    await change('grant-role', 'Auditor');
    await click(byId('grant-submit'));
    expect(bodies.get('POST /api/v1/access/grants')).toEqual({ group: 'Ops team', role: 'Auditor', path: '/' });
    await waitFor(() => expect(screen.getAllByTestId('group-grant').map((g) => g.dataset['role'])).toEqual(['Operator', 'Auditor']));

    await click(byId('group-ops-team-grant-7-revoke'));
    await click(confirmIn('group-grant-revoke-dialog'));
    expect(calls).toContain('DELETE /api/v1/access/grants/7');
    await waitFor(() => expect(screen.getAllByTestId('group-grant').map((g) => g.dataset['role'])).toEqual(['Auditor']));
  });
});
