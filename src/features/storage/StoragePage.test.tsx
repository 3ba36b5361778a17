// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { queryClientAs } from '../auth/me.test-helpers';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolDetails, PoolList, VolumeSummary } from '../../../common/storage.js';
import { ApiError } from '../../lib/api';
import { storageKeys } from './queries';
import { PoolPanel } from './StoragePage';
import { VolumeTable } from './VolumeTable';

afterEach(cleanup);

const stoppedPool: PoolDetails = {
  name: 'vt-stopped', uuid: '6a1ba9e7-4c51-4d6f-9f3a-0d6c0b6f1a01', type: 'dir', state: 'inactive', active: false, persistent: true,
  autostart: false, capacityBytes: 0, allocationBytes: 0, availableBytes: 0, targetPath: '/srv/vt-stopped', volumeTransfer: true,
  source: {}, xml: '<pool type="dir"/>',
};

function clientWith(pool: PoolDetails): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const list: PoolList = { pools: [pool] };
  client.setQueryData(storageKeys.pools('local'), list);
  client.setQueryData(storageKeys.pool('local', pool.name), pool);
  return client;
}

describe('pool panel', () => {
  it("a stopped pool shows its 'Start the pool' hint only, not libvirt's raw VIR_ERR_OPERATION_INVALID with Retry", () => {
    const client = clientWith(stoppedPool);
    // The volume list failed as the pool stopped (libvirt: "storage pool 'vt-stopped' is not active").
    const volumes = client.getQueryCache().build(client, { queryKey: storageKeys.volumes('local', stoppedPool.name) });
    volumes.setState({ status: 'error', error: new ApiError(409, 'VIR_ERR_OPERATION_INVALID', "Requested operation is not valid: storage pool 'vt-stopped' is not active"), fetchStatus: 'idle' });
    render(<QueryClientProvider client={client}><PoolPanel host="local" name={stoppedPool.name} /></QueryClientProvider>);
    expect(screen.getByText('Start the pool to see and create its volumes.')).toBeTruthy();
    expect(screen.queryByText('VIR_ERR_OPERATION_INVALID')).toBeNull();
    expect(screen.queryByText('Retry')).toBeNull();
  });
});

describe('volume table', () => {
  const vol: VolumeSummary = { name: 'disk.img', key: 'ceph/disk.img', type: 'network', format: 'raw', capacityBytes: 1048576, allocationBytes: 1048576, path: '/dev/rbd/disk.img', usedBy: [] };

  it("greys out download and upload, with the reason, where the pool type's libvirt driver has no volume streams", () => {
    render(<QueryClientProvider client={queryClientAs()}><VolumeTable host="local" pool="ceph" poolType="rbd" volumeTransfer={false} volumes={[vol]} /></QueryClientProvider>);
    const download = document.getElementById('volume-download-disk.img');
    expect(download).toBeInstanceOf(HTMLButtonElement);
    expect((download as HTMLButtonElement).disabled).toBe(true);
    expect(download?.getAttribute('title')).toMatch(/cannot stream volume content of a rbd pool/);
    expect((document.getElementById('volume-upload-disk.img') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers download as a link where the driver streams', () => {
    render(<QueryClientProvider client={queryClientAs()}><VolumeTable host="local" pool="images" poolType="dir" volumeTransfer volumes={[vol]} /></QueryClientProvider>);
    expect(document.getElementById('volume-download-disk.img')).toBeInstanceOf(HTMLAnchorElement);
  });
});
