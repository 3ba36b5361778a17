import { DomainEventType, isLibvirtCode, VIR_ERR_NO_DOMAIN, uuidToString, type DomainRef } from '../libvirt/index.js';
import type { VmEvent } from '../../common/events.js';
import type { VmSummary } from '../../common/vms.js';
import type { HostRegistry } from '../hosts/registry.js';
import type { EventHub } from '../events/hub.js';
import type { VmService } from './service.js';
import type { VmStore } from './store.js';
import { Limiter } from './limiter.js';

/**
 * Summaries after events are background work: a burst of events (1,000 VMs defined) must not
 * queue thousands of calls ahead of the requests of someone using the page.
 */
const SUMMARY_CONCURRENCY = 4;

interface Happening {
  kind: string;
  event?: string;
  detail?: string;
  device?: string;
  lifecycle?: number;
}

/**
 * Turns libvirt's domain events of every host into `vm` events on the hub, each carrying the VM's
 * summary after the event, and keeps the XML cache and start times right. Events of one VM are
 * published in the order libvirt sent them.
 */
export function feedVmEvents(hosts: HostRegistry, hub: EventHub, vms: VmService, store: VmStore, log: (msg: string, err: unknown) => void): () => void {
  const unsubscribes: (() => Promise<void>)[] = [];
  let closed = false;

  const offClient = hosts.onClient((hostId, client) => {
    const hostState = store.host(hostId);
    const queues = new Map<string, Promise<void>>();
    const limiter = new Limiter(SUMMARY_CONCURRENCY);
    // Events that happened while disconnected are lost: nothing cached can be trusted after a reconnect.
    client.on('connected', () => hostState.definitions.clear());

    const publish = async (dom: DomainRef, uuid: string, what: Happening) => {
      let vm: VmSummary | undefined;
      if (what.lifecycle !== DomainEventType.UNDEFINED) {
        try {
          vm = await limiter.run(() => vms.summary(hostId, client, dom));
        } catch (err) {
          // A transient domain that stopped is gone; anything else is reported without the summary.
          if (!isLibvirtCode(err, VIR_ERR_NO_DOMAIN)) log(`vm event summary for ${dom.name} failed`, err);
        }
      }
      const data: VmEvent = {
        host: hostId,
        uuid,
        name: dom.name,
        kind: what.kind,
        ...(what.event === undefined ? {} : { event: what.event }),
        ...(what.detail === undefined ? {} : { detail: what.detail }),
        ...(what.device === undefined ? {} : { device: what.device }),
        ...(vm === undefined ? { removed: true } : { vm }),
      };
      if (!closed) hub.publish({ type: 'vm', data });
    };

    const handle = (dom: DomainRef, what: Happening) => {
      const uuid = uuidToString(dom.uuid);
      hostState.definitions.invalidate(uuid);
      if (what.lifecycle === DomainEventType.STARTED) hostState.startedAt.set(uuid, Date.now());
      if (what.lifecycle === DomainEventType.STOPPED || what.lifecycle === DomainEventType.UNDEFINED) {
        hostState.startedAt.delete(uuid);
        hostState.stats.delete(uuid);
      }
      const previous = queues.get(uuid) ?? Promise.resolve();
      const next = previous.then(() => publish(dom, uuid, what));
      queues.set(uuid, next);
      void next.finally(() => {
        if (queues.get(uuid) === next) queues.delete(uuid);
      });
    };

    const subscribe = (promise: Promise<() => Promise<void>>, what: string) => {
      promise.then(
        (off) => unsubscribes.push(off),
        (err: unknown) => log(`subscribing to ${what} events of ${hostId} failed`, err),
      );
    };
    subscribe(
      client.onDomainEvent('lifecycle', (e) => handle(e.dom, { kind: 'lifecycle', event: e.eventName, detail: e.detailName, lifecycle: e.event })),
      'lifecycle',
    );
    subscribe(client.onDomainEvent('reboot', (e) => handle(e.dom, { kind: 'reboot' })), 'reboot');
    subscribe(client.onDomainEvent('deviceAdded', (e) => handle(e.dom, { kind: 'device-added', device: e.devAlias })), 'device-added');
    subscribe(client.onDomainEvent('deviceRemoved', (e) => handle(e.dom, { kind: 'device-removed', device: e.devAlias })), 'device-removed');
    // The guest's balloon settles after a live memory change returned: the summary changes then.
    subscribe(client.onDomainEvent('balloonChange', (e) => handle(e.dom, { kind: 'balloon-change' })), 'balloon-change');
    subscribe(client.onDomainEvent('trayChange', (e) => handle(e.dom, { kind: 'tray-change', device: e.devAlias })), 'tray-change');
    subscribe(client.onDomainEvent('tunable', (e) => handle(e.dom, { kind: 'tunable' })), 'tunable');
  });

  return () => {
    closed = true;
    offClient();
    for (const off of unsubscribes) void off().catch(() => undefined);
  };
}
