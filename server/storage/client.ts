/**
 * The part of the libvirt client that storage uses (method names and argument structs follow
 * remote_protocol.x, see server/libvirt). Kept narrow so each use is visible at a glance.
 */
import type { Duplex } from 'node:stream';

export interface PoolRef {
  name: string;
  uuid: Uint8Array;
}

export interface VolRef {
  pool: string;
  name: string;
  key: string;
}

export interface DomRef {
  name: string;
  uuid: Uint8Array;
  id: number;
}

export interface StorageClient {
  connectListAllStoragePools(args: { needResults: number; flags: number }): Promise<{ pools: PoolRef[]; ret: number }>;
  connectFindStoragePoolSources(args: { type: string; srcSpec: string | null; flags: number }): Promise<{ xml: string }>;
  storagePoolLookupByName(args: { name: string }): Promise<{ pool: PoolRef }>;
  storagePoolDefineXml(args: { xml: string; flags: number }): Promise<{ pool: PoolRef }>;
  storagePoolBuild(args: { pool: PoolRef; flags: number }): Promise<void>;
  storagePoolCreate(args: { pool: PoolRef; flags: number }): Promise<void>;
  storagePoolDestroy(args: { pool: PoolRef }): Promise<void>;
  storagePoolDelete(args: { pool: PoolRef; flags: number }): Promise<void>;
  storagePoolUndefine(args: { pool: PoolRef }): Promise<void>;
  storagePoolRefresh(args: { pool: PoolRef; flags: number }): Promise<void>;
  storagePoolGetXmlDesc(args: { pool: PoolRef; flags: number }): Promise<{ xml: string }>;
  storagePoolGetInfo(args: { pool: PoolRef }): Promise<{ state: number; capacity: bigint; allocation: bigint; available: bigint }>;
  storagePoolGetAutostart(args: { pool: PoolRef }): Promise<{ autostart: number }>;
  storagePoolSetAutostart(args: { pool: PoolRef; autostart: number }): Promise<void>;
  storagePoolIsActive(args: { pool: PoolRef }): Promise<{ active: number }>;
  storagePoolIsPersistent(args: { pool: PoolRef }): Promise<{ persistent: number }>;
  storagePoolListAllVolumes(args: { pool: PoolRef; needResults: number; flags: number }): Promise<{ vols: VolRef[]; ret: number }>;
  storageVolLookupByName(args: { pool: PoolRef; name: string }): Promise<{ vol: VolRef }>;
  storageVolLookupByPath(args: { path: string }): Promise<{ vol: VolRef }>;
  storageVolCreateXml(args: { pool: PoolRef; xml: string; flags: number }): Promise<{ vol: VolRef }>;
  storageVolCreateXmlFrom(args: { pool: PoolRef; xml: string; clonevol: VolRef; flags: number }): Promise<{ vol: VolRef }>;
  storageVolDelete(args: { vol: VolRef; flags: number }): Promise<void>;
  storageVolWipe(args: { vol: VolRef; flags: number }): Promise<void>;
  storageVolGetXmlDesc(args: { vol: VolRef; flags: number }): Promise<{ xml: string }>;
  storageVolResize(args: { vol: VolRef; capacity: bigint | number; flags: number }): Promise<void>;
  storageVolUpload(args: { vol: VolRef; offset: bigint | number; length: bigint | number; flags: number }): Promise<Duplex>;
  storageVolDownload(args: { vol: VolRef; offset: bigint | number; length: bigint | number; flags: number }): Promise<Duplex>;
  connectListAllDomains(args: { needResults: number; flags: number }): Promise<{ domains: DomRef[]; ret: number }>;
  domainGetXmlDesc(args: { dom: DomRef; flags: number }): Promise<{ xml: string }>;
}

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
// virStorageVolType
export const VOL_TYPE_NAMES = ['file', 'block', 'dir', 'network', 'netdir', 'ploop'] as const;
// virErrorNumber
export const VIR_ERR_NO_STORAGE_VOL = 50;
export const VIR_ERR_NO_STORAGE_POOL = 49;
