/** Left navigation, in order. `path` is relative to /hosts/:host. */
export const NAV_ITEMS = [
  { id: 'vms', label: 'Virtual machines', path: 'vms' },
  { id: 'storage', label: 'Storage', path: 'storage' },
  { id: 'networks', label: 'Networks', path: 'networks' },
  { id: 'consoles', label: 'Consoles', path: 'consoles' },
  { id: 'host', label: 'Host', path: 'host' },
] as const;
