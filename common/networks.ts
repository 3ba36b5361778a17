/** Virtual networks: API schemas and the field checks shared by the server and the create dialog. */
import { Type, type Static } from 'typebox';
import { HostIdPattern } from './hosts.js';

export const NetworkNamePattern = '^[A-Za-z0-9][A-Za-z0-9_.+-]{0,49}$';
export const InterfaceNamePattern = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$';
export const MacPattern = '^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$';
export const Ipv4Pattern = '^\\d{1,3}(\\.\\d{1,3}){3}$';
export const HostnamePattern = '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$';

export const NetworkParams = Type.Object({
  host: Type.String({ pattern: HostIdPattern }),
  name: Type.String({ pattern: NetworkNamePattern }),
});
export type NetworkParams = Static<typeof NetworkParams>;

/** What virtdeck creates; existing networks may show other libvirt modes (bridge, macvtap …). */
export const CreatableForwardMode = Type.Union([Type.Literal('nat'), Type.Literal('route'), Type.Literal('isolated'), Type.Literal('open')]);
export type CreatableForwardMode = Static<typeof CreatableForwardMode>;
export const FORWARD_MODES: readonly CreatableForwardMode[] = ['nat', 'route', 'isolated', 'open'];

export const DhcpHost = Type.Object(
  {
    mac: Type.String({ pattern: MacPattern }),
    ip: Type.String({ pattern: Ipv4Pattern }),
    name: Type.Optional(Type.String({ pattern: HostnamePattern })),
  },
  { additionalProperties: false },
);
export type DhcpHost = Static<typeof DhcpHost>;

export const DhcpRange = Type.Object(
  { start: Type.String({ pattern: Ipv4Pattern }), end: Type.String({ pattern: Ipv4Pattern }) },
  { additionalProperties: false },
);
export type DhcpRange = Static<typeof DhcpRange>;

export const NetworkIpv4Input = Type.Object(
  {
    /** The host's (gateway) address on the network, e.g. 10.200.1.1. */
    address: Type.String({ pattern: Ipv4Pattern }),
    prefix: Type.Integer({ minimum: 8, maximum: 30 }),
    dhcp: Type.Optional(DhcpRange),
    hosts: Type.Optional(Type.Array(DhcpHost, { maxItems: 256 })),
  },
  { additionalProperties: false },
);
export type NetworkIpv4Input = Static<typeof NetworkIpv4Input>;

export const NetworkCreateBody = Type.Object(
  {
    name: Type.String({ pattern: NetworkNamePattern }),
    forwardMode: CreatableForwardMode,
    /** Host interface NAT/routed traffic leaves through; any when absent. */
    forwardDev: Type.Optional(Type.String({ pattern: InterfaceNamePattern })),
    /** Bridge device name; libvirt picks virbrN when absent. */
    bridge: Type.Optional(Type.String({ pattern: InterfaceNamePattern })),
    ipv4: NetworkIpv4Input,
    start: Type.Optional(Type.Boolean()),
    autostart: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NetworkCreateBody = Static<typeof NetworkCreateBody>;

export const NetworkIpv4 = Type.Object({
  address: Type.String(),
  prefix: Type.Integer(),
  /** The network in CIDR notation, e.g. 10.200.1.0/24. */
  cidr: Type.String(),
  dhcp: Type.Optional(DhcpRange),
  hosts: Type.Array(Type.Object({ mac: Type.String(), ip: Type.String(), name: Type.Optional(Type.String()) })),
});
export type NetworkIpv4 = Static<typeof NetworkIpv4>;

/** A DHCP range of an `<ip>` block, IPv4 or IPv6. */
export const NetworkIpRange = Type.Object({ start: Type.String(), end: Type.String() });
export type NetworkIpRange = Static<typeof NetworkIpRange>;

/** A static DHCP host: IPv4 ones are matched by MAC, IPv6 ones by DHCP unique id (DUID) or name. */
export const NetworkIpHost = Type.Object({
  ip: Type.Optional(Type.String()),
  mac: Type.Optional(Type.String()),
  /** DHCPv6 client DUID */
  id: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});
export type NetworkIpHost = Static<typeof NetworkIpHost>;

/** One `<ip>` block of a network: every one, IPv4 and IPv6, in document order. */
export const NetworkIp = Type.Object({
  family: Type.Enum(['ipv4', 'ipv6']),
  address: Type.String(),
  prefix: Type.Integer(),
  /** The network in CIDR notation (10.200.1.0/24, 2001:db8:ca2:2::/64). */
  cidr: Type.String(),
  dhcpRanges: Type.Array(NetworkIpRange),
  hosts: Type.Array(NetworkIpHost),
  /** <tftp root=…> and <dhcp><bootp file=… server=…>: network boot. */
  tftpRoot: Type.Optional(Type.String()),
  bootFile: Type.Optional(Type.String()),
  bootServer: Type.Optional(Type.String()),
});
export type NetworkIp = Static<typeof NetworkIp>;

export const VmUse = Type.Object({ uuid: Type.String(), name: Type.String(), active: Type.Boolean() });
export type VmUse = Static<typeof VmUse>;

export const NetworkLease = Type.Object({
  family: Type.Enum(['ipv4', 'ipv6']),
  /** Absent when dnsmasq did not learn it (some DHCPv6 clients). */
  mac: Type.Optional(Type.String()),
  ip: Type.String(),
  prefix: Type.Integer(),
  hostname: Type.Optional(Type.String()),
  /** DHCPv6 identity association id and the client id (DUID for IPv6, option 61 for IPv4). */
  iaid: Type.Optional(Type.String()),
  clientId: Type.Optional(Type.String()),
  /** Seconds since the epoch. */
  expiry: Type.Number(),
  vm: Type.Optional(Type.Object({ uuid: Type.String(), name: Type.String() })),
});
export type NetworkLease = Static<typeof NetworkLease>;

export const NetworkSummary = Type.Object({
  name: Type.String(),
  uuid: Type.String(),
  active: Type.Boolean(),
  autostart: Type.Boolean(),
  persistent: Type.Boolean(),
  /** nat, route, open, isolated (no <forward>), bridge, … */
  forwardMode: Type.String(),
  forwardDev: Type.Optional(Type.String()),
  bridge: Type.Optional(Type.String()),
  /** The first IPv4 block (what virtdeck creates); every block is in `ips`. */
  ipv4: Type.Optional(NetworkIpv4),
  ips: Type.Array(NetworkIp),
  leases: Type.Array(NetworkLease),
  usedBy: Type.Array(VmUse),
});
export type NetworkSummary = Static<typeof NetworkSummary>;

export const NetworkList = Type.Object({ networks: Type.Array(NetworkSummary) });
export type NetworkList = Static<typeof NetworkList>;

export const NetworkDetail = Type.Object({ ...NetworkSummary.properties, xml: Type.String() });
export type NetworkDetail = Static<typeof NetworkDetail>;

export const NetworkLeases = Type.Object({ leases: Type.Array(NetworkLease) });
export type NetworkLeases = Static<typeof NetworkLeases>;

export const NetworkAutostartBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type NetworkAutostartBody = Static<typeof NetworkAutostartBody>;

export const HostBridges = Type.Object({ bridges: Type.Array(Type.String()) });
export type HostBridges = Static<typeof HostBridges>;

/** SSE `network` event. */
export interface NetworkEventData {
  host: string;
  name: string;
  event: 'defined' | 'undefined' | 'started' | 'stopped' | 'changed';
}

// ---- IPv4 arithmetic and field checks ----

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255 || (p.length > 1 && p.startsWith('0'))) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}

export interface Ipv4Block {
  /** First address (the network address). */
  first: number;
  /** Last address (broadcast). */
  last: number;
  prefix: number;
}

export function blockOf(address: number, prefix: number): Ipv4Block {
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return { first, last: first + size - 1, prefix };
}

export const cidrOf = (b: Ipv4Block): string => `${formatIpv4(b.first)}/${b.prefix}`;

export function netmaskToPrefix(mask: string): number | undefined {
  const value = parseIpv4(mask);
  if (value === undefined) return undefined;
  const bits = value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return undefined;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}

export const blocksOverlap = (a: Ipv4Block, b: Ipv4Block): boolean => a.first <= b.last && b.first <= a.last;

/** An existing network's name and IPv4 block (to refuse overlaps). */
export interface ExistingNetwork {
  name: string;
  cidr: string;
}

export function parseCidr(cidr: string): Ipv4Block | undefined {
  const [ip, prefixText] = cidr.split('/');
  const address = parseIpv4(ip ?? '');
  const prefix = Number(prefixText);
  if (address === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  return blockOf(address, prefix);
}

/** field → reason. Empty when the input is good. */
export type NetworkFieldErrors = Record<string, string>;

function checkIpv4Fields(ipv4: NetworkIpv4Input, errors: NetworkFieldErrors): Ipv4Block | undefined {
  const gateway = parseIpv4(ipv4.address);
  if (gateway === undefined) {
    errors['ipv4.address'] = `"${ipv4.address}" is not an IPv4 address`;
    return undefined;
  }
  if (!Number.isInteger(ipv4.prefix) || ipv4.prefix < 8 || ipv4.prefix > 30) {
    errors['ipv4.prefix'] = 'The prefix must be between 8 and 30';
    return undefined;
  }
  const block = blockOf(gateway, ipv4.prefix);
  const inside = (v: number): boolean => v > block.first && v < block.last;
  if (!inside(gateway)) {
    errors['ipv4.address'] = `${ipv4.address} is the network or broadcast address of ${cidrOf(block)}; use a host address such as ${formatIpv4(block.first + 1)}`;
    return block;
  }
  if (ipv4.dhcp !== undefined) {
    const start = parseIpv4(ipv4.dhcp.start);
    const end = parseIpv4(ipv4.dhcp.end);
    if (start === undefined) errors['ipv4.dhcp.start'] = `"${ipv4.dhcp.start}" is not an IPv4 address`;
    else if (!inside(start)) errors['ipv4.dhcp.start'] = `${ipv4.dhcp.start} is outside the usable addresses of ${cidrOf(block)}`;
    if (end === undefined) errors['ipv4.dhcp.end'] = `"${ipv4.dhcp.end}" is not an IPv4 address`;
    else if (!inside(end)) errors['ipv4.dhcp.end'] = `${ipv4.dhcp.end} is outside the usable addresses of ${cidrOf(block)}`;
    if (start !== undefined && end !== undefined && errors['ipv4.dhcp.start'] === undefined && errors['ipv4.dhcp.end'] === undefined) {
      if (start > end) errors['ipv4.dhcp.end'] = 'The DHCP range ends before it starts';
      else if (gateway >= start && gateway <= end) errors['ipv4.dhcp'] = `The DHCP range must not contain the gateway address ${ipv4.address}`;
    }
  }
  const macs = new Set<string>();
  const ips = new Set<number>();
  (ipv4.hosts ?? []).forEach((h, i) => {
    const key = `ipv4.hosts.${i}`;
    if (!new RegExp(MacPattern).test(h.mac)) errors[`${key}.mac`] = `"${h.mac}" is not a MAC address (aa:bb:cc:dd:ee:ff)`;
    else if (macs.has(h.mac.toLowerCase())) errors[`${key}.mac`] = `MAC ${h.mac} is listed twice`;
    macs.add(h.mac.toLowerCase());
    const ip = parseIpv4(h.ip);
    if (ip === undefined) errors[`${key}.ip`] = `"${h.ip}" is not an IPv4 address`;
    else if (!inside(ip) || ip === gateway) errors[`${key}.ip`] = `${h.ip} is not a free host address of ${cidrOf(block)}`;
    else if (ips.has(ip)) errors[`${key}.ip`] = `${h.ip} is listed twice`;
    if (ip !== undefined) ips.add(ip);
    if (h.name !== undefined && !new RegExp(HostnamePattern).test(h.name)) errors[`${key}.name`] = `"${h.name}" is not a host name`;
  });
  return block;
}

/** Every problem of a create request, by field; `existing` are the host's networks (overlap check). */
export function checkNetworkCreate(body: NetworkCreateBody, existing: readonly ExistingNetwork[]): NetworkFieldErrors {
  const errors: NetworkFieldErrors = {};
  if (!new RegExp(NetworkNamePattern).test(body.name)) {
    errors['name'] = 'A name is 1–50 letters, digits, "_", ".", "+" or "-", starting with a letter or digit';
  } else if (existing.some((n) => n.name === body.name)) {
    errors['name'] = `A network named "${body.name}" already exists`;
  }
  if (body.bridge !== undefined && !new RegExp(InterfaceNamePattern).test(body.bridge)) {
    errors['bridge'] = 'A bridge name is 1–15 letters, digits, "_", "." or "-"';
  }
  if (body.forwardDev !== undefined) {
    if (body.forwardMode !== 'nat' && body.forwardMode !== 'route') errors['forwardDev'] = 'Only NAT and routed networks forward through a host interface';
    else if (!new RegExp(InterfaceNamePattern).test(body.forwardDev)) errors['forwardDev'] = 'Not an interface name';
  }
  const block = checkIpv4Fields(body.ipv4, errors);
  if (block !== undefined && errors['ipv4.address'] === undefined) {
    const clash = existing.find((n) => {
      const other = parseCidr(n.cidr);
      return other !== undefined && blocksOverlap(block, other);
    });
    if (clash !== undefined) errors['ipv4.address'] = `${cidrOf(block)} overlaps network "${clash.name}" (${clash.cidr})`;
  }
  return errors;
}

export function fieldErrorsText(errors: NetworkFieldErrors): string {
  return Object.entries(errors)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join('; ');
}
