import { hostPath, objectPath, type Privilege } from '../../common/access.js';
import type { AccessCheck } from './principal.js';

/**
 * The one table that says who may call which /api/v1 route. Keyed by `METHOD url` as Fastify names
 * the route (`routeOptions.url`); a route missing here makes the server refuse to start.
 */

export type RouteParams = Readonly<Record<string, string | undefined>>;
type PathOf = (params: RouteParams) => string;

/** Which array of a list answer to filter and which of its items the caller may see. */
export interface ListFilter {
  field: string;
  visible: (access: AccessCheck, params: RouteParams, item: Readonly<Record<string, unknown>>) => boolean;
  /** True when every item is visible anyway (a grant above them all): the list is sent as it is. */
  everything?: (access: AccessCheck, params: RouteParams) => boolean;
}

interface RuleBase {
  /** The audit log's name for a state-changing call, e.g. `vm.start`; `:param` is replaced by its value. */
  action?: string;
  list?: ListFilter;
}
export interface PublicRule extends RuleBase {
  kind: 'public';
}
export interface AuthenticatedRule extends RuleBase {
  kind: 'authenticated';
}
export interface PrivilegeRule extends RuleBase {
  kind: 'privilege';
  privilege: Privilege;
  path: PathOf;
  /** List routes: the privilege somewhere on or below the path is enough; the answer is filtered. */
  below?: boolean;
  /** Further privileges the call needs, e.g. viewing the VM a clone copies. */
  also?: readonly { privilege: Privilege; path: PathOf }[];
}
export type RouteRule = PublicRule | AuthenticatedRule | PrivilegeRule;

/** A path segment as it appears in an ACL path: a `/` inside a name must not reach a deeper path. */
function segment(params: RouteParams, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw new Error(`Route parameter ${name} is missing for its ACL path`);
  return value.includes('/') || value.includes('%') ? encodeURIComponent(value) : value;
}

/** UUIDs in any accepted spelling (upper case, without dashes) name the same ACL path. */
export function canonicalUuid(text: string): string {
  const lower = text.toLowerCase();
  if (/^[0-9a-f]{32}$/.test(lower)) {
    return `${lower.slice(0, 8)}-${lower.slice(8, 12)}-${lower.slice(12, 16)}-${lower.slice(16, 20)}-${lower.slice(20)}`;
  }
  return lower;
}

export const aclPathOf = {
  root: (): string => '/',
  host: (p: RouteParams): string => hostPath(segment(p, 'host')),
  vm: (p: RouteParams): string => objectPath(segment(p, 'host'), 'vms', canonicalUuid(segment(p, 'uuid'))),
  pool: (p: RouteParams): string => objectPath(segment(p, 'host'), 'pools', segment(p, 'pool')),
  network: (p: RouteParams): string => objectPath(segment(p, 'host'), 'networks', segment(p, 'name')),
} as const;

function itemText(item: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = item[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Items of a host's list, each visible with `privilege` on its own path. */
function itemsOnHost(field: string, kind: 'vms' | 'pools' | 'networks', idField: string, privilege: Privilege): ListFilter {
  return {
    field,
    everything: (access, params) => access.can(privilege, hostPath(segment(params, 'host'))),
    visible: (access, params, item) => {
      const id = itemText(item, idField);
      if (id === undefined) return false;
      return access.can(privilege, objectPath(segment(params, 'host'), kind, kind === 'vms' ? canonicalUuid(id) : segment({ id }, 'id')));
    },
  };
}

const hostsWithAnything: ListFilter = {
  field: 'hosts',
  visible: (access, _params, item) => {
    const id = itemText(item, 'id');
    return id !== undefined && access.seesAnything(hostPath(id));
  },
};

const PUBLIC: PublicRule = { kind: 'public' };
const ANY_USER: AuthenticatedRule = { kind: 'authenticated' };
const pub = (action?: string): PublicRule => (action === undefined ? PUBLIC : { kind: 'public', action });
const user = (action?: string): AuthenticatedRule => (action === undefined ? ANY_USER : { kind: 'authenticated', action });
const needs = (privilege: Privilege, path: PathOf, action?: string, extra: Partial<PrivilegeRule> = {}): PrivilegeRule => ({
  kind: 'privilege',
  privilege,
  path,
  ...(action === undefined ? {} : { action }),
  ...extra,
});
const lists = (privilege: Privilege, path: PathOf, list?: ListFilter): PrivilegeRule =>
  needs(privilege, path, undefined, { below: true, ...(list === undefined ? {} : { list }) });

const { root, host, vm, pool, network } = aclPathOf;
const API = '/api/v1';
const VM = `${API}/hosts/:host/vms/:uuid`;
const POOL = `${API}/hosts/:host/pools/:pool`;
const VOL = `${POOL}/volumes/:vol`;
const NET = `${API}/hosts/:host/networks/:name`;

export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  // sign-in and the caller's own account
  [`POST ${API}/auth/login`]: pub('login'),
  [`POST ${API}/auth/logout`]: pub('logout'),
  [`GET ${API}/auth/setup`]: pub(),
  [`POST ${API}/auth/setup`]: pub('setup'),
  [`GET ${API}/auth/me`]: user(),
  [`POST ${API}/auth/password`]: user('password.change'),
  [`GET ${API}/auth/sessions`]: user(),
  [`DELETE ${API}/auth/sessions/:id`]: user('session.delete'),
  [`GET ${API}/auth/tokens`]: user(),
  [`POST ${API}/auth/tokens`]: user('token.create'),
  [`DELETE ${API}/auth/tokens/:id`]: user('token.delete'),

  // users, roles, grants, audit
  [`GET ${API}/access/users`]: needs('admin', root),
  [`POST ${API}/access/users`]: needs('admin', root, 'user.create'),
  [`PATCH ${API}/access/users/:username`]: needs('admin', root, 'user.update'),
  [`DELETE ${API}/access/users/:username`]: needs('admin', root, 'user.delete'),
  [`GET ${API}/access/roles`]: needs('admin', root),
  [`POST ${API}/access/roles`]: needs('admin', root, 'role.create'),
  [`DELETE ${API}/access/roles/:name`]: needs('admin', root, 'role.delete'),
  [`POST ${API}/access/grants`]: needs('admin', root, 'grant.create'),
  [`DELETE ${API}/access/grants/:id`]: needs('admin', root, 'grant.delete'),
  [`GET ${API}/access/groups`]: needs('admin', root),
  [`POST ${API}/access/groups`]: needs('admin', root, 'group.create'),
  [`DELETE ${API}/access/groups/:group`]: needs('admin', root, 'group.delete'),
  [`PUT ${API}/access/groups/:group/members/:username`]: needs('admin', root, 'group.member.add'),
  [`DELETE ${API}/access/groups/:group/members/:username`]: needs('admin', root, 'group.member.remove'),
  [`GET ${API}/audit`]: needs('audit.view', root),

  // hosts and what is read from a host as a whole
  [`GET ${API}/hosts`]: { kind: 'authenticated', list: hostsWithAnything },
  [`GET ${API}/hosts/:host`]: needs('host.view', host),
  [`GET ${API}/hosts/:host/bridges`]: needs('host.view', host),
  [`GET ${API}/hosts/:host/provisioning/options`]: needs('host.view', host),
  [`GET ${API}/osinfo`]: user(),
  [`GET ${API}/events`]: user(),

  // VMs
  [`GET ${API}/hosts/:host/vms`]: lists('vm.view', host, itemsOnHost('vms', 'vms', 'uuid', 'vm.view')),
  [`POST ${API}/hosts/:host/vms`]: needs('vm.create', host, 'vm.create'),
  [`GET ${VM}`]: needs('vm.view', vm),
  [`DELETE ${VM}`]: needs('vm.delete', vm, 'vm.delete'),
  [`GET ${VM}/xml`]: needs('vm.view', vm),
  [`GET ${VM}/hardware`]: needs('vm.view', vm),
  [`GET ${VM}/delete-plan`]: needs('vm.view', vm),
  [`GET ${VM}/consoles`]: needs('vm.view', vm),
  [`GET ${VM}/console/serial`]: needs('vm.console', vm),
  [`GET ${VM}/console/vnc`]: needs('vm.console', vm),
  [`POST ${VM}/:action`]: needs('vm.power', vm, 'vm.:action'),
  [`POST ${VM}/save`]: needs('vm.power', vm, 'vm.save'),
  [`DELETE ${VM}/managed-save`]: needs('vm.power', vm, 'vm.managed-save-remove'),
  [`POST ${VM}/persist`]: needs('vm.config', vm, 'vm.persist'),
  [`PUT ${VM}/autostart`]: needs('vm.config', vm, 'vm.autostart'),
  [`POST ${VM}/clone`]: needs('vm.create', host, 'vm.clone', { also: [{ privilege: 'vm.view', path: vm }] }),

  // VM hardware
  [`POST ${VM}/disks`]: needs('vm.config', vm, 'vm.disk.add'),
  [`DELETE ${VM}/disks/:target`]: needs('vm.config', vm, 'vm.disk.remove'),
  [`PUT ${VM}/disks/:target/media`]: needs('vm.config', vm, 'vm.media.change'),
  [`DELETE ${VM}/disks/:target/media`]: needs('vm.config', vm, 'vm.media.eject'),
  [`POST ${VM}/disks/:target/resize`]: needs('vm.config', vm, 'vm.disk.resize'),
  [`POST ${VM}/interfaces`]: needs('vm.config', vm, 'vm.nic.add'),
  [`DELETE ${VM}/interfaces/:mac`]: needs('vm.config', vm, 'vm.nic.remove'),
  [`PUT ${VM}/interfaces/:mac/link`]: needs('vm.config', vm, 'vm.nic.link'),
  [`PUT ${VM}/vcpus`]: needs('vm.config', vm, 'vm.vcpus'),
  [`PUT ${VM}/memory`]: needs('vm.config', vm, 'vm.memory'),
  [`PUT ${VM}/boot`]: needs('vm.config', vm, 'vm.boot'),

  // snapshots
  [`GET ${VM}/snapshots`]: lists('vm.view', vm),
  [`POST ${VM}/snapshots`]: needs('vm.snapshot', vm, 'snapshot.create'),
  [`GET ${VM}/snapshots/:name`]: needs('vm.view', vm),
  [`POST ${VM}/snapshots/:name/revert`]: needs('vm.snapshot', vm, 'snapshot.revert'),
  [`DELETE ${VM}/snapshots/:name`]: needs('vm.snapshot', vm, 'snapshot.delete'),

  // storage pools
  [`GET ${API}/hosts/:host/pools`]: lists('storage.view', host, itemsOnHost('pools', 'pools', 'name', 'storage.view')),
  [`POST ${API}/hosts/:host/pools`]: needs('storage.edit', host, 'pool.create'),
  [`POST ${API}/hosts/:host/pool-sources`]: needs('storage.edit', host, 'pool.find-sources'),
  [`GET ${POOL}`]: needs('storage.view', pool),
  [`GET ${POOL}/users`]: needs('storage.view', pool, undefined, {
    list: { field: 'users', visible: (access, p, item) => itemText(item, 'uuid') !== undefined && access.can('vm.view', vm({ host: p['host'], uuid: itemText(item, 'uuid') })) },
  }),
  [`DELETE ${POOL}`]: needs('storage.edit', pool, 'pool.delete'),
  [`POST ${POOL}/start`]: needs('storage.edit', pool, 'pool.start'),
  [`POST ${POOL}/stop`]: needs('storage.edit', pool, 'pool.stop'),
  [`POST ${POOL}/refresh`]: needs('storage.edit', pool, 'pool.refresh'),
  [`POST ${POOL}/build`]: needs('storage.edit', pool, 'pool.build'),
  [`PUT ${POOL}/autostart`]: needs('storage.edit', pool, 'pool.autostart'),
  [`POST ${POOL}/delete-storage`]: needs('storage.edit', pool, 'pool.delete-storage'),

  // volumes: guarded on their pool's path
  [`GET ${POOL}/volumes`]: lists('storage.view', pool),
  [`POST ${POOL}/volumes`]: needs('storage.edit', pool, 'volume.create'),
  [`GET ${VOL}`]: needs('storage.view', pool),
  [`DELETE ${VOL}`]: needs('storage.edit', pool, 'volume.delete'),
  [`POST ${VOL}/wipe`]: needs('storage.edit', pool, 'volume.wipe'),
  [`POST ${VOL}/resize`]: needs('storage.edit', pool, 'volume.resize'),
  [`POST ${VOL}/clone`]: needs('storage.edit', pool, 'volume.clone'),
  [`PUT ${VOL}/content`]: needs('storage.edit', pool, 'volume.upload'),
  // A download copies a whole disk, guest secrets included: more than viewing the pool.
  [`GET ${VOL}/content`]: needs('storage.edit', pool),

  // networks
  [`GET ${API}/hosts/:host/networks`]: lists('network.view', host, itemsOnHost('networks', 'networks', 'name', 'network.view')),
  [`POST ${API}/hosts/:host/networks`]: needs('network.edit', host, 'network.create'),
  [`GET ${NET}`]: needs('network.view', network),
  [`GET ${NET}/leases`]: needs('network.view', network),
  [`POST ${NET}/start`]: needs('network.edit', network, 'network.start'),
  [`POST ${NET}/stop`]: needs('network.edit', network, 'network.stop'),
  [`PUT ${NET}/autostart`]: needs('network.edit', network, 'network.autostart'),
  [`DELETE ${NET}`]: needs('network.edit', network, 'network.delete'),
};

/** The rule of a route; HEAD routes follow their GET. */
export function ruleFor(method: string, url: string): RouteRule | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return Object.hasOwn(ROUTE_RULES, key) ? ROUTE_RULES[key] : undefined;
}

export function isGuardedUrl(url: string): boolean {
  return url === API || url.startsWith(`${API}/`);
}

/** The audit action of a call: the rule's, with `:param` filled in, or `METHOD url` when it names none. */
export function actionOf(rule: RouteRule | undefined, method: string, url: string, params: RouteParams): string {
  if (rule?.action === undefined) return `${method} ${url}`;
  return rule.action.replace(/:([a-z]+)/g, (_m, name: string) => (params[name] ?? name).slice(0, 64));
}

/** The ACL path a call acts on, when its rule names one and the params build it. */
export function objectOf(rule: RouteRule | undefined, params: RouteParams): string | undefined {
  if (rule?.kind !== 'privilege') return undefined;
  try {
    return rule.path(params);
  } catch {
    return undefined;
  }
}

export type Decision = { allowed: true } | { allowed: false; privilege: Privilege; path: string };

/** Whether `access` passes a privilege rule for these params; names the first missing privilege. */
export function decide(rule: PrivilegeRule, params: RouteParams, access: AccessCheck): Decision {
  const path = rule.path(params);
  const ok = rule.below === true ? access.canSomewhereBelow(rule.privilege, path) : access.can(rule.privilege, path);
  if (!ok) return { allowed: false, privilege: rule.privilege, path };
  for (const extra of rule.also ?? []) {
    const extraPath = extra.path(params);
    if (!access.can(extra.privilege, extraPath)) return { allowed: false, privilege: extra.privilege, path: extraPath };
  }
  return { allowed: true };
}
