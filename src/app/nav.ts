import type { Privilege } from '../../common/access.js';

/**
 * Left navigation, in order. `path` is relative to /hosts/:host. An item shows when the user holds
 * `privilege` on the host (`here`) or on something of it (`below`), as the page's API asks; items
 * with `scope: 'root'` ask for it on '/' (users, roles and the audit log belong to no host).
 */
export const NAV_ITEMS: readonly { id: string; label: string; path: string; privilege: Privilege; where: 'here' | 'below'; scope?: 'root' }[] = [
  { id: 'vms', label: 'Virtual machines', path: 'vms', privilege: 'vm.view', where: 'below' },
  { id: 'storage', label: 'Storage', path: 'storage', privilege: 'storage.view', where: 'below' },
  { id: 'networks', label: 'Networks', path: 'networks', privilege: 'network.view', where: 'below' },
  { id: 'consoles', label: 'Consoles', path: 'consoles', privilege: 'vm.console', where: 'below' },
  { id: 'host', label: 'Host', path: 'host', privilege: 'host.view', where: 'here' },
  { id: 'access', label: 'Users & roles', path: 'access', privilege: 'admin', where: 'here', scope: 'root' },
  { id: 'audit', label: 'Audit log', path: 'audit', privilege: 'audit.view', where: 'here', scope: 'root' },
];
