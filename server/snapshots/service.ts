import type {
  CreateSnapshotBody,
  DeleteScope,
  DeleteSnapshotResult,
  RevertSnapshotResult,
  RevertState,
  Snapshot,
  SnapshotCapabilities,
  SnapshotDetails,
  SnapshotList,
} from '../../common/snapshots.js';
import { memoryPath, overlayPath } from '../../common/snapshots.js';
import { HttpError } from '../http/errors.js';
import {
  isLibvirtCode,
  isUuid,
  LibvirtError,
  SnapshotCreateFlags,
  SnapshotDeleteFlags,
  SnapshotRevertFlags,
  uuidFromString,
  VIR_ERR_CONFIG_UNSUPPORTED,
  VIR_ERR_NO_DOMAIN_SNAPSHOT,
  VIR_ERR_OPERATION_UNSUPPORTED,
  type DomainRef,
  type DomainSnapshotRef,
} from '../libvirt/index.js';
import { buildSnapshotXml, parseDomainDisks, parseDomainType, parseSnapshotXml, type ParsedSnapshot, type SnapshotSpec } from '../xml/snapshot.js';
import { decideCapabilities, formatLibVersion, snapshotDisks } from './capabilities.js';
import {
  domainStateName,
  type SnapshotClient,
} from './client.js';
import { withDeleteProblems } from './delete-rules.js';
import { describeSnapshot } from './describe.js';
import { defaultSnapshotName, snapshotDescriptionProblem, snapshotNameProblem } from './names.js';
import { imageSizes } from './sizes.js';
import { subtreeOf } from './tree.js';

export const SnapshotErrorCodes = {
  exists: 'SNAPSHOT_EXISTS',
  kindUnavailable: 'SNAPSHOT_KIND_UNAVAILABLE',
  notRevertible: 'SNAPSHOT_NOT_REVERTIBLE',
  invalidUuid: 'BAD_REQUEST',
} as const;

const libVersions = new WeakMap<SnapshotClient, number>();

async function libVersionOf(client: SnapshotClient): Promise<number> {
  const known = libVersions.get(client);
  if (known !== undefined) return known;
  const { libVer } = await client.connectGetLibVersion();
  const version = Number(libVer);
  libVersions.set(client, version);
  return version;
}

function uuidBytes(text: string): Uint8Array {
  if (!isUuid(text)) throw new HttpError(400, SnapshotErrorCodes.invalidUuid, `Not a VM UUID: ${JSON.stringify(text)}`);
  return uuidFromString(text);
}

function isNoSnapshot(err: unknown): boolean {
  return isLibvirtCode(err, VIR_ERR_NO_DOMAIN_SNAPSHOT);
}

/**
 * libvirt refuses some deletions and reverts as unsupported (e.g. 9.0 cannot delete external
 * snapshots with their children); that is a refusal of this request, not a server fault.
 */
function refusal(err: unknown, what: string, libVersion: number, hint: string): unknown {
  if (err instanceof LibvirtError && (err.code === VIR_ERR_OPERATION_UNSUPPORTED || err.code === VIR_ERR_CONFIG_UNSUPPORTED)) {
    return new HttpError(409, err.codeName, `libvirt ${formatLibVersion(libVersion)} refused to ${what}: ${err.message}. ${hint}`);
  }
  return err;
}

/** Snapshot operations on one VM of one libvirt connection. */
export class VmSnapshots {
  private constructor(
    private readonly client: SnapshotClient,
    readonly dom: DomainRef,
    private readonly libVersion: number,
  ) {}

  static async open(client: SnapshotClient, uuid: string): Promise<VmSnapshots> {
    const bytes = uuidBytes(uuid);
    const [{ dom }, libVersion] = await Promise.all([client.domainLookupByUuid({ uuid: bytes }), libVersionOf(client)]);
    return new VmSnapshots(client, dom, libVersion);
  }

  async capabilities(): Promise<SnapshotCapabilities> {
    const [{ xml }, { state }] = await Promise.all([
      this.client.domainGetXmlDesc({ dom: this.dom, flags: 0 }),
      this.client.domainGetState({ dom: this.dom, flags: 0 }),
    ]);
    return decideCapabilities({ vmState: domainStateName(state), disks: parseDomainDisks(xml), libVersion: this.libVersion, domainType: parseDomainType(xml) });
  }

  async list(): Promise<SnapshotList> {
    const [{ snapshots: refs }, current, capabilities, sizes] = await Promise.all([
      this.client.domainListAllSnapshots({ dom: this.dom, needResults: 1, flags: 0 }),
      this.currentName(),
      this.capabilities(),
      imageSizes(this.client, this.dom),
    ]);
    const parsed = await Promise.all(refs.map((ref) => this.parseRef(ref).catch(skipVanished)));
    const facts = parsed
      .filter((p): p is ParsedSnapshot => p !== null)
      .map((p) => ({ parsed: p, snapshot: describeSnapshot(p, p.name === current, this.libVersion, sizes) }));
    const snapshots = withDeleteProblems(facts, capabilities.disks, this.libVersion);
    snapshots.sort((a, b) => a.creationTime - b.creationTime || a.name.localeCompare(b.name));
    return { snapshots, current, capabilities };
  }

  async get(name: string): Promise<SnapshotDetails> {
    const snap = await this.lookup(name);
    const [{ xml }, { snapshots }] = await Promise.all([this.client.domainSnapshotGetXmlDesc({ snap, flags: 0 }), this.list()]);
    const listed = snapshots.find((s) => s.name === snap.name);
    return { ...(listed ?? describeSnapshot(parseSnapshotXml(xml), false, this.libVersion)), xml };
  }

  async create(body: CreateSnapshotBody): Promise<Snapshot> {
    const name = body.name ?? defaultSnapshotName();
    const nameProblem = snapshotNameProblem(name);
    if (nameProblem !== null) throw new HttpError(400, 'BAD_REQUEST', nameProblem);
    const descriptionProblem = body.description === undefined ? null : snapshotDescriptionProblem(body.description);
    if (descriptionProblem !== null) throw new HttpError(400, 'BAD_REQUEST', descriptionProblem);
    if (await this.exists(name)) {
      throw new HttpError(409, SnapshotErrorCodes.exists, `A snapshot named ${JSON.stringify(name)} already exists for this VM.`);
    }

    const [{ xml: domainXml }, { state }] = await Promise.all([
      this.client.domainGetXmlDesc({ dom: this.dom, flags: 0 }),
      this.client.domainGetState({ dom: this.dom, flags: 0 }),
    ]);
    const disks = parseDomainDisks(domainXml);
    const caps = decideCapabilities({ vmState: domainStateName(state), disks, libVersion: this.libVersion, domainType: parseDomainType(domainXml) });
    const kind = body.kind ?? caps.defaultKind;
    if (kind === null) {
      throw new HttpError(409, SnapshotErrorCodes.kindUnavailable, `No snapshot is possible: ${caps.internal.reason ?? ''} ${caps.external.reason ?? ''}`.trim());
    }
    const cap = caps[kind];
    if (!cap.available) throw new HttpError(409, SnapshotErrorCodes.kindUnavailable, cap.reason ?? `${kind} snapshots are not possible`);
    if (cap.memory === 'required' && body.memory === false) throw new HttpError(409, SnapshotErrorCodes.kindUnavailable, cap.memoryReason ?? 'memory is required');
    if (cap.memory === 'impossible' && body.memory === true) throw new HttpError(409, SnapshotErrorCodes.kindUnavailable, cap.memoryReason ?? 'memory cannot be saved');
    const memory = cap.memory === 'required' || (cap.memory === 'optional' && body.memory !== false);

    const spec: SnapshotSpec = { name };
    if (body.description !== undefined) spec.description = body.description;
    let flags = 0;
    if (kind === 'internal') {
      spec.memory = { snapshot: memory ? 'internal' : 'no' };
    } else {
      const covered = snapshotDisks(disks);
      const coveredTargets = new Set(covered.map((d) => d.target));
      const first = covered[0];
      if (first === undefined) throw new HttpError(409, SnapshotErrorCodes.kindUnavailable, 'The VM has no disk to snapshot.');
      spec.memory = memory ? { snapshot: 'external', file: memoryPath(first.source, this.dom.name, name) } : { snapshot: 'no' };
      spec.disks = disks.map((d) =>
        coveredTargets.has(d.target)
          ? { name: d.target, snapshot: 'external', file: overlayPath(d.source, name), driverType: 'qcow2' }
          : { name: d.target, snapshot: 'no' },
      );
      flags = SnapshotCreateFlags.ATOMIC | (memory ? 0 : SnapshotCreateFlags.DISK_ONLY);
    }
    const { snap } = await this.client
      .domainSnapshotCreateXml({ dom: this.dom, xmlDesc: buildSnapshotXml(spec), flags })
      .catch((err: unknown) => Promise.reject(refusal(err, `take snapshot ${JSON.stringify(name)}`, this.libVersion, 'No snapshot was taken.')));
    return this.describeRef(snap, await this.currentName());
  }

  async revert(name: string, state: RevertState = 'as-taken'): Promise<RevertSnapshotResult> {
    const snap = await this.lookup(name);
    const { xml } = await this.client.domainSnapshotGetXmlDesc({ snap, flags: 0 });
    const described = describeSnapshot(parseSnapshotXml(xml), false, this.libVersion);
    if (!described.revertible) {
      throw new HttpError(409, SnapshotErrorCodes.notRevertible, `Snapshot ${JSON.stringify(name)} cannot be reverted to: ${described.revertProblem ?? ''}`);
    }
    const flags = state === 'running' ? SnapshotRevertFlags.RUNNING : state === 'paused' ? SnapshotRevertFlags.PAUSED : 0;
    await this.client
      .domainRevertToSnapshot({ snap, flags })
      .catch((err: unknown) => Promise.reject(refusal(err, `revert to snapshot ${JSON.stringify(name)}`, this.libVersion, 'The VM was not changed.')));
    const after = await this.client.domainGetState({ dom: this.dom, flags: 0 });
    return { snapshot: snap.name, vmState: domainStateName(after.state) };
  }

  async delete(name: string, scope: DeleteScope = 'this'): Promise<DeleteSnapshotResult> {
    const snap = await this.lookup(name);
    const { snapshots } = await this.list();
    const target = snapshots.find((s) => s.name === snap.name);
    const gone = scope === 'children' ? subtreeOf(snapshots, snap.name) : [snap.name];
    const goneSet = new Set(gone);
    const affected = snapshots.filter((s) => goneSet.has(s.name));
    const leftFiles: string[] = [];
    for (const s of affected) {
      if (s.memoryFile !== null) leftFiles.push(s.memoryFile);
      if (scope === 'metadata') for (const d of s.disks) if (d.file !== undefined) leftFiles.push(d.file);
    }
    const flags = scope === 'children' ? SnapshotDeleteFlags.CHILDREN : scope === 'metadata' ? SnapshotDeleteFlags.METADATA_ONLY : 0;
    const hint = 'Nothing was deleted. Deleting with scope "metadata" makes libvirt forget the snapshot and leaves every file as it is.';
    await this.client
      .domainSnapshotDelete({ snap, flags })
      .catch((err: unknown) => Promise.reject(refusal(err, `delete snapshot ${JSON.stringify(name)}`, this.libVersion, hint)));
    return { deleted: target === undefined ? [snap.name] : gone, leftFiles };
  }

  private async lookup(name: string): Promise<DomainSnapshotRef> {
    const { snap } = await this.client.domainSnapshotLookupByName({ dom: this.dom, name, flags: 0 });
    return snap;
  }

  private async exists(name: string): Promise<boolean> {
    try {
      await this.lookup(name);
      return true;
    } catch (err) {
      if (isNoSnapshot(err)) return false;
      throw err;
    }
  }

  private async currentName(): Promise<string | null> {
    const { result } = await this.client.domainHasCurrentSnapshot({ dom: this.dom, flags: 0 });
    if (result === 0) return null;
    try {
      return (await this.client.domainSnapshotCurrent({ dom: this.dom, flags: 0 })).snap.name;
    } catch (err) {
      if (isNoSnapshot(err)) return null;
      throw err;
    }
  }

  private async parseRef(ref: DomainSnapshotRef): Promise<ParsedSnapshot> {
    const { xml } = await this.client.domainSnapshotGetXmlDesc({ snap: ref, flags: 0 });
    return parseSnapshotXml(xml);
  }

  private async describeRef(ref: DomainSnapshotRef, current: string | null): Promise<Snapshot> {
    return describeSnapshot(await this.parseRef(ref), current === ref.name, this.libVersion);
  }
}

function skipVanished(err: unknown): null {
  if (isNoSnapshot(err)) return null;
  throw err;
}
