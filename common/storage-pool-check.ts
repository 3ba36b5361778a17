/** Checks a pool-create request against its type's needs; same code runs in the wizard and the server. */
import type { PoolCreateBody, PoolSource } from './storage.js';
import { POOL_TYPE_SPECS, isPoolType, type SourceField } from './storage-pool-types.js';
import {
  checkAbsolutePath, checkHostname, checkIdentifier, checkIqn, checkPoolName, checkPort,
  checkScsiAdapterName, checkUuid, checkWwn,
} from './storage-validate.js';

/** Field path ("name", "target.path", "source.host" …) → reason. Empty when all is well. */
export type FieldErrors = Record<string, string>;

const SOURCE_FIELDS: readonly SourceField[] = ['host', 'port', 'dir', 'device', 'name', 'format', 'initiatorIqn', 'adapter', 'auth'];

const present = (v: unknown): boolean => v !== undefined && v !== '';

export function checkPoolCreate(body: PoolCreateBody): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: string, reason: string | null): void => {
    if (reason !== null && errors[field] === undefined) errors[field] = reason;
  };
  put('name', checkPoolName(body.name));
  const type: string = body.type;
  if (!isPoolType(type)) {
    put('type', `Unknown pool type "${type}"`);
    return errors;
  }
  const spec = POOL_TYPE_SPECS[type];
  const targetPath = body.target?.path;
  if (spec.target === 'none') {
    if (present(targetPath)) put('target.path', `A ${spec.type} pool has no target path`);
  } else if (present(targetPath)) {
    put('target.path', checkAbsolutePath(targetPath ?? '', 'Target path'));
  } else if (spec.target === 'required') {
    put('target.path', 'Target path is required');
  }

  const source: PoolSource = body.source ?? {};
  for (const field of SOURCE_FIELDS) {
    const need = spec.source[field];
    const value = source[field];
    if (need === undefined) {
      if (value !== undefined) put(`source.${field}`, `A ${spec.type} pool does not use source ${field}`);
      continue;
    }
    if (value === undefined || value === '') {
      if (need === 'required') put(`source.${field}`, `${fieldLabel(field, spec.deviceKind)} is required`);
      continue;
    }
    checkSourceField(field, source, spec.deviceKind, spec.formats, spec.authType, put);
  }
  return errors;
}

function fieldLabel(field: SourceField, deviceKind?: 'path' | 'iqn'): string {
  switch (field) {
    case 'host': return 'Host';
    case 'port': return 'Port';
    case 'dir': return 'Exported directory';
    case 'device': return deviceKind === 'iqn' ? 'Target IQN' : 'Device path';
    case 'name': return 'Source name';
    case 'format': return 'Format';
    case 'initiatorIqn': return 'Initiator IQN';
    case 'adapter': return 'Adapter';
    case 'auth': return 'Authentication';
  }
}

function checkSourceField(
  field: SourceField,
  source: PoolSource,
  deviceKind: 'path' | 'iqn' | undefined,
  formats: readonly string[] | undefined,
  authType: 'chap' | 'ceph' | undefined,
  put: (field: string, reason: string | null) => void,
): void {
  switch (field) {
    case 'host': put('source.host', checkHostname(source.host ?? '')); break;
    case 'port': put('source.port', checkPort(source.port ?? 0)); break;
    case 'dir': put('source.dir', checkAbsolutePath(source.dir ?? '', 'Exported directory')); break;
    case 'device':
      put('source.device', deviceKind === 'iqn'
        ? checkIqn(source.device ?? '', 'Target IQN')
        : checkAbsolutePath(source.device ?? '', 'Device path'));
      break;
    case 'name': put('source.name', checkIdentifier(source.name ?? '', 'Source name')); break;
    case 'format':
      if (formats && !formats.includes(source.format ?? '')) {
        put('source.format', `Format must be one of ${formats.join(', ')}`);
      }
      break;
    case 'initiatorIqn': put('source.initiatorIqn', checkIqn(source.initiatorIqn ?? '', 'Initiator IQN')); break;
    case 'adapter': {
      const a = source.adapter;
      if (!a) break;
      if (a.type === 'scsi_host') {
        put('source.adapter.name', checkScsiAdapterName(a.name ?? ''));
        if (present(a.wwnn) || present(a.wwpn)) put('source.adapter.wwnn', 'WWNN/WWPN belong to a fc_host adapter');
      } else {
        put('source.adapter.wwnn', checkWwn(a.wwnn ?? '', 'WWNN'));
        put('source.adapter.wwpn', checkWwn(a.wwpn ?? '', 'WWPN'));
        if (present(a.parent)) put('source.adapter.parent', checkScsiAdapterName(a.parent ?? ''));
        if (present(a.name)) put('source.adapter.name', 'A fc_host adapter is named by WWNN/WWPN, not by name');
      }
      break;
    }
    case 'auth': {
      const a = source.auth;
      if (!a) break;
      if (authType && a.type !== authType) put('source.auth.type', `Authentication must be ${authType}`);
      put('source.auth.username', checkIdentifier(a.username, 'User name'));
      if (present(a.secretUuid) === present(a.secretUsage)) {
        put('source.auth.secret', 'Give either the secret UUID or the secret usage name');
      } else if (present(a.secretUuid)) {
        put('source.auth.secret', checkUuid(a.secretUuid ?? '', 'Secret UUID'));
      } else {
        put('source.auth.secret', checkIdentifier(a.secretUsage ?? '', 'Secret usage'));
      }
      break;
    }
  }
}

/** The effective target path: the given one, else the type's default, else none. */
export function effectiveTarget(body: PoolCreateBody): string | undefined {
  const type: string = body.type;
  const spec = isPoolType(type) ? POOL_TYPE_SPECS[type] : undefined;
  if (!spec || spec.target === 'none') return undefined;
  const given = body.target?.path;
  return given !== undefined && given !== '' ? given : spec.defaultTarget;
}

/** Where a pool keeps its volumes, as the pool list reports it. */
export interface PoolTarget {
  name: string;
  type: string;
  targetPath?: string | undefined;
}

/**
 * Types whose target is a directory of image files the pool owns: two such pools on one
 * directory list and delete each other's files as their volumes. (Device pools such as disk or
 * iscsi share /dev-like targets by design.)
 */
const DIRECTORY_TARGET_TYPES: ReadonlySet<string> = new Set(['dir', 'fs', 'netfs']);

const normalPath = (path: string): string => path.replace(/\/+$/, '') || '/';

/** The pool (other than `self`) that already keeps its files in `path`, if any. */
export function poolUsingTarget(pools: readonly PoolTarget[], type: string, path: string | undefined, self?: string): PoolTarget | undefined {
  if (path === undefined || path === '' || !DIRECTORY_TARGET_TYPES.has(type)) return undefined;
  const wanted = normalPath(path);
  return pools.find((p) => p.name !== self && DIRECTORY_TARGET_TYPES.has(p.type) && p.targetPath !== undefined && normalPath(p.targetPath) === wanted);
}

/** `preferred` when no pool uses it, else a free directory below it named after the pool. */
export function freeTarget(pools: readonly PoolTarget[], type: string, preferred: string, poolName: string): string {
  if (poolUsingTarget(pools, type, preferred) === undefined) return preferred;
  const base = `${normalPath(preferred)}/${poolName.trim() === '' ? 'pool' : poolName.trim()}`;
  for (let i = 1; ; i += 1) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (poolUsingTarget(pools, type, candidate) === undefined) return candidate;
  }
}

/** The refusal of a target another pool keeps its files in; the same words in the wizard and the API. */
export function targetInUseReason(other: PoolTarget, path: string): string {
  return `Pool "${other.name}" already keeps its files in ${path}: choose another directory`;
}
