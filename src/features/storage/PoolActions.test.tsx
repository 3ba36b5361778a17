// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { PoolSummary } from '../../../common/storage.js';
import { queryClientAs } from '../auth/me.test-helpers';
import { PoolActions } from './PoolActions';

const pool = (autostart: boolean): PoolSummary => ({
  name: 'images',
  uuid: '0d4c8a5e-0f59-4d39-8d6b-3f0a3c2d1e10',
  type: 'dir',
  state: 'running',
  active: true,
  persistent: true,
  volumeTransfer: true,
  autostart,
  capacityBytes: 1,
  allocationBytes: 0,
  availableBytes: 1,
  targetPath: '/var/lib/images',
});

afterEach(cleanup);

describe('PoolActions', () => {
  it('"Autostart off" buttons read like a status: autostart is a switch that shows its state', () => {
    for (const on of [false, true]) {
      const { unmount } = render(
        <QueryClientProvider client={queryClientAs()}>
          <PoolActions host="local" pool={pool(on)} />
        </QueryClientProvider>,
      );
      const control = document.getElementById('pool-images-autostart');
      expect(control?.getAttribute('role')).toBe('switch');
      expect(control?.getAttribute('aria-checked')).toBe(String(on));
      expect(control?.textContent).toBe('Autostart');
      unmount();
    }
  });
});
