// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fileSlug, type KindCapability, type SnapshotCapabilities } from '../../../common/snapshots.js';
import { CreateSnapshotDialog } from './CreateSnapshotDialog';
import { polyfillDialog } from '../../lib/ui/dialog.test-helpers';

beforeAll(polyfillDialog);

afterEach(cleanup);

const offered = (over: Partial<KindCapability> = {}): KindCapability => ({
  available: true,
  reason: null,
  memory: 'optional',
  memoryReason: null,
  revertible: true,
  revertReason: null,
  ...over,
});

function caps(over: Partial<SnapshotCapabilities>): SnapshotCapabilities {
  return {
    vmState: 'running',
    libvirtVersion: '9.0.0',
    defaultName: '1700000000',
    defaultKind: 'internal',
    disks: [{ target: 'vda', source: '/img/vm.qcow2', format: 'qcow2' }],
    internal: offered({ memory: 'required', memoryReason: 'libvirt refuses internal disk-only snapshots of a running VM, so the memory state is always saved.' }),
    external: offered({ revertible: false, revertReason: 'libvirt 9.0.0 cannot revert to external snapshots (supported from libvirt 9.9.0).' }),
    ...over,
  };
}

function show(capabilities: SnapshotCapabilities) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CreateSnapshotDialog host="local" uri="qemu:///system" uuid="u" vmName="vm" capabilities={capabilities} onClose={() => undefined} onCreated={() => undefined} />
    </QueryClientProvider>,
  );
}

const virshText = () => {
  fireEvent.click(screen.getByText('Show virsh command'));
  return document.getElementById('snapshot-create-virsh')?.textContent;
};

describe('CreateSnapshotDialog', () => {
  it('prefills a libvirt-style name and offers both kinds, internal first with memory required', () => {
    show(caps({}));
    expect((document.getElementById('snapshot-name') as HTMLInputElement).value).toMatch(/^\d{10}$/);
    expect((document.getElementById('snapshot-kind-internal') as HTMLInputElement).checked).toBe(true);
    expect(document.getElementById('snapshot-memory-note')?.textContent).toMatch(/memory state is included/);
    expect(screen.getByText(/cannot revert to external snapshots/)).toBeTruthy();
  });

  it('the virsh command follows the form, quoting what the user typed', () => {
    show(caps({}));
    fireEvent.change(document.getElementById('snapshot-name') as HTMLInputElement, { target: { value: "it's" } });
    fireEvent.click(document.getElementById('snapshot-kind-external') as HTMLInputElement);
    fireEvent.click(document.getElementById('snapshot-memory') as HTMLInputElement);
    expect(virshText()).toBe(
      `virsh -c qemu:///system snapshot-create-as --domain 'vm' --name 'it'\\''s' --disk-only --diskspec vda,snapshot=external,file=/img/vm.${fileSlug("it's")}.qcow2 --atomic`,
    );
  });

  it('with one kind possible, shows it without a choice and says why the other is missing', () => {
    show(
      caps({
        defaultKind: 'external',
        internal: offered({ available: false, reason: 'Internal snapshots need every writable disk in qcow2 format; vda is raw.' }),
      }),
    );
    expect(document.getElementById('snapshot-kind-internal')).toBeNull();
    expect(document.getElementById('snapshot-kind-only')?.textContent).toMatch(/External/);
    expect(screen.getByTestId('snapshot-kind-missing-internal').textContent).toMatch(/vda is raw/);
  });

  it('when nothing is possible, says why and offers no submit', () => {
    show(
      caps({
        defaultKind: null,
        internal: offered({ available: false, reason: 'The VM is crashed; snapshots need it running, paused or shut off.' }),
        external: offered({ available: false, reason: 'The VM is crashed; snapshots need it running, paused or shut off.' }),
      }),
    );
    expect(document.getElementById('snapshot-create-impossible')?.textContent).toMatch(/crashed/);
    expect((screen.getByTestId('snapshot-create-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
