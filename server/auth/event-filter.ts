import { hostPath, objectPath, type Privilege } from '../../common/access.js';
import type { EventType } from '../../common/events.js';
import { formatFrame } from '../events/hub.js';
import type { AccessCheck } from './principal.js';
import { canonicalUuid } from './route-access.js';

export interface FilterableEvent {
  id?: number | undefined;
  type: EventType;
  data: { host?: string };
}

/** The frame to send for an event (the same one, a narrowed one, or none). */
export type EventGate = (frame: string, event: FilterableEvent) => string | undefined;

const VIEW_PRIVILEGES: readonly Privilege[] = ['vm.view', 'storage.view', 'network.view', 'host.view', 'vm.create'];

function text(data: object, field: string): string | undefined {
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' && !value.includes('/') ? value : undefined;
}

/**
 * The SSE rule of one connection: each event only if its principal may view its object (VM events,
 * stats entries and snapshots: vm.view on the VM; pools: storage.view; networks: network.view; hosts:
 * host.view on the host; provisioning progress: vm.create on the host). Checks are cached per path by
 * the AccessCheck, so fan-out costs a path string and a map lookup per event and connection.
 */
export function eventGate(access: AccessCheck): EventGate {
  if (VIEW_PRIVILEGES.every((p) => access.can(p, '/'))) return (frame) => frame;
  const onObject = (data: object, privilege: Privilege, kind: 'vms' | 'pools' | 'networks', idField: string): boolean => {
    const host = text(data, 'host');
    const id = text(data, idField);
    if (host === undefined || id === undefined) return false;
    return access.can(privilege, objectPath(host, kind, kind === 'vms' ? canonicalUuid(id) : id));
  };
  const onHost = (data: object, privilege: Privilege): boolean => {
    const host = text(data, 'host');
    return host !== undefined && access.can(privilege, hostPath(host));
  };

  return (frame, event) => {
    const { data } = event;
    switch (event.type) {
      case 'hello':
      case 'resync':
        return frame;
      case 'host':
        return onHost(data, 'host.view') ? frame : undefined;
      case 'vm':
      case 'snapshot':
        return onObject(data, 'vm.view', 'vms', 'uuid') ? frame : undefined;
      case 'pool':
        return onObject(data, 'storage.view', 'pools', 'name') ? frame : undefined;
      case 'network':
        return onObject(data, 'network.view', 'networks', 'name') ? frame : undefined;
      case 'provisioning':
        return onHost(data, 'vm.create') ? frame : undefined;
      case 'stats':
        return statsFrame(frame, event, access);
      default:
        return undefined;
    }
  };
}

function statsFrame(frame: string, event: FilterableEvent, access: AccessCheck): string | undefined {
  const host = text(event.data, 'host');
  const entries = (event.data as { vms?: unknown }).vms;
  if (host === undefined || !Array.isArray(entries) || !access.canSomewhereBelow('vm.view', hostPath(host))) return undefined;
  const visible = entries.filter((entry: unknown) => {
    const uuid = typeof entry === 'object' && entry !== null ? text(entry, 'uuid') : undefined;
    return uuid !== undefined && access.can('vm.view', objectPath(host, 'vms', canonicalUuid(uuid)));
  });
  if (visible.length === entries.length) return frame;
  return formatFrame(event.id, 'stats', { ...event.data, vms: visible });
}
