/** IPv6 addresses as 128-bit integers: parse, write (RFC 5952 short form), network of a prefix. */

export function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  let groups: string[];
  const [head = '', tail] = text.split('::');
  const part = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const h = part(head);
  const t = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const last = (tail === undefined ? h : t).at(-1);
  if (last?.includes('.') === true) {
    const octets = last.split('.');
    if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = octets.map(Number);
    const v4 = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    if (tail === undefined) h.splice(-1, 1, ...v4);
    else t.splice(-1, 1, ...v4);
  }
  if (tail === undefined) {
    if (h.length !== 8) return undefined;
    groups = h;
  } else {
    const missing = 8 - h.length - t.length;
    if (missing < 1) return undefined;
    groups = [...h, ...Array<string>(missing).fill('0'), ...t];
  }
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return value;
}

export function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(16 * (7 - i))) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start === -1) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** The network of an address and prefix in CIDR notation (2001:db8:ca2:2::1, 64 → 2001:db8:ca2:2::/64). */
export function ipv6Cidr(address: bigint, prefix: number): string {
  const hostBits = BigInt(128 - prefix);
  return `${formatIpv6((address >> hostBits) << hostBits)}/${prefix}`;
}
