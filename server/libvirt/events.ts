import { callOn, type ClientCore } from './client.js';
import { NotConnectedError } from './errors.js';
import { domainEventDetailName, domainEventName, DomainEventId, networkEventName, storagePoolEventName } from './enums.js';
import type { Packet } from './framing.js';
import { eventMessages, eventProcedures } from './procedures/events.js';
import type { DomainRef, NetworkRef, StoragePoolRef } from './remote-types.js';
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
export interface DomainEventMap {
  lifecycle: DomainLifecycleEvent;
  reboot: DomainRebootEvent;
  deviceAdded: DomainDeviceEvent;
  deviceRemoved: DomainDeviceEvent;
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

/** Stops a subscription (deregisters it on the daemon when connected). */
export type Unsubscribe = () => Promise<void>;

type Family = 'domain' | 'network' | 'storagePool';

interface Subscription {
  family: Family;
  eventID: number;
  filter: DomainRef | NetworkRef | StoragePoolRef | null;
  handler: (payload: unknown) => void;
  /** Transport and callback id of the current registration. */
  transport: Transport | undefined;
  callbackID: number | undefined;
}

const domainEventIds: Record<keyof DomainEventMap, number> = {
  lifecycle: DomainEventId.LIFECYCLE,
  reboot: DomainEventId.REBOOT,
  deviceAdded: DomainEventId.DEVICE_ADDED,
  deviceRemoved: DomainEventId.DEVICE_REMOVED,
};
const networkEventIds: Record<keyof NetworkEventMap, number> = { lifecycle: 0 };
const poolEventIds: Record<keyof StoragePoolEventMap, number> = { lifecycle: 0, refresh: 1 };

interface MessageRoute {
  codec: Codec<unknown, unknown>;
  toEvent: (msg: never) => { callbackID: number; payload: unknown };
}

function route<T>(codec: Codec<T, unknown>, toEvent: (msg: T) => { callbackID: number; payload: unknown }): MessageRoute {
  return { codec, toEvent: toEvent as (msg: never) => { callbackID: number; payload: unknown } };
}

const routes = new Map<number, MessageRoute>([
  [
    eventMessages.domainLifecycle.number,
    route(eventMessages.domainLifecycle.codec, ({ callbackID, msg }) => ({
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
    route(eventMessages.domainReboot.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg })),
  ],
  [
    eventMessages.domainDeviceRemoved.number,
    route(eventMessages.domainDeviceRemoved.codec, ({ callbackID, msg }) => ({ callbackID, payload: msg })),
  ],
  [
    eventMessages.domainDeviceAdded.number,
    route(eventMessages.domainDeviceAdded.codec, ({ callbackID, dom, devAlias }) => ({
      callbackID,
      payload: { dom, devAlias },
    })),
  ],
  [
    eventMessages.networkLifecycle.number,
    route(eventMessages.networkLifecycle.codec, ({ callbackID, ...rest }) => ({
      callbackID,
      payload: { ...rest, eventName: networkEventName(rest.event) } satisfies NetworkLifecycleEvent,
    })),
  ],
  [
    eventMessages.storagePoolLifecycle.number,
    route(eventMessages.storagePoolLifecycle.codec, ({ callbackID, ...rest }) => ({
      callbackID,
      payload: { ...rest, eventName: storagePoolEventName(rest.event) } satisfies StoragePoolLifecycleEvent,
    })),
  ],
  [
    eventMessages.storagePoolRefresh.number,
    route(eventMessages.storagePoolRefresh.codec, ({ callbackID, pool }) => ({ callbackID, payload: { pool } })),
  ],
]);

/**
 * Keeps event subscriptions: registers each on the daemon, routes MESSAGE
 * packets to handlers by callback id, and registers everything again on every
 * new connection.
 */
export class EventHub {
  private readonly subs = new Set<Subscription>();
  private readonly byCallback = new Map<number, Subscription>();

  constructor(private readonly client: ClientCore) {
    client.addConnectHook(async (t) => {
      t.on('message', (packet) => this.dispatch(packet));
      this.byCallback.clear();
      for (const sub of [...this.subs]) {
        await this.register(t, sub).catch((err: unknown) => {
          this.client.emit('error', new Error(`re-registering ${sub.family} event ${sub.eventID} failed`, { cause: err }));
        });
      }
    });
    client.addDisconnectHook(() => {
      this.byCallback.clear();
      for (const sub of this.subs) {
        sub.transport = undefined;
        sub.callbackID = undefined;
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
    return this.subs.size;
  }

  private async subscribe(
    family: Family,
    eventID: number,
    filter: Subscription['filter'],
    handler: (payload: unknown) => void,
  ): Promise<Unsubscribe> {
    const sub: Subscription = { family, eventID, filter, handler, transport: undefined, callbackID: undefined };
    this.subs.add(sub);
    if (this.client.state === 'connected') {
      try {
        await this.register(this.client.requireTransport('subscribe'), sub);
      } catch (err) {
        // Lost connection: the subscription is registered again on reconnect. Anything else fails it.
        if (!(err instanceof NotConnectedError)) {
          this.subs.delete(sub);
          throw err;
        }
      }
    }
    return () => this.unsubscribe(sub);
  }

  private async register(t: Transport, sub: Subscription): Promise<void> {
    const timeout = this.client.options.callTimeoutMs;
    let callbackID: number;
    if (sub.family === 'domain') {
      const p = eventProcedures.connectDomainEventCallbackRegisterAny;
      ({ callbackID } = await callOn(t, p, 'connectDomainEventCallbackRegisterAny', {
        eventID: sub.eventID,
        dom: sub.filter as DomainRef | null,
      }, timeout));
    } else if (sub.family === 'network') {
      const p = eventProcedures.connectNetworkEventRegisterAny;
      ({ callbackID } = await callOn(t, p, 'connectNetworkEventRegisterAny', {
        eventID: sub.eventID,
        net: sub.filter as NetworkRef | null,
      }, timeout));
    } else {
      const p = eventProcedures.connectStoragePoolEventRegisterAny;
      ({ callbackID } = await callOn(t, p, 'connectStoragePoolEventRegisterAny', {
        eventID: sub.eventID,
        pool: sub.filter as StoragePoolRef | null,
      }, timeout));
    }
    if (!this.subs.has(sub)) {
      // Unsubscribed while registering.
      await this.deregister(t, sub.family, callbackID).catch(() => undefined);
      return;
    }
    sub.transport = t;
    sub.callbackID = callbackID;
    this.byCallback.set(callbackID, sub);
  }

  private async unsubscribe(sub: Subscription): Promise<void> {
    if (!this.subs.delete(sub)) return;
    const { transport, callbackID } = sub;
    sub.transport = undefined;
    sub.callbackID = undefined;
    if (callbackID === undefined || !transport?.isOpen) return;
    this.byCallback.delete(callbackID);
    try {
      await this.deregister(transport, sub.family, callbackID);
    } catch (err) {
      if (!(err instanceof NotConnectedError)) throw err;
    }
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
    const sub = this.byCallback.get(event.callbackID);
    if (!sub) return;
    try {
      sub.handler(event.payload);
    } catch (err) {
      this.client.emit('error', err instanceof Error ? err : new Error(String(err)));
    }
  }
}
