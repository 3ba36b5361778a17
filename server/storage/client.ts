/**
 * The part of the libvirt client that storage uses (method names and argument structs follow
 * remote_protocol.x, see server/libvirt). Kept narrow so each use is visible at a glance.
 */
import type { LibvirtClient } from '../libvirt/index.js';

export type StorageClient = Pick<
  LibvirtClient,
  | 'uri'
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

// virStoragePoolDeleteFlags
export const POOL_DELETE_NORMAL = 0;
// virStoragePoolState
export const POOL_STATE_NAMES = ['inactive', 'building', 'running', 'degraded', 'inaccessible'] as const;
