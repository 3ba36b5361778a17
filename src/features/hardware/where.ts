/** Where a device is, in words: in the running VM, in the persistent config, or both. */
export function whereText(live: boolean, config: boolean, active: boolean): string {
  if (!active) return live ? 'Now' : 'In the config';
  if (live && config) return 'Now and at next boot';
  if (live) return 'Now only (gone at power-off)';
  return 'From next boot';
}
