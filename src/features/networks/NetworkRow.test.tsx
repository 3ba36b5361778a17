// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { NetworkSummary } from '../../../common/networks.js';
import { queryClientAs } from '../auth/me.test-helpers';
import { NetworkRow } from './NetworkRow';

const network = (autostart: boolean): NetworkSummary => ({
  name: 'lab',
  uuid: '6c1f5bd6-1a52-4a0d-9d8e-0f8f0d2f3f11',
  active: true,
  autostart,
  persistent: true,
  forwardMode: 'nat',
  bridge: 'virbr9',
  leases: [],
  ips: [],
  usedBy: [
    { uuid: 'a', name: 'web', active: true },
    { uuid: 'b', name: 'backup', active: false },
  ],
});

function renderRow(autostart: boolean) {
  return render(
    <QueryClientProvider client={queryClientAs()}>
      <table>
        <tbody>
          <NetworkRow host="local" network={network(autostart)} selected={false} onSelect={() => undefined} />
        </tbody>
      </table>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('NetworkRow', () => {
  it('"Autostart off" buttons read like a status: autostart is a switch that shows its state', () => {
    for (const on of [false, true]) {
      const { unmount } = renderRow(on);
      const control = document.getElementById('network-lab-autostart');
      expect(control?.getAttribute('role')).toBe('switch');
      expect(control?.getAttribute('aria-checked')).toBe(String(on));
      expect(control?.textContent).toBe('Autostart');
      unmount();
    }
  });

  it('deleting a network that running VMs use names them, running first, and what they lose', () => {
    renderRow(false);
    fireEvent.click(document.getElementById('network-lab-delete') as HTMLElement);
    const affected = [...document.querySelectorAll('[data-testid="confirm-affected-vm"]')];
    expect(affected.map((li) => [li.getAttribute('data-running'), li.textContent?.split(' ')[0]])).toEqual([
      ['true', 'web'],
      ['false', 'backup'],
    ]);
    expect(affected[0]?.textContent).toContain('loses its network connection');
  });
});
