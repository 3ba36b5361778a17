/** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release. */
export function versionToString(version: bigint | number): string {
  const v = BigInt(version);
  return `${v / 1_000_000n}.${(v / 1000n) % 1000n}.${v % 1000n}`;
}
