/** The pool wizard's form state and its translation into the API request (no XML here: the server builds it). */
import type { PoolCreateBody, PoolSource } from '../../../../common/storage.js';
import {
  checkPoolCreate, effectiveTarget, freeTarget, poolUsingTarget, targetInUseReason, type FieldErrors, type PoolTarget,
} from '../../../../common/storage-pool-check.js';
import { POOL_TYPE_SPECS, type PoolType, type SourceField } from '../../../../common/storage-pool-types.js';

export interface WizardState {
  type: PoolType;
  name: string;
  targetPath: string;
  host: string;
  port: string;
  dir: string;
  device: string;
  sourceName: string;
  format: string;
  initiatorIqn: string;
  adapterType: 'scsi_host' | 'fc_host';
  adapterName: string;
  wwnn: string;
  wwpn: string;
  adapterParent: string;
  auth: boolean;
  authUser: string;
  secretKind: 'usage' | 'uuid';
  secret: string;
  build: boolean;
  start: boolean;
  autostart: boolean;
}

export const WIZARD_STEPS = ['type', 'source', 'target', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export function initialWizardState(type: PoolType = 'dir'): WizardState {
  return {
    type, name: '', targetPath: POOL_TYPE_SPECS[type].defaultTarget ?? '', host: '', port: '', dir: '', device: '',
    sourceName: '', format: '', initiatorIqn: '', adapterType: 'scsi_host', adapterName: '', wwnn: '', wwpn: '',
    adapterParent: '', auth: false, authUser: '', secretKind: 'usage', secret: '', build: type === 'dir', start: true, autostart: true,
  };
}

/** Switching type keeps what the user typed but resets the target to the new type's default. */
export function withType(state: WizardState, type: PoolType): WizardState {
  const spec = POOL_TYPE_SPECS[type];
  const oldDefault = POOL_TYPE_SPECS[state.type].defaultTarget ?? '';
  const targetPath = state.targetPath === '' || state.targetPath === oldDefault ? spec.defaultTarget ?? '' : state.targetPath;
  const format = spec.formats?.includes(state.format) ? state.format : '';
  return { ...state, type, targetPath, format, build: spec.buildWarning === undefined && type === 'dir' ? true : state.build && spec.buildWarning === undefined };
}

const PORT_RE = /^\d{1,5}$/;

export function toBody(state: WizardState): PoolCreateBody {
  const spec = POOL_TYPE_SPECS[state.type];
  const uses = (f: SourceField): boolean => spec.source[f] !== undefined;
  const source: PoolSource = {};
  const t = (s: string): string => s.trim();
  if (uses('host') && t(state.host)) source.host = t(state.host);
  if (uses('port') && t(state.port)) source.port = PORT_RE.test(t(state.port)) ? Number(t(state.port)) : Number.NaN;
  if (uses('dir') && t(state.dir)) source.dir = t(state.dir);
  if (uses('device') && t(state.device)) source.device = t(state.device);
  if (uses('name') && t(state.sourceName)) source.name = t(state.sourceName);
  if (uses('format') && state.format) source.format = state.format;
  if (uses('initiatorIqn') && t(state.initiatorIqn)) source.initiatorIqn = t(state.initiatorIqn);
  if (uses('adapter')) {
    source.adapter = state.adapterType === 'scsi_host'
      ? { type: 'scsi_host', name: t(state.adapterName) }
      : {
          type: 'fc_host', wwnn: t(state.wwnn), wwpn: t(state.wwpn),
          ...(t(state.adapterParent) ? { parent: t(state.adapterParent) } : {}),
        };
  }
  if (uses('auth') && state.auth && spec.authType) {
    source.auth = {
      type: spec.authType, username: t(state.authUser),
      ...(state.secretKind === 'uuid' ? { secretUuid: t(state.secret) } : { secretUsage: t(state.secret) }),
    };
  }
  const body: PoolCreateBody = { name: t(state.name), type: state.type, build: state.build, start: state.start, autostart: state.autostart };
  if (spec.target !== 'none' && t(state.targetPath)) body.target = { path: t(state.targetPath) };
  if (Object.keys(source).length > 0) body.source = source;
  return body;
}

/** Which step shows which field (field paths as checkPoolCreate reports them). */
export function stepOfField(field: string): WizardStep {
  if (field === 'name' || field === 'type') return 'type';
  if (field.startsWith('source.')) return 'source';
  return 'target';
}

/**
 * Every field error of the form, with the port checked as typed (it is a string in the form) and
 * the target checked against the directories of the host's other pools.
 */
export function wizardErrors(state: WizardState, pools: readonly PoolTarget[] = []): FieldErrors {
  const body = toBody(state);
  const errors = checkPoolCreate(body);
  if (state.port.trim() !== '' && !PORT_RE.test(state.port.trim())) errors['source.port'] = 'Port must be a whole number from 1 to 65535';
  const target = effectiveTarget(body);
  const other = poolUsingTarget(pools, state.type, target);
  if (other !== undefined && target !== undefined && errors['target.path'] === undefined) errors['target.path'] = targetInUseReason(other, target);
  return errors;
}

/** The target to pre-fill on reaching the target step: the type's default, or a free directory below it. */
export function prefilledTarget(state: WizardState, pools: readonly PoolTarget[]): string {
  const t = state.targetPath.trim();
  return t === '' ? t : freeTarget(pools, state.type, t, state.name);
}

export function errorsOfStep(errors: FieldErrors, step: WizardStep): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => stepOfField(field) === step));
}
