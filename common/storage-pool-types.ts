/** What each pool type of the wizard needs: used by the SPA to draw fields and by the server to check them. */

export const POOL_TYPES = [
  'dir', 'fs', 'netfs', 'logical', 'disk', 'iscsi', 'iscsi-direct', 'scsi', 'mpath', 'rbd', 'zfs',
] as const;
export type PoolType = (typeof POOL_TYPES)[number];

export type SourceField = 'host' | 'port' | 'dir' | 'device' | 'name' | 'format' | 'initiatorIqn' | 'adapter' | 'auth';
export type Need = 'required' | 'optional';

export interface PoolTypeSpec {
  readonly type: PoolType;
  readonly label: string;
  /** One line: when to use this type. */
  readonly description: string;
  readonly source: Readonly<Partial<Record<SourceField, Need>>>;
  /** What `device` means for this type. */
  readonly deviceKind?: 'path' | 'iqn';
  readonly formats?: readonly string[];
  readonly target: 'required' | 'optional' | 'none';
  readonly defaultTarget?: string;
  /** libvirt can look for sources of this type (virConnectFindStoragePoolSources). */
  readonly discover?: 'host' | 'local';
  readonly authType?: 'chap' | 'ceph';
  /** Building this type changes the host: formats a device, creates a volume group… */
  readonly buildWarning?: string;
  /**
   * libvirt 9.0's backend for this type has uploadVol/downloadVol (virStorageVolUpload/Download);
   * without them libvirt answers VIR_ERR_NO_SUPPORT.
   */
  readonly volumeTransfer: boolean;
}

export const POOL_TYPE_SPECS: Readonly<Record<PoolType, PoolTypeSpec>> = {
  dir: {
    type: 'dir', label: 'Directory',
    description: 'A directory on this host holding image files — the simplest choice for local qcow2/raw disks.',
    source: {}, target: 'required', defaultTarget: '/var/lib/libvirt/images',
    volumeTransfer: true,
  },
  fs: {
    type: 'fs', label: 'Pre-formatted block device',
    description: 'A local disk partition with a filesystem, mounted by libvirt on the target directory.',
    source: { device: 'required', format: 'optional' }, deviceKind: 'path',
    formats: ['auto', 'ext2', 'ext3', 'ext4', 'ufs', 'iso9660', 'udf', 'gfs', 'gfs2', 'vfat', 'hfs+', 'xfs', 'ocfs2', 'vmfs'],
    target: 'required',
    buildWarning: 'Building with a filesystem format may create a new filesystem on the device.',
    volumeTransfer: true,
  },
  netfs: {
    type: 'netfs', label: 'Network filesystem (NFS, CIFS, Gluster)',
    description: 'An export on a file server (NFS, CIFS or GlusterFS) mounted on this host to hold image files.',
    source: { host: 'required', dir: 'required', format: 'optional' },
    formats: ['auto', 'nfs', 'glusterfs', 'cifs'], target: 'required', discover: 'host',
    volumeTransfer: true,
  },
  logical: {
    type: 'logical', label: 'LVM volume group',
    description: 'An LVM volume group; each volume is a logical volume — fast raw disks on local storage.',
    source: { name: 'optional', device: 'optional', format: 'optional' }, deviceKind: 'path', formats: ['lvm2'],
    target: 'optional', discover: 'local',
    buildWarning: 'Building creates a new volume group on the device, erasing what is on it.',
    volumeTransfer: true,
  },
  disk: {
    type: 'disk', label: 'Physical disk',
    description: 'A whole disk whose partitions are the volumes — when a dedicated disk holds VM storage.',
    source: { device: 'required', format: 'optional' }, deviceKind: 'path',
    formats: ['dos', 'gpt', 'dvh', 'mac', 'bsd', 'pc98', 'sun', 'lvm2'],
    target: 'optional', defaultTarget: '/dev',
    buildWarning: 'Building writes a new partition table to the disk, erasing what is on it.',
    volumeTransfer: true,
  },
  iscsi: {
    type: 'iscsi', label: 'iSCSI target',
    description: 'LUNs of an iSCSI target logged in through the host initiator — shared SAN storage.',
    source: { host: 'required', port: 'optional', device: 'required', initiatorIqn: 'optional', auth: 'optional' },
    deviceKind: 'iqn', target: 'optional', defaultTarget: '/dev/disk/by-path', discover: 'host', authType: 'chap',
    volumeTransfer: true,
  },
  'iscsi-direct': {
    type: 'iscsi-direct', label: 'iSCSI target (direct, libiscsi)',
    description: 'An iSCSI target QEMU opens itself via libiscsi — no host login or device nodes needed.',
    source: { host: 'required', port: 'optional', device: 'required', initiatorIqn: 'required', auth: 'optional' },
    deviceKind: 'iqn', target: 'none', authType: 'chap',
    volumeTransfer: false,
  },
  scsi: {
    type: 'scsi', label: 'SCSI host adapter',
    description: 'The LUNs behind a local SCSI or Fibre Channel host adapter (e.g. host0, or an NPIV vHBA).',
    source: { adapter: 'required' }, target: 'optional', defaultTarget: '/dev/disk/by-path',
    volumeTransfer: true,
  },
  mpath: {
    type: 'mpath', label: 'Multipath devices',
    description: 'All multipath devices of this host (device-mapper multipath) — redundant SAN paths.',
    source: {}, target: 'optional', defaultTarget: '/dev/mapper',
    volumeTransfer: true,
  },
  rbd: {
    type: 'rbd', label: 'Ceph RBD',
    description: 'A Ceph pool; volumes are RADOS block devices QEMU opens over the network.',
    source: { name: 'required', host: 'required', port: 'optional', auth: 'optional' },
    target: 'none', authType: 'ceph',
    volumeTransfer: false,
  },
  zfs: {
    type: 'zfs', label: 'ZFS pool',
    description: 'A ZFS zpool; volumes are zvols — snapshots and compression from ZFS itself.',
    source: { name: 'required', device: 'optional' }, deviceKind: 'path', target: 'none',
    buildWarning: 'Building creates the zpool on the device, erasing what is on it.',
    volumeTransfer: true,
  },
};

export function isPoolType(value: string): value is PoolType {
  return (POOL_TYPES as readonly string[]).includes(value);
}
