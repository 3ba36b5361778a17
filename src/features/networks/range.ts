import { blockOf, formatIpv4, parseIpv4 } from '../../../common/networks.js';

/** A DHCP range that fits the network: .100–.254 of a /24, the usable rest of smaller ones; never the gateway. */
export function suggestRange(address: string, prefixText: string): { start: string; end: string } | undefined {
  const ip = parseIpv4(address);
  const prefix = Number(prefixText);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) return undefined;
  const b = blockOf(ip, prefix);
  const size = b.last - b.first + 1;
  let start = size >= 256 ? b.first + 100 : ip + 1 < b.last ? ip + 1 : b.first + 1;
  let end = size >= 256 ? Math.min(b.first + 254, b.last - 1) : b.last - 1;
  // Keep the gateway out of the range.
  if (ip >= start && ip <= end) {
    if (end - ip >= ip - start) start = ip + 1;
    else end = ip - 1;
  }
  return start <= end ? { start: formatIpv4(start), end: formatIpv4(end) } : undefined;
}
