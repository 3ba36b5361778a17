import { callOn, type ClientCore } from './client.js';
import { NotConnectedError } from './errors.js';
import { domainEventDetailName, domainEventName, DomainEventId, networkEventName, storagePoolEventName } from './enums.js';
import type { Packet } from './framing.js';
import { eventMessages, eventProcedures } from './procedures/events.js';
import { typedParamsToObject, type DomainRef, type NetworkRef, type StoragePoolRef, type TypedParamScalar } from './remote-types.js';
import type { Transport } from './transport.js';
import { decode, type Codec } from './xdr/index.js';

export interface DomainLifecycleEvent {
  dom: DomainRef;
  /** DomainEventType */
  event: number;
  /** Detail of the event type (DomainEventDetail) */
  detail: number;
  /** e.g. `started`, `suspended`, `stopped` */
  eventName: string;
  /** e.g. `booted`, `paused`, `destroyed` */
  detailName: string;
}
export interface DomainRebootEvent {
  dom: DomainRef;
}
export interface DomainDeviceEvent {
  dom: DomainRef;
  devAlias: string;
}
export interface DomainBalloonChangeEvent {
  dom: DomainRef;
  /** The balloon's new size in KiB (what the guest now has). */
  actual: bigint;
}
export interface DomainTrayChangeEvent {
  dom: DomainRef;
  devAlias: string;
  /** 0 = opened, 1 = closed */
  reason: number;
}
export interface DomainTunableEvent {
  dom: DomainRef;
  /** The tunables that changed (e.g. `cputune.vcpu0`, `blkdeviotune.total_bytes_sec`). */
  params: Record<string, TypedParamScalar>;
}
export interface DomainEventMap {
  lifecycle: DomainLifecycleEvent;
  reboot: DomainRebootEvent;
  deviceAdded: DomainDeviceEvent;
  deviceRemoved: DomainDeviceEvent;
  balloonChange: DomainBalloonChangeEvent;
  trayChange: DomainTrayChangeEvent;
  tunable: DomainTunableEvent;
}

export interface NetworkLifecycleEvent {
  net: NetworkRef;
  /** NetworkEventType */
  event: number;
  detail: number;
  eventName: string;
}
export interface NetworkEventMap {
  lifecycle: NetworkLifecycleEvent;
}

export interface StoragePoolLifecycleEvent {
  pool: StoragePoolRef;
  /** StoragePoolEventType */
  event: number;
  detail: number;
  eventName: string;
}
export interface StoragePoolRefreshEvent {
  pool: StoragePoolRef;
}
export interface StoragePoolEventMap {
  lifecycle: StoragePoolLifecycleEvent;
  refresh: StoragePoolRefreshEvent;
}

/** Stops a subscription (deregisters it on the daemon when it was the last one of its kind). */
export type Unsubscribe = () => Promise<void>;

type Family = 'domain' | 'network' | 'storagePool';

interface Subscription {
  /** Uuid (hex) of the one object this subscriber wants, or null for all. */
  uuid: string | null;
  handler: (payload: unknown) => void;
}

/**
 * One daemon registration per (family, eventID), always unfiltered, shared by every local
 * subscriber; filtered subscribers are served by comparing uuids locally. libvirtd refuses a
 * second registration of the same event with the same filter on one connection, and one
 * unfiltered registration costs less than many filtered ones.
 */
interface Registration {
  readonly key: string;
  readonly family: Family;
  readonly eventID: number;
  readonly subs: Set<Subscription>;
  /** Transport and callback id of the live daemon registration. */
  transport: Transport | undefined;
  callbackID: number | undefined;
  /** (De)registrations of this key run one after another. */
  queue: Promise<void>;
}

const domainEventIds: Record<keyof DomainEventMap, number> = {
  lifecycle: DomainEventId.LIFECYCLE,
  reboot: DomainEventId.REBOOT,
  deviceAdded: DomainEventId.DEVICE_ADDED,
  deviceRemoved: DomainEventId.DEVICE_REMOVED,
  balloonChange: DomainEventId.BALLOON_CHANGE,
  trayChange: DomainEventId.TRAY_CHANGE,
  tunable: DomainEventId.TUNABLE,
};
const networkEventIds: Record<keyof NetworkEventMap, number> = { lifecycle: 0 };
const poolEventIds: Record<keyof StoragePoolEventMap, number> = { lifecycle: 0, refresh: 1 };

interface MessageRoute {
  family: Family;
  codec: Codec<unknown, unknown>;
  toEvent: (msg: never) => { callbackID: number; payload: unknown };
}

function route<T>(
  family: Family,
  codec: Codec<T, unknown>,
  toEvent: (msg: T) => { callbackID: number; payload: unknown },
): MessageRoute {
  return { family, codec, toEvent: toEvent as (msg: never) => { callbackID: number; payload: unknown } };
}

const routes = new Map<number, MessageRoute>([
  [
    eventMessages.domainLifecycle.number,
    route('domain', eventMessages.domainLifecycle.codec, ({ callbackID, msg }) => ({
      callbackID,
      payload: {
        ...msg,
        eventName: domainEventName(msg.event),
        detailName: domainEventDetailName(msg.event, msg.detail),
      } satisfies DomainLifecycleEvent,
    })),
  ],
  [
    eventMessages.domainReboot.number,
    route('domain', eventMessages.domainReboot.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg })),
  ],
  [
    eventMessages.domainDeviceRemoved.number,
    route('domain', eventMessages.domainDeviceRemoved.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg })),
  ],
  [
    eventMessages.domainDeviceAdded.number,
    route('domain', eventMessages.domainDeviceAdded.codec, ({ callbackID, dom, devAlias }) => ({
      callbackID,
      payload: { dom, devAlias },
    })),
  ],
  [
    eventMessages.domainBalloonChange.number,
    route('domain', eventMessages.domainBalloonChange.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg satisfies DomainBalloonChangeEvent })),
  ],
  [
    eventMessages.domainTrayChange.number,
    route('domain', eventMessages.domainTrayChange.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg satisfies DomainTrayChangeEvent })),
  ],
  [
    eventMessages.domainTunable.number,
    route('domain', eventMessages.domainTunable.codec, ({ callbackID, dom, params }) => ({
      callbackID,
      payload: { dom, params: typedParamsToObject(params) } satisfies DomainTunableEvent,
    })),
  ],
  [
    eventMessages.networkLifecycle.number,
    route('network', eventMessages.networkLifecycle.codec, ({ callbackID, ...rest }) => ({
      callbackID,
      payload: { ...rest, eventName: networkEventName(rest.event) } satisfies NetworkLifecycleEvent,
    })),
  ],
  [
    eventMessages.storagePoolLifecycle.number,
    route('storagePool', eventMessages.storagePoolLifecycle.codec, ({ callbackID, ...rest }) => ({
      callbackID,
      payload: { ...rest, eventName: storagePoolEventName(rest.event) } satisfies StoragePoolLifecycleEvent,
    })),
  ],
  [
    eventMessages.storagePoolRefresh.number,
    route('storagePool', eventMessages.storagePoolRefresh.codec, ({ callbackID, pool }) => ({ callbackID, payload: { pool } })),
  ],
]);

function callbackKey(family: Family, callbackID: number): string {
  return `${family}/${callbackID}`;
}

function hex(uuid: Uint8Array): string {
  return Buffer.from(uuid).toString('hex');
}

/** Uuid (hex) of the object an event is about. */
function subjectOf(family: Family, payload: unknown): string | undefined {
  const field = family === 'domain' ? 'dom' : family === 'network' ? 'net' : 'pool';
  const ref = (payload as Record<string, { uuid?: Uint8Array } | undefined>)[field];
  return ref?.uuid ? hex(ref.uuid) : undefined;
}

/**
 * Keeps event subscriptions: one shared daemon registration per (family, eventID), registered
 * for the first subscriber and deregistered after the last; MESSAGE packets are routed by
 * callback id and fanned out to the subscribers; every registration is made again on each new
 * connection.
 */
export class EventHub {
  private readonly registrations = new Map<string, Registration>();
  /**
   * Live registrations by family and callback id: libvirtd numbers the callbacks of each event
   * family on its own, so a domain and a network callback can carry the same id.
   */
  private readonly byCallback = new Map<string, Registration>();

  constructor(private readonly client: ClientCore) {
    client.addConnectHook(async (t) => {
      t.on('message', (packet) => this.dispatch(packet));
      this.byCallback.clear();
      const pending = [...this.registrations.values()].map(async (reg) => {
        reg.transport = undefined;
        reg.callbackID = undefined;
        await this.sync(reg).catch((err: unknown) => {
          this.client.emit('error', new Error(`re-registering ${reg.family} event ${reg.eventID} failed`, { cause: err }));
        });
      });
      await Promise.all(pending);
    });
    client.addDisconnectHook(() => {
      this.byCallback.clear();
      for (const reg of this.registrations.values()) {
        reg.transport = undefined;
        reg.callbackID = undefined;
      }
    });
  }

  onDomainEvent<K extends keyof DomainEventMap>(
    kind: K,
    handler: (event: DomainEventMap[K]) => void,
    filter?: { dom?: DomainRef | null },
  ): Promise<Unsubscribe> {
    return this.subscribe('domain', domainEventIds[kind], filter?.dom ?? null, handler as (p: unknown) => void);
  }

  onNetworkEvent<K extends keyof NetworkEventMap>(
    kind: K,
    handler: (event: NetworkEventMap[K]) => void,
    filter?: { net?: NetworkRef | null },
  ): Promise<Unsubscribe> {
    return this.subscribe('network', networkEventIds[kind], filter?.net ?? null, handler as (p: unknown) => void);
  }

  onStoragePoolEvent<K extends keyof StoragePoolEventMap>(
    kind: K,
    handler: (event: StoragePoolEventMap[K]) => void,
    filter?: { pool?: StoragePoolRef | null },
  ): Promise<Unsubscribe> {
    return this.subscribe('storagePool', poolEventIds[kind], filter?.pool ?? null, handler as (p: unknown) => void);
  }

  /** Number of live subscriptions (for diagnostics). */
  get size(): number {
    let n = 0;
    for (const reg of this.registrations.values()) n += reg.subs.size;
    return n;
  }

  /** Number of registrations held on the daemon (for diagnostics). */
  get registered(): number {
    return this.byCallback.size;
  }

  private async subscribe(
    family: Family,
    eventID: number,
    filter: { uuid: Uint8Array } | null,
    handler: (payload: unknown) => void,
  ): Promise<Unsubscribe> {
    const key = `${family}/${eventID}`;
    let reg = this.registrations.get(key);
    if (!reg) {
      reg = { key, family, eventID, subs: new Set(), transport: undefined, callbackID: undefined, queue: Promise.resolve() };
      this.registrations.set(key, reg);
    }
    const sub: Subscription = { uuid: filter ? hex(filter.uuid) : null, handler };
    reg.subs.add(sub);
    const current = reg;
    try {
      await this.sync(current);
    } catch (err) {
      // Lost connection: the registration is made again on reconnect. Anything else fails it.
      if (!(err instanceof NotConnectedError)) {
        current.subs.delete(sub);
        await this.sync(current).catch(() => undefined);
        throw err;
      }
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      current.subs.delete(sub);
      try {
        await this.sync(current);
      } catch (err) {
        if (!(err instanceof NotConnectedError)) throw err;
      }
    };
  }

  /** Queues bringing the daemon in line with the subscribers of `reg`. */
  private sync(reg: Registration): Promise<void> {
    const run = reg.queue.then(() => this.reconcile(reg));
    reg.queue = run.catch(() => undefined);
    return run;
  }

  private async reconcile(reg: Registration): Promise<void> {
    if (reg.subs.size > 0) {
      if (reg.callbackID !== undefined && reg.transport?.isOpen) return;
      if (this.client.state !== 'connected') return;
      const t = this.client.requireTransport('subscribe');
      const callbackID = await this.register(t, reg.family, reg.eventID);
      reg.transport = t;
      reg.callbackID = callbackID;
      this.byCallback.set(callbackKey(reg.family, callbackID), reg);
      return;
    }
    const { transport, callbackID } = reg;
    reg.transport = undefined;
    reg.callbackID = undefined;
    if (callbackID !== undefined && transport?.isOpen) {
      this.byCallback.delete(callbackKey(reg.family, callbackID));
      try {
        await this.deregister(transport, reg.family, callbackID);
      } finally {
        // Kept in the map until the daemon forgot it, so a new subscriber cannot race a duplicate.
        this.forgetIfUnused(reg);
      }
      return;
    }
    this.forgetIfUnused(reg);
  }

  /** Drops an unused registration; one that gained a subscriber meanwhile has its own sync queued. */
  private forgetIfUnused(reg: Registration): void {
    if (reg.subs.size === 0 && this.registrations.get(reg.key) === reg) this.registrations.delete(reg.key);
  }

  private async register(t: Transport, family: Family, eventID: number): Promise<number> {
    const timeout = this.client.options.callTimeoutMs;
    if (family === 'domain') {
      const p = eventProcedures.connectDomainEventCallbackRegisterAny;
      return (await callOn(t, p, 'connectDomainEventCallbackRegisterAny', { eventID, dom: null }, timeout)).callbackID;
    }
    if (family === 'network') {
      const p = eventProcedures.connectNetworkEventRegisterAny;
      return (await callOn(t, p, 'connectNetworkEventRegisterAny', { eventID, net: null }, timeout)).callbackID;
    }
    const p = eventProcedures.connectStoragePoolEventRegisterAny;
    return (await callOn(t, p, 'connectStoragePoolEventRegisterAny', { eventID, pool: null }, timeout)).callbackID;
  }

  private async deregister(t: Transport, family: Family, callbackID: number): Promise<void> {
    const timeout = this.client.options.callTimeoutMs;
    if (family === 'domain') {
      await callOn(t, eventProcedures.connectDomainEventCallbackDeregisterAny, 'connectDomainEventCallbackDeregisterAny', { callbackID }, timeout);
    } else if (family === 'network') {
      await callOn(t, eventProcedures.connectNetworkEventDeregisterAny, 'connectNetworkEventDeregisterAny', { callbackID }, timeout);
    } else {
      await callOn(t, eventProcedures.connectStoragePoolEventDeregisterAny, 'connectStoragePoolEventDeregisterAny', { callbackID }, timeout);
    }
  }

  private dispatch(packet: Packet): void {
    const r = routes.get(packet.header.procedure);
    if (!r) return;
    let event: { callbackID: number; payload: unknown };
    try {
      event = r.toEvent(decode(r.codec, packet.body) as never);
    } catch (err) {
      this.client.emit('error', new Error(`undecodable event message ${packet.header.procedure}`, { cause: err }));
      return;
    }
    const reg = this.byCallback.get(callbackKey(r.family, event.callbackID));
    if (!reg) return;
    const subject = subjectOf(reg.family, event.payload);
    for (const sub of [...reg.subs]) {
      if (sub.uuid !== null && sub.uuid !== subject) continue;
      try {
        sub.handler(event.payload);
      } catch (err) {
        this.client.emit('error', err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
}
