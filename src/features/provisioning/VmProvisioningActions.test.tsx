// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { VmSummary } from '../../../common/vms.js';
import { queryClientAs } from '../auth/me.test-helpers';
import { VmProvisioningActions } from './VmProvisioningActions';

const vm: VmSummary = {
  uuid: '3b9f0c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e',
  name: 'web',
  id: 4,
  state: 'running',
  autostart: false,
  persistent: true,
  managedSave: false,
  vcpus: { current: 1, max: 1 },
  memory: { currentBytes: 1, maxBytes: 1 },
};

afterEach(cleanup);

describe('VmProvisioningActions', () => {
  it('"Save" (managed save) is labelled "Save state" with a tooltip saying what it does', () => {
    render(
      <QueryClientProvider client={queryClientAs()}>
        <VmProvisioningActions host="local" uri="qemu:///system" vm={vm} />
      </QueryClientProvider>,
    );
    const save = document.getElementById('vm-action-save');
    expect(save?.textContent).toBe('Save state');
    expect(save?.getAttribute('title')).toMatch(/memory .*to disk.*Start resumes it/);
    expect(save?.getAttribute('title')).toContain('virsh -c qemu:///system managedsave web');
  });
});
