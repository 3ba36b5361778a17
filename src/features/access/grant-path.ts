import { hostPath, objectPath } from '../../../common/access.js';

/** What a grant covers: everything, one host, or one VM, pool or network of a host. */
export type ScopeKind = 'root' | 'host' | 'vms' | 'pools' | 'networks';

export interface ScopeChoice {
  kind: ScopeKind;
  host: string;
  /** The VM's UUID, or the pool's or network's name; '' until chosen. */
  object: string;
}

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  root: 'Everything (every host)',
  host: 'One host',
  vms: 'One VM',
  pools: 'One storage pool',
  networks: 'One network',
};

/** The ACL path of a choice, or undefined while a part of it is missing. */
export function scopePath(choice: ScopeChoice): string | undefined {
  if (choice.kind === 'root') return '/';
  if (choice.host === '') return undefined;
  if (choice.kind === 'host') return hostPath(choice.host);
  if (choice.object === '') return undefined;
  return objectPath(choice.host, choice.kind, choice.object);
}

const KIND_WORDS: Record<string, string> = { vms: 'VM', pools: 'pool', networks: 'network' };

/** "every host", "host local", "VM web-1 on local": an ACL path in words; `names` maps VM UUIDs to names. */
export function describeScope(path: string, names: ReadonlyMap<string, string> = new Map()): string {
  const parts = path.split('/').filter((p) => p !== '');
  const [, host, kind, id] = parts;
  if (parts.length === 0) return 'every host';
  if (host === undefined) return path;
  if (kind === undefined || id === undefined) return `host ${host}`;
  return `${KIND_WORDS[kind] ?? kind} ${names.get(id) ?? id} on ${host}`;
}
