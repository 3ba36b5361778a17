/**
 * The part of the libvirt client that storage uses (method names and argument structs follow
 * remote_protocol.x, see server/libvirt). Kept narrow so each use is visible at a glance.
 */
import type { LibvirtClient } from '../libvirt/index.js';

export type StorageClient = Pick<
  LibvirtClient,
  | 'connectListAllStoragePools'
  | 'connectFindStoragePoolSources'
  | 'storagePoolLookupByName'
  | 'storagePoolDefineXml'
  | 'storagePoolBuild'
  | 'storagePoolCreate'
  | 'storagePoolDestroy'
  | 'storagePoolDelete'
  | 'storagePoolUndefine'
  | 'storagePoolRefresh'
  | 'storagePoolGetXmlDesc'
  | 'storagePoolGetInfo'
  | 'storagePoolGetAutostart'
  | 'storagePoolSetAutostart'
  | 'storagePoolIsActive'
  | 'storagePoolIsPersistent'
  | 'storagePoolListAllVolumes'
  | 'storageVolLookupByName'
  | 'storageVolLookupByPath'
  | 'storageVolCreateXml'
  | 'storageVolCreateXmlFrom'
  | 'storageVolDelete'
  | 'storageVolWipe'
  | 'storageVolGetXmlDesc'
  | 'storageVolResize'
  | 'storageVolUpload'
  | 'storageVolDownload'
  | 'connectListAllDomains'
  | 'domainGetXmlDesc'
>;

// virStoragePoolBuildFlags
export const POOL_BUILD_NEW = 0;
export const POOL_BUILD_OVERWRITE = 2;
export const POOL_BUILD_NO_OVERWRITE = 4;
// virStoragePoolDeleteFlags
export const POOL_DELETE_NORMAL = 0;
// virStorageVolCreateFlags
export const VOL_CREATE_PREALLOC_METADATA = 1;
// virStorageVolResizeFlags
export const VOL_RESIZE_SHRINK = 4;
// virStoragePoolState
export const POOL_STATE_NAMES = ['inactive', 'building', 'running', 'degraded', 'inaccessible'] as const;
