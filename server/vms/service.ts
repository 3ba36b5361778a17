import {
  DomainStatsTypes,
  DomainXmlFlags,
  ListDomainsFlags,
  isLibvirtCode,
  VIR_ERR_INTERNAL_ERROR,
  VIR_ERR_NO_DOMAIN,
  typedParamsToObject,
  uuidFromString,
  uuidToString,
  type DomainRef,
  type LibvirtClient,
} from '../libvirt/index.js';
import { actionAllowed, crashedRebootProblem, type VmActionName, type VmDetail, type VmStats, type VmSummary } from '../../common/vms.js';
import { HttpError } from '../http/errors.js';
import type { HostRegistry } from '../hosts/registry.js';
import { toVmCharDevice, type DomainDefinition } from '../xml/domain.js';
import { vmStateOf, vmStateReasonOf } from './states.js';
import { localQemuStartTime } from './uptime.js';
import type { HostVmState, VmStore } from './store.js';
import { withVolumePaths } from '../storage/volume-paths.js';
import { discardManagedSave } from './managed-save.js';

const STATS_FRESH_MS = 6000;
/** Actions after which a transient domain no longer exists. */
const STOPPING_ACTIONS: ReadonlySet<VmActionName> = new Set(['destroy', 'shutdown']);
/** How libvirt's drivers word a start refused because the domain is active ("domain is already running"). */
const ALREADY_ACTIVE = /already (running|active)/i;

export const VmErrorCodes = { alreadyPersistent: 'ALREADY_PERSISTENT', crashed: 'VM_CRASHED' } as const;

export interface VmActionOutcome {
  vm: VmSummary;
  gone?: true;
}
const XML_FETCH_CONCURRENCY = 32;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function isNoDomain(err: unknown): boolean {
  return isLibvirtCode(err, VIR_ERR_NO_DOMAIN);
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

interface SummaryFacts {
  dom: DomainRef;
  uuid: string;
  state: number;
  reason: number;
  autostart: boolean;
  persistent: boolean;
  managedSave: boolean;
  def: DomainDefinition;
}

export class VmService {
  constructor(
    private readonly hosts: HostRegistry,
    private readonly store: VmStore,
  ) {}

  /** Every VM of the host: three bulk calls whatever the number of VMs, plus XML only for VMs not cached yet. */
  async list(hostId: string): Promise<VmSummary[]> {
    const client = this.hosts.get(hostId);
    const state = this.store.host(hostId);
    const [{ retStats }, { domains: autostart }, { domains: transient }, { domains: saved }] = await Promise.all([
      client.connectGetAllDomainStats({ stats: DomainStatsTypes.STATE, flags: 0 }),
      client.connectListAllDomains({ flags: ListDomainsFlags.AUTOSTART }),
      client.connectListAllDomains({ flags: ListDomainsFlags.TRANSIENT }),
      client.connectListAllDomains({ flags: ListDomainsFlags.MANAGEDSAVE }),
    ]);
    const autostartSet = new Set(autostart.map((d) => uuidToString(d.uuid)));
    const transientSet = new Set(transient.map((d) => uuidToString(d.uuid)));
    const savedSet = new Set(saved.map((d) => uuidToString(d.uuid)));
    const rows = await mapLimited(retStats, XML_FETCH_CONCURRENCY, async ({ dom, params }) => {
      const uuid = uuidToString(dom.uuid);
      let def: DomainDefinition;
      try {
        def = await state.definitions.get(client, uuid, dom);
      } catch (err) {
        if (isNoDomain(err)) return undefined; // undefined between the two calls
        throw err;
      }
      const p = typedParamsToObject(params);
      return this.toSummary(state, {
        dom,
        uuid,
        state: num(p['state.state']) ?? 0,
        reason: num(p['state.reason']) ?? 0,
        autostart: autostartSet.has(uuid),
        persistent: !transientSet.has(uuid),
        managedSave: savedSet.has(uuid),
        def,
      });
    });
    return rows.filter((r) => r !== undefined);
  }

  async lookup(client: LibvirtClient, uuid: string): Promise<DomainRef> {
    const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
    return dom;
  }

  /** One VM's summary from per-domain calls (after an event or an action). */
  async summary(hostId: string, client: LibvirtClient, dom: DomainRef, freshXml = false): Promise<VmSummary> {
    const facts = await this.facts(hostId, client, dom, freshXml);
    return this.toSummary(this.store.host(hostId), facts);
  }

  async detail(hostId: string, uuid: string): Promise<VmDetail> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    const facts = await this.facts(hostId, client, dom, true);
    const hostState = this.store.host(hostId);
    const summary = this.toSummary(hostState, facts);
    const running = summary.id !== -1;
    const startedAt = hostState.startedAt.get(facts.uuid) ?? (running ? await localQemuStartTime(this.hosts.uri(hostId), facts.def.name) : undefined);
    const { def } = facts;
    return {
      ...summary,
      domainType: def.domainType,
      ...(def.title === undefined ? {} : { title: def.title }),
      ...(def.description === undefined ? {} : { description: def.description }),
      os: def.os,
      disks: await withVolumePaths(client, def.disks),
      interfaces: def.interfaces,
      // def.graphicsAccess (listen details, VNC password) stays on the server.
      graphics: def.graphics,
      consoles: def.consoles.map(toVmCharDevice),
      ...(startedAt !== undefined && running ? { uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) } : {}),
    };
  }

  async xml(hostId: string, uuid: string, inactive: boolean): Promise<string> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    const { xml } = await client.domainGetXmlDesc({ dom, flags: inactive ? DomainXmlFlags.INACTIVE : 0 });
    return xml;
  }

  async action(hostId: string, uuid: string, action: VmActionName): Promise<VmActionOutcome> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    // A transient VM vanishes when it stops: keep what it was, to answer with after it is gone.
    const before = STOPPING_ACTIONS.has(action) ? await this.summary(hostId, client, dom) : undefined;
    if (action === 'reboot') await this.refuseCrashedReboot(hostId, client, dom);
    try {
      await this.run(client, dom, action);
    } catch (err) {
      throw await this.explainRefusal(client, dom, action, err);
    }
    try {
      // Looked up again: the domain id changes when it starts or stops.
      return { vm: await this.summary(hostId, client, await this.lookup(client, uuid), true) };
    } catch (err) {
      if (before === undefined || before.persistent || !isNoDomain(err)) throw err;
      const { stats: _stats, stateReason: _reason, ...rest } = before;
      return { vm: { ...rest, id: -1, state: 'shutoff', managedSave: false }, gone: true };
    }
  }

  /** libvirt reports success for a reboot a crashed QEMU guest never performs: refuse it first. */
  private async refuseCrashedReboot(hostId: string, client: LibvirtClient, dom: DomainRef): Promise<void> {
    const { state } = await client.domainGetState({ dom, flags: 0 });
    if (vmStateOf(state) !== 'crashed') return;
    const def = await this.store.host(hostId).definitions.get(client, uuidToString(dom.uuid), dom);
    const problem = crashedRebootProblem(def.domainType);
    if (problem !== null) throw new HttpError(409, VmErrorCodes.crashed, `${dom.name} crashed. ${problem}`);
  }

  /** Defines a transient VM from its live XML, so that it stays known to libvirt once it stops. */
  async persist(hostId: string, uuid: string): Promise<VmSummary> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    const { persistent } = await client.domainIsPersistent({ dom });
    if (persistent !== 0) throw new HttpError(409, VmErrorCodes.alreadyPersistent, `${dom.name} is already persistent.`);
    const { xml } = await client.domainGetXmlDesc({ dom, flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
    await client.domainDefineXml({ xml });
    return this.summary(hostId, client, await this.lookup(client, uuid), true);
  }

  /**
   * Some drivers (the test driver, for one) report a wrong-state refusal as an internal error;
   * when the state shows the action cannot apply, or libvirt says the domain is already running
   * (a crashed domain still counts as active), answer 409 with libvirt's own code and message.
   */
  private async explainRefusal(client: LibvirtClient, dom: DomainRef, action: VmActionName, err: unknown): Promise<unknown> {
    if (!isLibvirtCode(err, VIR_ERR_INTERNAL_ERROR)) return err;
    if (action === 'start' && ALREADY_ACTIVE.test(err.message)) return new HttpError(409, err.codeName, err.message);
    try {
      const { state } = await client.domainGetState({ dom, flags: 0 });
      if (!actionAllowed(action, vmStateOf(state))) return new HttpError(409, err.codeName, err.message);
    } catch {
      // The original error says more than a failed state check.
    }
    return err;
  }

  private async run(client: LibvirtClient, dom: DomainRef, action: VmActionName): Promise<void> {
    switch (action) {
      case 'start':
        await client.domainCreate({ dom });
        break;
      case 'shutdown':
        await client.domainShutdown({ dom });
        break;
      case 'reboot':
        await client.domainReboot({ dom, flags: 0 });
        break;
      case 'destroy':
        await client.domainDestroy({ dom });
        break;
      case 'suspend':
        await client.domainSuspend({ dom });
        break;
      case 'resume':
        await client.domainResume({ dom });
        break;
    }
  }

  /** libvirt sends no event for this: the summary answered is the only news of it. */
  async discardSavedState(hostId: string, uuid: string): Promise<VmSummary> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    await discardManagedSave(client, dom);
    return this.summary(hostId, client, dom);
  }

  async setAutostart(hostId: string, uuid: string, enabled: boolean): Promise<VmSummary> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    await client.domainSetAutostart({ dom, autostart: enabled ? 1 : 0 });
    return this.summary(hostId, client, dom);
  }

  private async facts(hostId: string, client: LibvirtClient, dom: DomainRef, freshXml: boolean): Promise<SummaryFacts> {
    const uuid = uuidToString(dom.uuid);
    const definitions = this.store.host(hostId).definitions;
    if (freshXml) definitions.invalidate(uuid);
    const [st, auto, pers, saved, def] = await Promise.all([
      client.domainGetState({ dom, flags: 0 }),
      client.domainGetAutostart({ dom }),
      client.domainIsPersistent({ dom }),
      client.domainHasManagedSaveImage({ dom, flags: 0 }),
      definitions.get(client, uuid, dom),
    ]);
    // The ref from a lookup carries the id at lookup time; the definition knows better after a start.
    const id = st.state === 5 ? -1 : dom.id;
    return { dom: { ...dom, id }, uuid, state: st.state, reason: st.reason, autostart: auto.autostart !== 0, persistent: pers.persistent !== 0, managedSave: saved.result !== 0, def };
  }

  private toSummary(hostState: HostVmState, f: SummaryFacts): VmSummary {
    const state = vmStateOf(f.state);
    const reason = vmStateReasonOf(state, f.reason);
    const stats: VmStats | undefined = hostState.stats.get(f.uuid);
    const fresh = stats !== undefined && Date.now() - stats.at < STATS_FRESH_MS && state !== 'shutoff';
    return {
      uuid: f.uuid,
      name: f.def.name,
      id: f.dom.id,
      state,
      ...(reason === undefined ? {} : { stateReason: reason }),
      autostart: f.autostart,
      persistent: f.persistent,
      managedSave: f.managedSave,
      vcpus: f.def.vcpus,
      memory: f.def.memory,
      ...(fresh ? { stats } : {}),
    };
  }
}
