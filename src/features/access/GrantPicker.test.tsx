// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BUILT_IN_ROLES, type Grant } from '../../../common/access.js';
import { createQueryClient } from '../../lib/query';
import { stubFetch } from '../auth/fetch.test-helpers';
import { GrantPicker } from './GrantPicker';
import { describeScope } from './grant-path';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f';
const hosts = {
  hosts: [
    { id: 'local', uri: 'qemu:///system', state: 'connected', since: '2026-01-01T00:00:00Z' },
    { id: 'test', uri: 'test:///default', state: 'connected', since: '2026-01-01T00:00:00Z' },
  ],
};

function show(initialHost?: string) {
  const seen = stubFetch({
    'GET /api/v1/hosts': { status: 200, body: hosts },
    'GET /api/v1/hosts/test/vms': { status: 200, body: { vms: [{ uuid: UUID, name: 'web-1' }] } },
    'GET /api/v1/hosts/test/pools': { status: 200, body: { pools: [{ name: 'default' }] } },
    'GET /api/v1/hosts/local/networks': { status: 403, body: { error: { code: 'FORBIDDEN', message: 'Needs network.view on /hosts/local' } } },
  });
  const grants: (Grant | undefined)[] = [];
  const onChange = (g: Grant | undefined) => grants.push(g);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <GrantPicker idPrefix="grant" roles={BUILT_IN_ROLES} onChange={onChange} {...(initialHost === undefined ? {} : { initialHost })} />
    </QueryClientProvider>,
  );
  return { ...seen, last: () => grants.at(-1) };
}

const select = async (id: string, value: string) => {
  await act(async () => {
    fireEvent.change(document.getElementById(id) as HTMLSelectElement, { target: { value } });
  });
};

describe('GrantPicker', () => {
  it('gives no grant until a role is chosen, then the role on /', async () => {
    const { last } = show();
    expect(last()).toBeUndefined();
    await select('grant-role', 'Auditor');
    expect(last()).toEqual({ role: 'Auditor', path: '/' });
    expect(document.getElementById('grant-path')?.textContent).toBe('/');
  });

  it('builds the path of a host, then of a VM of that host by its UUID', async () => {
    const { last, calls } = show('test');
    await select('grant-role', 'Console user');
    await select('grant-scope', 'host');
    await screen.findByRole('option', { name: 'test (test:///default)' });
    expect((document.getElementById('grant-host') as HTMLSelectElement).value).toBe('test');
    expect(last()).toEqual({ role: 'Console user', path: '/hosts/test' });

    await select('grant-scope', 'vms');
    expect(last()).toBeUndefined();
    await screen.findByRole('option', { name: 'web-1' });
    await select('grant-object', UUID);
    expect(last()).toEqual({ role: 'Console user', path: `/hosts/test/vms/${UUID}` });
    expect(document.getElementById('grant-path')?.textContent).toBe(`/hosts/test/vms/${UUID}`);
    // The pool and network lists are read only when asked for.
    expect(calls).not.toContain('GET /api/v1/hosts/test/pools');

    await select('grant-scope', 'pools');
    await screen.findByRole('option', { name: 'default' });
    await select('grant-object', 'default');
    expect(last()).toEqual({ role: 'Console user', path: '/hosts/test/pools/default' });
  });

  it('a host change forgets the object chosen on the other host', async () => {
    const { last } = show('test');
    await select('grant-role', 'Operator');
    await select('grant-scope', 'vms');
    await screen.findByRole('option', { name: 'web-1' });
    await select('grant-object', UUID);
    await select('grant-host', 'local');
    expect(last()).toBeUndefined();
  });

  it('says in words when a list cannot be read', async () => {
    show('local');
    await select('grant-role', 'Operator');
    await select('grant-scope', 'networks');
    expect((await screen.findByText(/Cannot list the networks of this host/)).textContent).toBe(
      'Cannot list the networks of this host: Needs network.view on /hosts/local',
    );
  });
});

describe('describeScope', () => {
  it('names paths in words', () => {
    expect(describeScope('/')).toBe('every host');
    expect(describeScope('/hosts/local')).toBe('host local');
    expect(describeScope(`/hosts/test/vms/${UUID}`, new Map([[UUID, 'web-1']]))).toBe('VM web-1 on test');
    expect(describeScope('/hosts/test/networks/default')).toBe('network default on test');
  });
});
