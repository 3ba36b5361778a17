// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, cleanup } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PoolSummary } from '../../../../common/storage.js';
import { storageKeys } from '../queries';
import { PoolWizard } from './PoolWizard';
import { polyfillDialog } from '../../../lib/ui/dialog.test-helpers';

beforeAll(polyfillDialog);
afterEach(cleanup);

function renderWizard(pools: PoolSummary[] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(storageKeys.pools('local'), { pools });
  return render(
    <QueryClientProvider client={client}>
      <PoolWizard host="local" open onClose={() => undefined} onCreated={() => undefined} />
    </QueryClientProvider>,
  );
}

const input = (id: string): HTMLInputElement => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement)) throw new Error(`no input #${id}`);
  return el;
};
const errorText = (id: string): string | null => document.getElementById(`${id}-error`)?.textContent ?? null;

describe('pool wizard', () => {
  it('shows why a name is refused while it is typed, and clears it when fixed', () => {
    renderWizard();
    fireEvent.change(input('pool-wizard-name'), { target: { value: '.hidden' } });
    expect(errorText('pool-wizard-name')).toBe('Pool name must not start with "."');
    fireEvent.change(input('pool-wizard-name'), { target: { value: 'good-name' } });
    expect(errorText('pool-wizard-name')).toBeNull();
  });

  it('does not leave the step while a required field is empty, and says which', () => {
    renderWizard();
    act(() => screen.getByText('Next').click());
    expect(errorText('pool-wizard-name')).toBe('Pool name is required');
    expect(document.getElementById('pool-wizard-step-type')?.getAttribute('aria-current')).toBe('step');
  });

  it('shows only the chosen type\'s source fields and checks them', () => {
    renderWizard();
    fireEvent.change(input('pool-wizard-name'), { target: { value: 'nfs1' } });
    act(() => input('pool-wizard-type-netfs').click());
    act(() => screen.getByText('Next').click());
    expect(document.getElementById('pool-wizard-host')).not.toBeNull();
    expect(document.getElementById('pool-wizard-dir')).not.toBeNull();
    expect(document.getElementById('pool-wizard-device')).toBeNull();
    expect(document.getElementById('pool-wizard-initiator')).toBeNull();
    fireEvent.change(input('pool-wizard-host'), { target: { value: 'bad host!' } });
    expect(errorText('pool-wizard-host')).toMatch(/host name/);
    fireEvent.change(input('pool-wizard-dir'), { target: { value: 'export' } });
    expect(errorText('pool-wizard-dir')).toMatch(/absolute/);
    act(() => screen.getByText('Next').click());
    expect(document.getElementById('pool-wizard-step-source')?.getAttribute('aria-current')).toBe('step');
  });

  const imagesPool: PoolSummary = {
    name: 'images', uuid: '0b5a2d0e-8f3c-4c57-a2f4-5d1b2c3d4e5f', type: 'dir', state: 'running', active: true, persistent: true, autostart: true,
    capacityBytes: 1, allocationBytes: 0, availableBytes: 1, targetPath: '/var/lib/libvirt/images', volumeTransfer: true,
  };

  it("pre-fills a free target, not the directory another pool already uses, and refuses that directory if typed", () => {
    renderWizard([imagesPool]);
    fireEvent.change(input('pool-wizard-name'), { target: { value: 'vms2' } });
    act(() => screen.getByText('Next').click());
    act(() => screen.getByText('Next').click());
    expect(document.getElementById('pool-wizard-step-target')?.getAttribute('aria-current')).toBe('step');
    expect(input('pool-wizard-target').value).toBe('/var/lib/libvirt/images/vms2');
    fireEvent.change(input('pool-wizard-target'), { target: { value: '/var/lib/libvirt/images' } });
    expect(errorText('pool-wizard-target')).toBe('Pool "images" already keeps its files in /var/lib/libvirt/images: choose another directory');
    act(() => screen.getByText('Next').click());
    expect(document.getElementById('pool-wizard-step-target')?.getAttribute('aria-current')).toBe('step');
  });
});
