// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { TokenCreateBody, TokenSummary } from '../../../common/access.js';
import { stubFetch } from '../auth/fetch.test-helpers';
import { queryClientAs } from '../auth/me.test-helpers';
import { TokensDialog } from './TokensDialog';
import { polyfillDialog } from '../../lib/ui/dialog.test-helpers';

beforeAll(polyfillDialog);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SECRET = 'vdt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

function show() {
  const tokens: TokenSummary[] = [];
  const seen = stubFetch({
    'GET /api/v1/auth/tokens': () => ({ status: 200, body: { tokens } }),
    'GET /api/v1/hosts': { status: 200, body: { hosts: [{ id: 'local', uri: 'qemu:///system', state: 'connected', since: '2026-01-01T00:00:00Z' }] } },
    'POST /api/v1/auth/tokens': (init) => {
      const body = JSON.parse(String(init?.body)) as TokenCreateBody;
      const summary: TokenSummary = { id: 'tok1', name: body.name, createdAt: new Date().toISOString(), grants: body.grants ?? [], ...(body.expiresAt === undefined ? {} : { expiresAt: body.expiresAt }) };
      tokens.push(summary);
      return { status: 201, body: { token: SECRET, summary } };
    },
  });
  const client = queryClientAs();
  render(
    <QueryClientProvider client={client}>
      <TokensDialog onClose={() => undefined} />
    </QueryClientProvider>,
  );
  return { ...seen, client };
}

const click = async (id: string) => {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
};
const change = async (id: string, value: string) => {
  await act(async () => {
    fireEvent.change(document.getElementById(id) as HTMLInputElement, { target: { value } });
  });
};

/** Everything the app keeps of server answers: queries and mutations. */
function cached(client: QueryClient): string {
  return JSON.stringify([client.getQueryCache().getAll().map((q) => q.state.data), client.getMutationCache().getAll().map((m) => m.state.data)]);
}

describe('TokensDialog', () => {
  it('shows the new secret once, with a warning and a copy button, then never again', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { bodies, client } = show();
    expect((await screen.findByText('You have no API tokens.')).id).toBe('tokens-empty');

    await click('token-create');
    await change('token-name', 'backup script');
    await change('token-expiry', '7');
    const before = Date.now();
    await click('token-create-submit');

    expect((await screen.findByText(SECRET)).id).toBe('token-secret');
    expect(document.getElementById('token-created-warning')?.textContent).toContain('shown only this once');
    const body = bodies.get('POST /api/v1/auth/tokens') as TokenCreateBody;
    expect(body.name).toBe('backup script');
    expect(body.grants).toBeUndefined();
    const expires = Date.parse(body.expiresAt ?? '');
    expect(expires - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(expires - before).toBeLessThan(7 * 86_400_000 + 60_000);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy the token' }));
    });
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(screen.getByRole('button', { name: 'Copy the token' }).textContent).toBe('Copied');

    await click('token-created-done');
    expect((await screen.findByText('backup script')).closest('tr')?.id).toBe('token-tok1-row');
    expect(document.body.textContent).not.toContain(SECRET);
    await waitFor(() => expect(cached(client)).not.toContain(SECRET));
  });

  it('a token limited to some roles needs at least one, and sends those', async () => {
    const { bodies, calls } = show();
    await screen.findByText('You have no API tokens.');
    await click('token-create');
    await change('token-name', 'read only');
    await click('token-carries-some');
    await click('token-create-submit');
    expect(document.getElementById('token-grants-error')?.textContent).toBe('Add at least one role, or let the token carry all of yours.');
    expect(calls).not.toContain('POST /api/v1/auth/tokens');

    // The picker offers the user's own roles only (the admin holds Administrator).
    expect([...(document.getElementById('token-grant-role') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'Administrator']);
    await change('token-grant-role', 'Administrator');
    await click('token-grant-add');
    expect(screen.getByTestId('token-grant').dataset['path']).toBe('/');
    await click('token-create-submit');
    await screen.findByText(SECRET);
    expect((bodies.get('POST /api/v1/auth/tokens') as TokenCreateBody).grants).toEqual([{ role: 'Administrator', path: '/' }]);
  });
});
