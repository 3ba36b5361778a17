import type { PoolCreateBody } from '../../common/storage.js';
import type { PoolType } from '../../common/storage-pool-types.js';

/** One valid wizard request per pool type (names are suffixed by callers that define them). */
export const SAMPLE_POOLS: Readonly<Record<PoolType, PoolCreateBody>> = {
  dir: { name: 'vt-dir', type: 'dir', target: { path: '/var/lib/virtdeck/test-pools/dir' } },
  fs: { name: 'vt-fs', type: 'fs', source: { device: '/dev/sdz1', format: 'ext4' }, target: { path: '/mnt/vt-fs' } },
  netfs: { name: 'vt-netfs', type: 'netfs', source: { host: 'nfs.example.com', dir: '/export/vm', format: 'nfs' }, target: { path: '/mnt/vt-netfs' } },
  logical: { name: 'vt-logical', type: 'logical', source: { name: 'vgvt', device: '/dev/sdz2', format: 'lvm2' }, target: { path: '/dev/vgvt' } },
  disk: { name: 'vt-disk', type: 'disk', source: { device: '/dev/sdz', format: 'gpt' }, target: { path: '/dev' } },
  iscsi: {
    name: 'vt-iscsi', type: 'iscsi',
    source: {
      host: '192.0.2.10', port: 3260, device: 'iqn.2004-04.com.example:storage.disk1',
      initiatorIqn: 'iqn.1994-05.com.redhat:client1',
      auth: { type: 'chap', username: 'chapuser', secretUsage: 'libvirtiscsi' },
    },
    target: { path: '/dev/disk/by-path' },
  },
  'iscsi-direct': {
    name: 'vt-iscsi-direct', type: 'iscsi-direct',
    source: { host: 'iscsi.example.com', device: 'iqn.2004-04.com.example:storage.disk2', initiatorIqn: 'iqn.1994-05.com.redhat:client2' },
  },
  scsi: { name: 'vt-scsi', type: 'scsi', source: { adapter: { type: 'scsi_host', name: 'host0' } }, target: { path: '/dev/disk/by-path' } },
  mpath: { name: 'vt-mpath', type: 'mpath', target: { path: '/dev/mapper' } },
  rbd: {
    name: 'vt-rbd', type: 'rbd',
    source: {
      name: 'rbdpool', host: 'ceph-mon1.example.com', port: 6789,
      auth: { type: 'ceph', username: 'admin', secretUuid: '2ec115d7-3a88-3ceb-bc12-0ac909a6fd87' },
    },
  },
  zfs: { name: 'vt-zfs', type: 'zfs', source: { name: 'tank', device: '/dev/sdz3' } },
};
