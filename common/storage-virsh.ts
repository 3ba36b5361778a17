/** The virsh commands equivalent to storage actions, shown next to each action in the UI. */
import type { PoolCreateBody, VolumeCreateBody } from './storage.js';
import { effectiveTarget } from './storage-pool-check.js';

import { shellQuote } from './shell.js';

const cmd = (...words: string[]): string => ['virsh', ...words.map(shellQuote)].join(' ');

/** `virsh pool-define-as …` (+ build/start/autostart) for a wizard request. */
export function poolCreateCommands(body: PoolCreateBody): string[] {
  const s = body.source ?? {};
  const out = [s.port !== undefined ? poolDefineFromFile(body.name) : poolDefineAs(body)];
  if (body.build) out.push(cmd('pool-build', body.name));
  if (body.start) out.push(cmd('pool-start', body.name));
  if (body.autostart) out.push(cmd('pool-autostart', body.name));
  return out;
}

/** pool-define-as has no option for a source port: then the XML itself must be defined. */
function poolDefineFromFile(name: string): string {
  return `${cmd('pool-define', `${name}.xml`)}   # ${name}.xml holding the XML above (pool-define-as cannot set a port)`;
}

function poolDefineAs(body: PoolCreateBody): string {
  const words = ['pool-define-as', '--name', body.name, '--type', body.type];
  const s = body.source ?? {};
  if (s.host !== undefined && s.host !== '') words.push('--source-host', s.host);
  if (s.dir) words.push('--source-path', s.dir);
  if (s.device) words.push('--source-dev', s.device);
  if (s.name) words.push('--source-name', s.name);
  if (s.format) words.push('--source-format', s.format);
  if (s.initiatorIqn) words.push('--source-initiator', s.initiatorIqn);
  if (s.adapter) {
    if (s.adapter.type === 'scsi_host' && s.adapter.name) words.push('--adapter-name', s.adapter.name);
    if (s.adapter.type === 'fc_host') {
      if (s.adapter.wwnn) words.push('--adapter-wwnn', s.adapter.wwnn);
      if (s.adapter.wwpn) words.push('--adapter-wwpn', s.adapter.wwpn);
      if (s.adapter.parent) words.push('--adapter-parent', s.adapter.parent);
    }
  }
  if (s.auth) {
    words.push('--auth-type', s.auth.type, '--auth-username', s.auth.username);
    if (s.auth.secretUuid) words.push('--secret-uuid', s.auth.secretUuid);
    if (s.auth.secretUsage) words.push('--secret-usage', s.auth.secretUsage);
  }
  const target = effectiveTarget(body);
  if (target !== undefined) words.push('--target', target);
  return cmd(...words);
}

export const poolCommand = {
  build: (pool: string) => cmd('pool-build', pool),
  start: (pool: string) => cmd('pool-start', pool),
  stop: (pool: string) => cmd('pool-destroy', pool),
  refresh: (pool: string) => cmd('pool-refresh', pool),
  autostart: (pool: string, enabled: boolean) => (enabled ? cmd('pool-autostart', pool) : cmd('pool-autostart', '--disable', pool)),
  undefine: (pool: string) => cmd('pool-undefine', pool),
  deleteStorage: (pool: string) => cmd('pool-delete', pool),
  info: (pool: string) => cmd('pool-info', pool),
};

export function volumeCreateCommand(pool: string, body: VolumeCreateBody): string {
  const words = ['vol-create-as', '--pool', pool, '--name', body.name, '--capacity', `${body.capacityBytes}b`, '--format', body.format];
  if (body.allocationBytes !== undefined) words.push('--allocation', `${body.allocationBytes}b`);
  if (body.preallocation === 'metadata') words.push('--prealloc-metadata');
  if (body.backingVolume) words.push('--backing-vol', body.backingVolume, '--backing-vol-format', 'qcow2');
  return cmd(...words);
}

export const volumeCommand = {
  info: (pool: string, vol: string) => cmd('vol-info', '--pool', pool, vol),
  delete: (pool: string, vol: string) => cmd('vol-delete', '--pool', pool, vol),
  wipe: (pool: string, vol: string) => cmd('vol-wipe', '--pool', pool, vol),
  resize: (pool: string, vol: string, bytes: number, shrink: boolean) =>
    cmd('vol-resize', '--pool', pool, vol, `${bytes}b`, ...(shrink ? ['--shrink'] : [])),
  clone: (pool: string, vol: string, name: string) => cmd('vol-clone', '--pool', pool, vol, name),
  upload: (pool: string, vol: string, file: string) => cmd('vol-upload', '--pool', pool, vol, file),
  download: (pool: string, vol: string, file: string) => cmd('vol-download', '--pool', pool, vol, file),
};
