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
import { actionAllowed, type VmActionName, type VmDetail, type VmStats, type VmSummary } from '../../common/vms.js';
import { HttpError } from '../http/errors.js';
import type { HostRegistry } from '../hosts/registry.js';
import { toVmCharDevice, type DomainDefinition } from '../xml/domain.js';
import { vmStateOf, vmStateReasonOf } from './states.js';
import { localQemuStartTime } from './uptime.js';
import type { HostVmState, VmStore } from './store.js';
import { withVolumePaths } from '../storage/volume-paths.js';

const STATS_FRESH_MS = 6000;
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
    const [{ retStats }, { domains: autostart }, { domains: transient }] = await Promise.all([
      client.connectGetAllDomainStats({ stats: DomainStatsTypes.STATE, flags: 0 }),
      client.connectListAllDomains({ flags: ListDomainsFlags.AUTOSTART }),
      client.connectListAllDomains({ flags: ListDomainsFlags.TRANSIENT }),
    ]);
    const autostartSet = new Set(autostart.map((d) => uuidToString(d.uuid)));
    const transientSet = new Set(transient.map((d) => uuidToString(d.uuid)));
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

  async action(hostId: string, uuid: string, action: VmActionName): Promise<VmSummary> {
    const client = this.hosts.get(hostId);
    const dom = await this.lookup(client, uuid);
    try {
      await this.run(client, dom, action);
    } catch (err) {
      throw await this.explainRefusal(client, dom, action, err);
    }
    // Looked up again: the domain id changes when it starts or stops.
    return this.summary(hostId, client, await this.lookup(client, uuid), true);
  }

  /**
   * Some drivers (the test driver, for one) report a wrong-state refusal as an internal error;
   * when the state shows the action cannot apply, answer 409 with libvirt's own code and message.
   */
  private async explainRefusal(client: LibvirtClient, dom: DomainRef, action: VmActionName, err: unknown): Promise<unknown> {
    if (!isLibvirtCode(err, VIR_ERR_INTERNAL_ERROR)) return err;
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
    const [st, auto, pers, def] = await Promise.all([
      client.domainGetState({ dom, flags: 0 }),
      client.domainGetAutostart({ dom }),
      client.domainIsPersistent({ dom }),
      definitions.get(client, uuid, dom),
    ]);
    // The ref from a lookup carries the id at lookup time; the definition knows better after a start.
    const id = st.state === 5 ? -1 : dom.id;
    return { dom: { ...dom, id }, uuid, state: st.state, reason: st.reason, autostart: auto.autostart !== 0, persistent: pers.persistent !== 0, def };
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
      vcpus: f.def.vcpus,
      memory: f.def.memory,
      ...(fresh ? { stats } : {}),
    };
  }
}
