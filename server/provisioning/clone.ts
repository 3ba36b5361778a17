/**
 * Clone like virt-clone: new name, UUID and MACs; each writable disk copied into a new volume of
 * the same pool (virStorageVolCreateXMLFrom); read-only and shareable disks (CD-ROMs) shared.
 * The source must not be running: its disks would change while being copied.
 */
import { randomUUID } from 'node:crypto';
import type { CloneVmResult, ClonedDisk } from '../../common/provisioning.js';
import { DomainState, DomainUndefineFlags, DomainXmlFlags, type DomainRef, type LibvirtClient, type StoragePoolRef, type StorageVolRef, uuidFromString, uuidToString } from '../libvirt/index.js';
import { parseDomainXml } from '../xml/domain.js';
import { applyCloneEdits, type CloneDiskEdit } from '../xml/domain-build-clone.js';
import { buildVolumeXml, parseVolumeXml } from '../xml/volume.js';
import { conflict, invalid, isNoDomain, isNoVolume, ProvisioningErrorCodes, Rollback } from './errors.js';
import { checkedMac, generateMac, macsInUse } from '../networks/mac-rules.js';
import { SERIAL_LOG_DIR } from './create.js';

export interface CloneContext {
  client: LibvirtClient;
  progress?: (step: string) => void;
}

interface DiskJob {
  target: string;
  from: string;
  vol: StorageVolRef;
  pool: StoragePoolRef;
  newName: string;
  format: 'qcow2' | 'raw';
  capacityBytes: number;
  sourceKind: 'file' | 'dev' | 'volume';
}

const RUNNING_STATES: number[] = [DomainState.RUNNING, DomainState.BLOCKED, DomainState.SHUTDOWN, DomainState.PMSUSPENDED];

async function volumeFree(client: LibvirtClient, pool: StoragePoolRef, name: string): Promise<boolean> {
  try {
    await client.storageVolLookupByName({ pool, name });
    return false;
  } catch (err) {
    if (isNoVolume(err)) return true;
    throw err;
  }
}

/** `demo.qcow2` of VM `demo` becomes `copy.qcow2` for clone `copy`; anything else `copy-vda.qcow2`; a suffix when taken. */
async function cloneVolumeName(client: LibvirtClient, pool: StoragePoolRef, oldVm: string, newVm: string, volName: string, target: string, taken: Set<string>): Promise<string> {
  const ext = /\.(qcow2|img|raw)$/.exec(volName)?.[0] ?? '';
  const base = volName.startsWith(oldVm) ? `${newVm}${volName.slice(oldVm.length, volName.length - ext.length)}` : `${newVm}-${target}`;
  for (let i = 0; i < 100; i++) {
    const candidate = `${base}${i === 0 ? '' : `-${i}`}${ext}`;
    if (!taken.has(candidate) && (await volumeFree(client, pool, candidate))) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw conflict(ProvisioningErrorCodes.exists, `No free volume name for the clone of ${volName}`);
}

/** The clone's MACs: the ones asked for (a dry run's, checked again), or new ones no VM of the host has. */
async function cloneMacs(client: LibvirtClient, count: number, asked: readonly string[] | undefined): Promise<string[]> {
  const used = await macsInUse(client);
  if (asked !== undefined) {
    if (asked.length !== count) throw invalid(`The VM has ${count} NICs; send ${count} MACs (got ${asked.length})`);
    const macs = asked.map((m) => checkedMac(m, used));
    if (new Set(macs).size !== macs.length) throw invalid('Each NIC needs its own MAC');
    return macs;
  }
  const taken = new Set<string>();
  return Array.from({ length: count }, () => {
    const mac = generateMac(used, taken);
    taken.add(mac);
    return mac;
  });
}

export interface CloneRequest {
  name: string;
  macs?: readonly string[];
  dryRun?: boolean;
}

export async function cloneVm(ctx: CloneContext, uuid: string, request: CloneRequest): Promise<CloneVmResult> {
  const newName = request.name;
  const { client } = ctx;
  const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
  const { state } = await client.domainGetState({ dom, flags: 0 });
  if (RUNNING_STATES.includes(state)) {
    throw conflict(ProvisioningErrorCodes.running, `VM "${dom.name}" is running: shut it down or pause it before cloning (its disks would change while being copied)`);
  }
  try {
    await client.domainLookupByName({ name: newName });
    throw conflict(ProvisioningErrorCodes.exists, `A VM named "${newName}" already exists`);
  } catch (err) {
    if (!isNoDomain(err)) throw err;
  }

  const { xml } = await client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
  const def = parseDomainXml(xml);
  const jobs: DiskJob[] = [];
  const shared: ClonedDisk[] = [];
  const taken = new Set<string>();
  for (const disk of def.disks) {
    const from = disk.sourceFile ?? disk.sourceDev ?? (disk.sourcePool !== undefined && disk.sourceVolume !== undefined ? `${disk.sourcePool}/${disk.sourceVolume}` : undefined);
    if (from === undefined) continue; // an empty CD-ROM drive
    const writable = (disk.device === 'disk' || disk.device === 'lun') && !disk.readonly && !disk.shareable;
    if (!writable) {
      shared.push({ target: disk.target, action: 'shared', from, to: from });
      continue;
    }
    let vol: StorageVolRef;
    try {
      vol =
        disk.sourcePool !== undefined && disk.sourceVolume !== undefined
          ? (await client.storageVolLookupByName({ pool: (await client.storagePoolLookupByName({ name: disk.sourcePool })).pool, name: disk.sourceVolume })).vol
          : (await client.storageVolLookupByPath({ path: from })).vol;
    } catch (err) {
      if (isNoVolume(err)) throw invalid(`Disk ${disk.target} (${from}) is not a volume of any storage pool: only pool volumes can be cloned`);
      throw err;
    }
    const { pool } = await client.storagePoolLookupByName({ name: vol.pool });
    const parsed = parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml);
    jobs.push({
      target: disk.target,
      from,
      vol,
      pool,
      newName: await cloneVolumeName(client, pool, def.name, newName, vol.name, disk.target, taken),
      format: parsed.format === 'qcow2' ? 'qcow2' : 'raw',
      capacityBytes: parsed.capacityBytes,
      sourceKind: disk.sourcePool !== undefined ? 'volume' : disk.sourceDev !== undefined ? 'dev' : 'file',
    });
  }

  const macs = await cloneMacs(client, def.interfaces.length, request.macs);
  if (request.dryRun === true) {
    const planned: ClonedDisk[] = jobs.map((job) => ({ target: job.target, action: 'cloned', from: job.from, to: `${job.pool.name}/${job.newName}` }));
    return { dryRun: true, uuid: '', name: newName, macs, disks: [...planned, ...shared], steps: [] };
  }
  const steps: string[] = [];
  const step = (s: string): void => {
    steps.push(s);
    ctx.progress?.(s);
  };
  const createdVols: StorageVolRef[] = [];
  const cloned: ClonedDisk[] = [];
  const edits: CloneDiskEdit[] = [];
  let newDom: DomainRef | undefined;
  try {
    for (const [i, job] of jobs.entries()) {
      step(`copying disk ${i + 1} of ${jobs.length}: ${job.vol.pool}/${job.vol.name} → ${job.newName}`);
      const volXml = buildVolumeXml({ name: job.newName, capacityBytes: job.capacityBytes, format: job.format });
      const { vol } = await client.storageVolCreateXmlFrom({ pool: job.pool, xml: volXml, clonevol: job.vol, flags: 0 }, { timeoutMs: 0 });
      createdVols.push(vol);
      const { name: path } = await client.storageVolGetPath({ vol });
      edits.push({ target: job.target, source: job.sourceKind === 'volume' ? { pool: job.pool.name, volume: job.newName } : job.sourceKind === 'dev' ? { dev: path } : { file: path } });
      cloned.push({ target: job.target, action: 'cloned', from: job.from, to: job.sourceKind === 'volume' ? `${job.pool.name}/${job.newName}` : path });
      step(`copied disk ${i + 1} of ${jobs.length}: ${job.newName}`);
    }
    const hadLog = def.consoles.some((c) => c.kind === 'serial' && c.logFile !== undefined);
    const newUuid = randomUUID();
    const newXml = applyCloneEdits(xml, { name: newName, uuid: newUuid, macs, disks: edits, ...(hadLog ? { serialLogFile: `${SERIAL_LOG_DIR}/${newName}-serial.log` } : {}) });
    newDom = (await client.domainDefineXml({ xml: newXml })).dom;
    step(`defined VM ${newName}`);
    return { dryRun: false, uuid: uuidToString(newDom.uuid), name: newName, macs, disks: [...cloned, ...shared], steps };
  } catch (err) {
    const rollback = new Rollback();
    const dom = newDom;
    if (dom !== undefined) {
      await rollback.undo(`undefined VM ${newName}`, `VM ${newName}`, () =>
        client.domainUndefineFlags({ dom, flags: DomainUndefineFlags.MANAGED_SAVE | DomainUndefineFlags.SNAPSHOTS_METADATA }),
      );
    }
    for (const vol of createdVols) {
      await rollback.undo(`deleted volume ${vol.pool}/${vol.name}`, `volume ${vol.pool}/${vol.name}`, () => client.storageVolDelete({ vol, flags: 0 }));
    }
    throw rollback.failure(err);
  }
}
