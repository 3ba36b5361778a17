/** Where a device is, in words: in the running VM, in the persistent config, or both. */
export function whereText(live: boolean, config: boolean): string {
  if (live && config) return 'Now and at next boot';
  if (live) return 'Now only (gone at power-off)';
  return 'From next boot';
}
