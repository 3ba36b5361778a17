import type { Privilege } from '../../../common/access.js';

/** What each privilege lets its holder do, for the role editor. */
export const PRIVILEGE_LABELS: Record<Privilege, string> = {
  'vm.view': 'See VMs and their configuration',
  'vm.power': 'Start, shut down, reboot, pause, force off',
  'vm.console': 'Use serial and graphical consoles',
  'vm.snapshot': 'Take, revert and delete snapshots',
  'vm.config': 'Change hardware and XML',
  'vm.create': 'Create, clone and import VMs',
  'vm.delete': 'Delete VMs',
  'storage.view': 'See pools and volumes',
  'storage.edit': 'Create, change and delete pools and volumes',
  'network.view': 'See virtual networks',
  'network.edit': 'Create, change and delete networks',
  'host.view': 'See host facts',
  'audit.view': 'Read the audit log',
  admin: 'Manage users, roles and hosts',
};

/** A DOM id part for a privilege or role name: `vm.view` → `vm-view`. */
export function idPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
