/** Storage pools: list, details, the wizard's define (+ build/start/autostart) and lifecycle. */
import { isLibvirtCode, StoragePoolBuildFlags, uuidToString, VIR_ERR_NO_STORAGE_POOL, type StoragePoolRef } from '../libvirt/index.js';
import type { FindSourcesBody, PoolCreateBody, PoolDetails, PoolPreview, PoolSource, PoolState, PoolSummary } from '../../common/storage.js';
import { reportedBytes } from '../../common/exact-bytes.js';
import { checkPoolCreate, effectiveTarget, poolUsingTarget, targetInUseReason } from '../../common/storage-pool-check.js';
import { isPoolType, POOL_TYPE_SPECS } from '../../common/storage-pool-types.js';
import { poolCreateCommands } from '../../common/storage-virsh.js';
import { checkHostname } from '../../common/storage-validate.js';
import { buildPoolXml, buildSourceSpecXml, parsePoolSourcesXml, parsePoolXml } from '../xml/pool.js';
import {
  POOL_DELETE_NORMAL, POOL_STATE_NAMES, type StorageClient,
} from './client.js';
import { messageOf } from '../http/errors.js';
import { conflict, invalid, invalidFields, StorageErrorCodes } from './errors.js';
import { describeDependants, scanBackingDependants } from './dependants.js';

export async function lookupPool(client: StorageClient, name: string): Promise<StoragePoolRef> {
  return (await client.storagePoolLookupByName({ name })).pool;
}

/**
 * Whether this host can stream volume content of a pool of this type: the pool type's backend
 * must have it (see POOL_TYPE_SPECS), and libvirt's test driver has no volume streams at all.
 */
export function volumeTransferSupported(uri: string, poolType: string): boolean {
  if (/^test[+:]/.test(uri)) return false;
  return isPoolType(poolType) && POOL_TYPE_SPECS[poolType].volumeTransfer;
}

async function summaryOf(client: StorageClient, ref: StoragePoolRef): Promise<PoolSummary & { source: PoolSource; xml: string }> {
  const [info, autostart, persistent, desc] = await Promise.all([
    client.storagePoolGetInfo({ pool: ref }),
    client.storagePoolGetAutostart({ pool: ref }),
    client.storagePoolIsPersistent({ pool: ref }),
    client.storagePoolGetXmlDesc({ pool: ref, flags: 0 }),
  ]);
  const parsed = parsePoolXml(desc.xml);
  const state: PoolState = POOL_STATE_NAMES[info.state] ?? 'inactive';
  return {
    name: ref.name,
    uuid: uuidToString(ref.uuid),
    type: parsed.type,
    state,
    active: state === 'running' || state === 'degraded',
    persistent: persistent.persistent === 1,
    autostart: autostart.autostart === 1,
    capacityBytes: reportedBytes(info.capacity),
    allocationBytes: reportedBytes(info.allocation),
    availableBytes: reportedBytes(info.available),
    volumeTransfer: volumeTransferSupported(client.uri, parsed.type),
    ...(parsed.targetPath !== undefined ? { targetPath: parsed.targetPath } : {}),
    source: parsed.source,
    xml: desc.xml,
  };
}

export async function listPools(client: StorageClient): Promise<PoolSummary[]> {
  const { pools } = await client.connectListAllStoragePools({ needResults: 1, flags: 0 });
  const settled = await Promise.allSettled(pools.map((p) => summaryOf(client, p)));
  const out: PoolSummary[] = [];
  for (const s of settled) {
    // A pool undefined between the list and its lookups is simply gone.
    if (s.status === 'fulfilled') {
      const { source: _source, xml: _xml, ...summary } = s.value;
      out.push(summary);
    } else if (!isLibvirtCode(s.reason, VIR_ERR_NO_STORAGE_POOL)) {
      throw s.reason;
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getPool(client: StorageClient, name: string): Promise<PoolDetails> {
  return summaryOf(client, await lookupPool(client, name));
}

export function previewPool(body: PoolCreateBody): PoolPreview {
  const errors = checkPoolCreate(body);
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
  return { xml: buildPoolXml(body), virsh: poolCreateCommands(body) };
}

export interface PoolCreateOutcome {
  pool: PoolDetails;
  steps: string[];
}

/**
 * Defines the pool, then builds, starts and marks it autostart as asked. When a later step fails,
 * what was done is undone in reverse order and the error says what failed and what was undone.
 */
export async function createPool(client: StorageClient, body: PoolCreateBody): Promise<PoolCreateOutcome> {
  const { xml } = previewPool(body);
  await refuseExistingPool(client, body.name);
  await refuseUsedTarget(client, body);
  const steps: string[] = [];
  const { pool } = await client.storagePoolDefineXml({ xml, flags: 0 });
  steps.push('defined');
  const undo: { what: string; run: () => Promise<void> }[] = [
    { what: 'undefined the pool', run: () => client.storagePoolUndefine({ pool }) },
  ];
  const step = async (name: string, run: () => Promise<void>, revert?: { what: string; run: () => Promise<void> }): Promise<void> => {
    try {
      await run();
    } catch (err) {
      const undone: string[] = [];
      const failedUndo: string[] = [];
      for (const u of [...undo].reverse()) {
        try {
          await u.run();
          undone.push(u.what);
        } catch (undoErr) {
          failedUndo.push(`${u.what} failed: ${messageOf(undoErr)}`);
        }
      }
      const rolled = undone.length > 0 ? ` Rolled back: ${undone.join(', ')}.` : '';
      const left = failedUndo.length > 0 ? ` Could not roll back: ${failedUndo.join('; ')}.` : '';
      throw conflict(StorageErrorCodes.createFailed, `Pool "${body.name}" was defined but ${name} failed: ${messageOf(err)}.${rolled}${left}`);
    }
    steps.push(name === 'build' ? 'built' : name === 'start' ? 'started' : 'autostart set');
    if (revert) undo.push(revert);
  };
  if (body.build) {
    // A freshly built dir pool is an empty directory: removing it is safe. Other types formatted
    // or created something on a device that a rollback must not wipe again.
    const revert = body.type === 'dir'
      ? { what: 'removed the built directory', run: () => client.storagePoolDelete({ pool, flags: POOL_DELETE_NORMAL }) }
      : undefined;
    await step('build', () => client.storagePoolBuild({ pool, flags: StoragePoolBuildFlags.NEW }), revert);
  }
  if (body.start) {
    await step('start', () => client.storagePoolCreate({ pool, flags: 0 }), {
      what: 'stopped the pool',
      run: () => client.storagePoolDestroy({ pool }),
    });
  }
  if (body.autostart) {
    await step('autostart', () => client.storagePoolSetAutostart({ pool, autostart: 1 }));
  }
  return { pool: await summaryOf(client, pool), steps };
}

/** 409 when another pool already keeps its files in the requested target directory. */
async function refuseUsedTarget(client: StorageClient, body: PoolCreateBody): Promise<void> {
  const path = effectiveTarget(body);
  const other = poolUsingTarget(await listPools(client), body.type, path);
  if (other !== undefined && path !== undefined) throw conflict(StorageErrorCodes.targetInUse, targetInUseReason(other, path));
}

async function refuseExistingPool(client: StorageClient, name: string): Promise<void> {
  try {
    await client.storagePoolLookupByName({ name });
  } catch (err) {
    if (isLibvirtCode(err, VIR_ERR_NO_STORAGE_POOL)) return;
    throw err;
  }
  throw conflict(StorageErrorCodes.exists, `A pool named "${name}" already exists`);
}

async function isActive(client: StorageClient, pool: StoragePoolRef): Promise<boolean> {
  return (await client.storagePoolIsActive({ pool })).active === 1;
}

export async function buildPool(client: StorageClient, name: string, overwrite: boolean): Promise<void> {
  const pool = await lookupPool(client, name);
  if (await isActive(client, pool)) throw conflict(StorageErrorCodes.poolActive, `Pool "${name}" is active; stop it before building`);
  await client.storagePoolBuild({ pool, flags: overwrite ? StoragePoolBuildFlags.OVERWRITE : StoragePoolBuildFlags.NEW });
}

export async function startPool(client: StorageClient, name: string): Promise<void> {
  const pool = await lookupPool(client, name);
  if (await isActive(client, pool)) throw conflict(StorageErrorCodes.poolActive, `Pool "${name}" is already active`);
  await client.storagePoolCreate({ pool, flags: 0 });
}

export async function stopPool(client: StorageClient, name: string): Promise<void> {
  const pool = await lookupPool(client, name);
  if (!(await isActive(client, pool))) throw conflict('POOL_INACTIVE', `Pool "${name}" is not active`);
  await client.storagePoolDestroy({ pool });
}

export async function refreshPool(client: StorageClient, name: string): Promise<void> {
  const pool = await lookupPool(client, name);
  if (!(await isActive(client, pool))) throw conflict('POOL_INACTIVE', `Pool "${name}" is not active; start it to refresh`);
  await client.storagePoolRefresh({ pool, flags: 0 });
}

export async function setPoolAutostart(client: StorageClient, name: string, enabled: boolean): Promise<void> {
  const pool = await lookupPool(client, name);
  await client.storagePoolSetAutostart({ pool, autostart: enabled ? 1 : 0 });
}

export async function undefinePool(client: StorageClient, name: string): Promise<void> {
  const pool = await lookupPool(client, name);
  if (await isActive(client, pool)) {
    throw conflict(StorageErrorCodes.poolActive, `Pool "${name}" is active; stop it before removing its definition`);
  }
  await client.storagePoolUndefine({ pool });
}

/** Deletes the pool's underlying storage (a dir pool's directory, an LVM volume group …). */
export async function deletePoolStorage(client: StorageClient, name: string, confirm: string, breakDependants = false): Promise<void> {
  if (confirm !== name) {
    throw invalid(`Deleting the storage of pool "${name}" must be confirmed by sending its name as "confirm"`);
  }
  const pool = await lookupPool(client, name);
  if (await isActive(client, pool)) throw conflict(StorageErrorCodes.poolActive, `Pool "${name}" is active; stop it before deleting its storage`);
  const target = parsePoolXml((await client.storagePoolGetXmlDesc({ pool, flags: 0 })).xml).targetPath;
  const dependants = target === undefined || target === '' ? [] : (await scanBackingDependants(client)).dependantsUnder(target);
  if (dependants.length > 0 && !breakDependants) {
    throw conflict(
      StorageErrorCodes.hasDependants,
      `Pool "${name}" holds the backing files of ${describeDependants(dependants)}: deleting its storage breaks them. Send breakDependants to delete it anyway`,
    );
  }
  await client.storagePoolDelete({ pool, flags: POOL_DELETE_NORMAL });
}

export async function findPoolSources(client: StorageClient, body: FindSourcesBody): Promise<PoolSource[]> {
  if (body.type !== 'logical' && !body.host) throw invalid(`Finding ${body.type} sources needs a host to scan`);
  const hostError = body.host !== undefined ? checkHostname(body.host) : null;
  if (hostError !== null) throw invalid(hostError);
  const spec = buildSourceSpecXml(body.host, body.port);
  const { xml } = await client.connectFindStoragePoolSources({ type: body.type, srcSpec: spec === '' ? null : spec, flags: 0 });
  return parsePoolSourcesXml(xml);
}
