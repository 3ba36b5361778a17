// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { VmStats } from '../../../common/vms.js';
import { LiveCharts } from './LiveCharts';
import { statsStore } from './stats-store';

const MiB = 1024 * 1024;
const uuid = '7d0c3a1e-2f4b-4c6d-8e9f-0a1b2c3d4e5f';

afterEach(() => {
  cleanup();
  statsStore.clear('local', uuid);
});

describe('LiveCharts', () => {
  it('the memory chart switches label between "QEMU resident" and "in use by the guest": one title, one series per meaning', () => {
    const samples: VmStats[] = [
      { at: 1, memUsedBytes: 90 * MiB, memSource: 'host' },
      { at: 2, memUsedBytes: 40 * MiB, memSource: 'guest' },
      { at: 3, memUsedBytes: 41 * MiB, memSource: 'guest' },
      { at: 4, memUsedBytes: 92 * MiB, memSource: 'host' },
    ];
    for (const s of samples) statsStore.add('local', uuid, s);
    render(<LiveCharts host="local" uuid={uuid} memoryBytes={128 * MiB} running />);
    const chart = document.getElementById('vm-chart-memory');
    expect(chart?.querySelector('figcaption span')?.textContent).toBe('Memory');
    const legend = chart?.querySelector('div')?.textContent ?? '';
    expect(legend).toContain('in use by the guest');
    expect(legend).toContain('QEMU resident on the host 92 MiB');
    expect(chart?.querySelectorAll('svg path')).toHaveLength(2);
  });
});
