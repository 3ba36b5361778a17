/**
 * New VM: validate the request against libvirt's own answers (pools, volumes, networks,
 * capabilities), build the domain XML, then create volume → define → start, undoing what was
 * made when a later step fails.
 */
import { reportedBytes, type ReportedBytes } from '../../common/exact-bytes.js';
import type { CreateVmBody, CreateVmResult, OsEntry } from '../../common/provisioning.js';
import { checkVmName, GENERIC_LINUX } from '../../common/provisioning.js';
import { checkAbsolutePath } from '../../common/storage-validate.js';
import { DomainUndefineFlags, DomainXmlFlags, type DomainRef, type LibvirtClient, type StoragePoolRef, type StorageVolRef, uuidToString } from '../libvirt/index.js';
import { buildDomainXml, targetName, type DiskSpec, type DomainSpec, type InterfaceSpec, type BootSpec } from '../xml/domain-build.js';
import { buildVolumeXml, parseVolumeXml } from '../xml/volume.js';
import { parsePoolXml } from '../xml/pool.js';
import type { OsCatalog } from '../osinfo/catalog.js';
import { conflict, invalid, invalidField, isNoDomain, isNoNetwork, isNoPool, isNoVolume, ProvisioningErrorCodes, Rollback } from './errors.js';
import { checkedMac, generateMac, macsInUse } from '../networks/mac-rules.js';
import type { HostPlatform } from './platform.js';
import { virtInstallLine } from './virt-install.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
export const SERIAL_LOG_DIR = '/var/log/libvirt/qemu';
const QEMU_TYPES = new Set(['qemu', 'kvm']);

export interface ProvisionContext {
  hostId: string;
  uri: string;
  client: LibvirtClient;
  platform: HostPlatform;
  catalog: OsCatalog;
  progress?: (step: string) => void;
}

interface NewVolume {
  pool: StoragePoolRef;
  poolName: string;
  name: string;
  sizeBytes: number;
  format: 'qcow2' | 'raw';
  xml: string;
}

interface CreatePlan {
  spec: DomainSpec;
  os: OsEntry;
  newVolume?: NewVolume;
  resolved: CreateVmResult['resolved'];
  warnings: string[];
}

async function resolvePool(client: LibvirtClient, name: string): Promise<{ pool: StoragePoolRef; path?: string; availableBytes: ReportedBytes }> {
  let pool: StoragePoolRef;
  try {
    pool = (await client.storagePoolLookupByName({ name })).pool;
  } catch (err) {
    if (isNoPool(err)) throw invalid(`Storage pool "${name}" does not exist`);
    throw err;
  }
  const [{ active }, info, { xml }] = await Promise.all([
    client.storagePoolIsActive({ pool }),
    client.storagePoolGetInfo({ pool }),
    client.storagePoolGetXmlDesc({ pool, flags: 0 }),
  ]);
  if (active === 0) throw invalid(`Storage pool "${name}" is not active; start it first`);
  const path = parsePoolXml(xml).targetPath;
  return { pool, ...(path === undefined ? {} : { path }), availableBytes: reportedBytes(info.available) };
}

async function resolveVolume(client: LibvirtClient, poolName: string, volName: string): Promise<{ vol: StorageVolRef; path: string; format?: string }> {
  const { pool } = await resolvePool(client, poolName);
  let vol: StorageVolRef;
  try {
    vol = (await client.storageVolLookupByName({ pool, name: volName })).vol;
  } catch (err) {
    if (isNoVolume(err)) throw invalid(`Volume "${volName}" does not exist in pool "${poolName}"`);
    throw err;
  }
  const parsed = parseVolumeXml((await client.storageVolGetXmlDesc({ vol, flags: 0 })).xml);
  return { vol, path: parsed.path || vol.key, ...(parsed.format === undefined ? {} : { format: parsed.format }) };
}

function checkPath(value: string, what: string): string {
  const reason = checkAbsolutePath(value, what);
  if (reason !== null) throw invalid(reason);
  return value;
}

async function resolveOs(catalog: OsCatalog, id: string | undefined): Promise<OsEntry> {
  if (id === undefined) return GENERIC_LINUX;
  const os = await catalog.get(id);
  if (os === undefined) throw invalid(`Unknown operating system "${id}" (not in osinfo-db)`);
  return os;
}

const isQ35 = (machine: string | undefined): boolean => machine !== undefined && /q35/.test(machine);

async function planCreate(ctx: ProvisionContext, body: CreateVmBody): Promise<CreatePlan> {
  const { client, platform } = ctx;
  const nameProblem = checkVmName(body.name);
  if (nameProblem !== null) throw invalid(nameProblem);
  const os = await resolveOs(ctx.catalog, body.os);
  const warnings: string[] = [];

  const defaultMem = Math.min(os.recommendedRamBytes ?? GiB, Math.max(platform.hostMemoryBytes / 2, 128 * MiB));
  const memoryMiB = body.memoryMiB ?? Math.max(1, Math.round(defaultMem / MiB));
  const vcpus = body.vcpus ?? Math.min(os.recommendedVcpus ?? 1, platform.hostCpus);
  if (vcpus > platform.maxVcpus) throw invalidField('vcpus', `must be at most ${platform.maxVcpus} (this hypervisor's maximum)`, `${vcpus} vCPUs is more than this hypervisor allows (${platform.maxVcpus})`);
  if (vcpus > platform.hostCpus) warnings.push(`${vcpus} vCPUs is more than the host's ${platform.hostCpus} CPUs`);
  const hostMiB = Math.floor(platform.hostMemoryBytes / MiB);
  if (memoryMiB > hostMiB) throw invalidField('memoryMiB', `must be at most ${hostMiB} MiB (the host's memory)`, `${memoryMiB} MiB is more than the host's memory (${hostMiB} MiB)`);
  if (os.minimumRamBytes !== undefined && memoryMiB * MiB < os.minimumRamBytes) warnings.push(`${os.name} needs at least ${Math.round(os.minimumRamBytes / MiB)} MiB of memory`);

  const firmware = body.firmware ?? 'bios';
  if (!platform.firmware.includes(firmware)) {
    throw invalid(`UEFI firmware is not offered by this host's domain capabilities (no OVMF firmware descriptor found); choose BIOS`);
  }

  const q35 = isQ35(platform.machine);
  const diskBus = body.diskBus ?? (os.virtioDisk ? 'virtio' : q35 ? 'sata' : 'ide');
  const cdromBus = q35 ? 'sata' : 'ide';
  const disks: DiskSpec[] = [];
  const busIndex = new Map<string, number>();
  const nextTarget = (bus: string): string => {
    const prefix = bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
    const i = busIndex.get(prefix) ?? 0;
    busIndex.set(prefix, i + 1);
    return targetName(bus, i);
  };

  let newVolume: NewVolume | undefined;
  let diskSizeBytes: number | undefined;
  let diskFormat: string | undefined;
  const storage = body.storage;
  if (storage.kind === 'new') {
    const { pool, path, availableBytes } = await resolvePool(client, storage.pool);
    const format = storage.format ?? 'qcow2';
    const sizeBytes = storage.sizeBytes ?? os.recommendedStorageBytes ?? 10 * GiB;
    // A free space libvirt cannot report meaningfully is left for libvirt itself to judge.
    if (availableBytes !== null && sizeBytes > availableBytes) {
      throw invalid(`A ${Math.round(sizeBytes / MiB)} MiB disk does not fit in pool "${storage.pool}" (${Math.round(availableBytes / MiB)} MiB available)`);
    }
    const volName = storage.name ?? `${body.name}.${format === 'qcow2' ? 'qcow2' : 'img'}`;
    try {
      await client.storageVolLookupByName({ pool, name: volName });
      throw conflict(ProvisioningErrorCodes.exists, `A volume named "${volName}" already exists in pool "${storage.pool}"`);
    } catch (err) {
      if (!isNoVolume(err)) throw err;
    }
    newVolume = { pool, poolName: storage.pool, name: volName, sizeBytes, format, xml: buildVolumeXml({ name: volName, capacityBytes: sizeBytes, format }) };
    diskSizeBytes = sizeBytes;
    diskFormat = format;
    // The real path is what libvirt reports after creating it; this is the dir-pool prediction for the review.
    disks.push({ device: 'disk', source: { file: `${path ?? `/${storage.pool}`}/${volName}` }, format, bus: diskBus, target: nextTarget(diskBus) });
  } else if (storage.kind === 'existing') {
    const v = await resolveVolume(client, storage.pool, storage.volume);
    diskFormat = v.format;
    disks.push({ device: 'disk', source: { file: v.path }, ...(v.format === undefined ? {} : { format: v.format }), bus: diskBus, target: nextTarget(diskBus) });
  }

  const source = body.source;
  let boot: BootSpec;
  switch (source.kind) {
    case 'iso': {
      const v = await resolveVolume(client, source.pool, source.volume);
      disks.push({ device: 'cdrom', source: { file: v.path }, format: 'raw', bus: cdromBus, target: nextTarget(cdromBus), readonly: true });
      boot = { kind: 'devices', order: disks.some((d) => d.device === 'disk') ? ['cdrom', 'hd'] : ['cdrom'] };
      break;
    }
    case 'iso-path':
      disks.push({ device: 'cdrom', source: { file: checkPath(source.path, 'ISO path') }, format: 'raw', bus: cdromBus, target: nextTarget(cdromBus), readonly: true });
      boot = { kind: 'devices', order: disks.some((d) => d.device === 'disk') ? ['cdrom', 'hd'] : ['cdrom'] };
      break;
    case 'import':
      if (storage.kind !== 'existing') throw invalid('Importing a disk image needs an existing volume as storage');
      boot = { kind: 'devices', order: ['hd'] };
      break;
    case 'kernel':
      boot = {
        kind: 'kernel',
        kernel: checkPath(source.kernel, 'Kernel path'),
        ...(source.initrd === undefined ? {} : { initrd: checkPath(source.initrd, 'Initrd path') }),
        ...(source.cmdline === undefined ? {} : { cmdline: source.cmdline }),
      };
      break;
    case 'pxe':
      if (body.network.kind === 'none') throw invalid('Network boot (PXE) needs a network interface');
      boot = { kind: 'devices', order: disks.some((d) => d.device === 'disk') ? ['network', 'hd'] : ['network'] };
      break;
  }

  const interfaces: InterfaceSpec[] = [];
  let nicModel: string | undefined;
  let mac: string | undefined;
  const net = body.network;
  if (net.kind !== 'none') {
    nicModel = net.model ?? (os.virtioNet ? 'virtio' : 'e1000');
    if (net.kind === 'network') {
      try {
        const { net: ref } = await client.networkLookupByName({ name: net.network });
        const { active } = await client.networkIsActive({ net: ref });
        if (active === 0) warnings.push(`Network "${net.network}" is not active: the VM cannot start until it is`);
      } catch (err) {
        if (isNoNetwork(err)) throw invalid(`Virtual network "${net.network}" does not exist`);
        throw err;
      }
    }
    // The review shows this MAC and sends it back with Create: the VM gets exactly the one previewed.
    const used = await macsInUse(client);
    mac = net.mac === undefined ? generateMac(used) : checkedMac(net.mac, used);
    interfaces.push({ type: net.kind, source: net.kind === 'network' ? net.network : net.bridge, model: nicModel, mac });
  }

  const spec: DomainSpec = {
    name: body.name,
    memoryBytes: memoryMiB * MiB,
    vcpus,
    platform: {
      domainType: platform.domainType,
      arch: platform.arch,
      ...(platform.emulator === undefined ? {} : { emulator: platform.emulator }),
      ...(platform.machine === undefined ? {} : { machine: platform.machine }),
    },
    firmware,
    boot,
    disks,
    interfaces,
    graphics: body.graphics ?? 'vnc',
    // The log file lives where QEMU's own logs are; other drivers have no such place.
    ...(body.serialLog === false || !QEMU_TYPES.has(platform.domainType) ? {} : { serialLogFile: `${SERIAL_LOG_DIR}/${body.name}-serial.log` }),
    ...(os.id === GENERIC_LINUX.id || os.id === 'other' ? {} : { osinfoId: os.id }),
  };
  return {
    spec,
    os,
    ...(newVolume === undefined ? {} : { newVolume }),
    warnings,
    resolved: {
      memoryMiB,
      vcpus,
      domainType: platform.domainType,
      ...(platform.machine === undefined ? {} : { machine: platform.machine }),
      ...(platform.emulator === undefined ? {} : { emulator: platform.emulator }),
      arch: platform.arch,
      diskBus,
      ...(nicModel === undefined ? {} : { nicModel }),
      ...(mac === undefined ? {} : { mac }),
      ...(diskSizeBytes === undefined ? {} : { diskSizeBytes }),
      ...(diskFormat === undefined ? {} : { diskFormat }),
      firmware,
    },
  };
}

function commandLine(ctx: ProvisionContext, plan: CreatePlan, start: boolean): string {
  return virtInstallLine({
    uri: ctx.uri,
    spec: plan.spec,
    // osinfo-db's own generic entry stands for "Generic Linux"; "Other" lets virt-install detect.
    ...(plan.os.id === 'other' ? {} : { osShortId: plan.os.id === GENERIC_LINUX.id ? 'linux2022' : plan.os.shortId }),
    ...(plan.newVolume === undefined ? {} : { newVolume: { pool: plan.newVolume.poolName, name: plan.newVolume.name, sizeBytes: plan.newVolume.sizeBytes, format: plan.newVolume.format } }),
    start,
  });
}

async function refuseTakenName(client: LibvirtClient, name: string): Promise<void> {
  try {
    await client.domainLookupByName({ name });
  } catch (err) {
    if (isNoDomain(err)) return;
    throw err;
  }
  throw conflict(ProvisioningErrorCodes.exists, `A VM named "${name}" already exists`);
}

export async function createVm(ctx: ProvisionContext, body: CreateVmBody): Promise<CreateVmResult> {
  const plan = await planCreate(ctx, body);
  const start = body.start === true;
  if (body.dryRun === true) {
    await refuseTakenName(ctx.client, body.name);
    return { dryRun: true, uuid: '', name: body.name, xml: buildDomainXml(plan.spec), virtInstall: commandLine(ctx, plan, start), steps: [], resolved: plan.resolved, warnings: plan.warnings };
  }

  // No separate name check here: the define is the check (a VM defined meanwhile cannot slip through), and a
  // clash undoes the volume like any other failure.
  const { client } = ctx;
  const steps: string[] = [];
  const step = (s: string): void => {
    steps.push(s);
    ctx.progress?.(s);
  };
  let vol: StorageVolRef | undefined;
  let dom: DomainRef | undefined;
  let spec = plan.spec;
  try {
    const nv = plan.newVolume;
    if (nv !== undefined) {
      vol = (await client.storageVolCreateXml({ pool: nv.pool, xml: nv.xml, flags: 0 }, { timeoutMs: 0 })).vol;
      const { name: path } = await client.storageVolGetPath({ vol });
      spec = { ...spec, disks: spec.disks.map((d, i) => (i === 0 && d.device === 'disk' ? { ...d, source: { file: path } } : d)) };
      step(`created volume ${nv.poolName}/${nv.name} (${Math.round(nv.sizeBytes / MiB)} MiB ${nv.format})`);
    }
    const xml = buildDomainXml(spec);
    dom = (await client.domainDefineXml({ xml })).dom;
    step(`defined VM ${body.name}`);
    if (start) {
      await client.domainCreate({ dom });
      step(`started VM ${body.name}`);
    }
    const { xml: finalXml } = await client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE });
    return { dryRun: false, uuid: uuidToString(dom.uuid), name: body.name, xml: finalXml, virtInstall: commandLine(ctx, plan, start), steps, resolved: plan.resolved, warnings: plan.warnings };
  } catch (err) {
    const rollback = new Rollback();
    const [definedDom, createdVol] = [dom, vol];
    if (definedDom !== undefined) {
      const flags = DomainUndefineFlags.MANAGED_SAVE | DomainUndefineFlags.SNAPSHOTS_METADATA | (spec.firmware === 'efi' ? DomainUndefineFlags.NVRAM : 0);
      await rollback.undo(`undefined VM ${body.name}`, `VM ${body.name}`, () => client.domainUndefineFlags({ dom: definedDom, flags }));
    }
    if (createdVol !== undefined) {
      await rollback.undo(`deleted volume ${plan.newVolume?.poolName ?? createdVol.pool}/${createdVol.name}`, `volume ${createdVol.name}`, () =>
        client.storageVolDelete({ vol: createdVol, flags: 0 }),
      );
    }
    if (rollback.undone.length > 0) ctx.progress?.(`rolled back: ${rollback.undone.join(', ')}`);
    throw rollback.failure(err);
  }
}
