/** libvirt network XML ⇄ typed objects (`virsh net-dumpxml`, `net-define`). */
import { createXmlBuilder, createXmlParser } from './parser.js';
import { blockOf, cidrOf, netmaskToPrefix, parseIpv4, type NetworkCreateBody, type NetworkIp, type NetworkIpHost, type NetworkIpv4 } from '../../common/networks.js';
import { ipv6Cidr, parseIpv6 } from '../../common/ipv6.js';

export interface ParsedNetwork {
  name: string;
  uuid?: string;
  /** nat, route, open, bridge … or isolated when there is no <forward>. */
  forwardMode: string;
  forwardDev?: string;
  bridge?: string;
  /** The first IPv4 block, in the shape the create form uses. */
  ipv4?: NetworkIpv4;
  /** Every <ip> block, IPv4 and IPv6, in document order. */
  ips: NetworkIp[];
}

export class NetworkXmlError extends Error {
  override name = 'NetworkXmlError';
}

type Node = Record<string, unknown>;

const parser = createXmlParser({ arrayPaths: ['network.ip', 'network.ip.dhcp.range', 'network.ip.dhcp.host'] });
const builder = createXmlBuilder();

function node(v: unknown): Node | undefined {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Node;
  return v === '' ? {} : undefined;
}
function nodes(v: unknown): Node[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(node).filter((n) => n !== undefined);
}
function attr(n: Node | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  const t = node(v)?.['#text'];
  return typeof t === 'string' && t !== '' ? t : undefined;
}

function parseIp(ip: Node): NetworkIpv4 | undefined {
  const family = attr(ip, 'family') ?? 'ipv4';
  const address = attr(ip, 'address');
  if (family !== 'ipv4' || address === undefined) return undefined;
  const value = parseIpv4(address);
  const netmask = attr(ip, 'netmask');
  const prefixText = attr(ip, 'prefix');
  const prefix = prefixText !== undefined ? Number(prefixText) : netmask !== undefined ? netmaskToPrefix(netmask) : 24;
  if (value === undefined || prefix === undefined || !Number.isInteger(prefix)) return undefined;
  const dhcp = node(ip['dhcp']);
  const range = nodes(dhcp?.['range'])[0];
  const start = attr(range, 'start');
  const end = attr(range, 'end');
  return {
    address,
    prefix,
    cidr: cidrOf(blockOf(value, prefix)),
    ...(start !== undefined && end !== undefined ? { dhcp: { start, end } } : {}),
    hosts: nodes(dhcp?.['host']).flatMap((h) => {
      const mac = attr(h, 'mac');
      const hip = attr(h, 'ip');
      const hname = attr(h, 'name');
      return mac !== undefined && hip !== undefined ? [{ mac, ip: hip, ...(hname === undefined ? {} : { name: hname }) }] : [];
    }),
  };
}

/** Only the keys whose value is defined, so optional schema fields stay absent. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function prefixOf(ip: Node, family: 'ipv4' | 'ipv6'): number | undefined {
  const prefixText = attr(ip, 'prefix');
  if (prefixText !== undefined) return /^\d{1,3}$/.test(prefixText) && Number(prefixText) <= (family === 'ipv4' ? 32 : 128) ? Number(prefixText) : undefined;
  const netmask = attr(ip, 'netmask');
  if (family === 'ipv4') return netmask !== undefined ? netmaskToPrefix(netmask) : 24;
  return 64;
}

function parseAnyIp(ip: Node): NetworkIp | undefined {
  const address = attr(ip, 'address');
  if (address === undefined) return undefined;
  const family: NetworkIp['family'] = (attr(ip, 'family') ?? (address.includes(':') ? 'ipv6' : 'ipv4')) === 'ipv6' ? 'ipv6' : 'ipv4';
  const prefix = prefixOf(ip, family);
  if (prefix === undefined) return undefined;
  const v4 = family === 'ipv4' ? parseIpv4(address) : undefined;
  const v6 = family === 'ipv6' ? parseIpv6(address) : undefined;
  const cidr = v4 !== undefined ? cidrOf(blockOf(v4, prefix)) : v6 !== undefined ? ipv6Cidr(v6, prefix) : `${address}/${prefix}`;
  const dhcp = node(ip['dhcp']);
  const bootp = node(dhcp?.['bootp']);
  return defined({
    family,
    address,
    prefix,
    cidr,
    dhcpRanges: nodes(dhcp?.['range']).flatMap((r) => {
      const start = attr(r, 'start');
      const end = attr(r, 'end');
      return start !== undefined && end !== undefined ? [{ start, end }] : [];
    }),
    hosts: nodes(dhcp?.['host']).map((h): NetworkIpHost => defined({ ip: attr(h, 'ip'), mac: attr(h, 'mac'), id: attr(h, 'id'), name: attr(h, 'name') })),
    tftpRoot: attr(node(ip['tftp']), 'root'),
    bootFile: attr(bootp, 'file'),
    bootServer: attr(bootp, 'server'),
  });
}

export function parseNetworkXml(xml: string): ParsedNetwork {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw new NetworkXmlError(`network XML does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const net = node(node(doc)?.['network']);
  const name = text(net?.['name']);
  if (net === undefined || name === undefined) throw new NetworkXmlError('network XML lacks <network> or <name>');
  const forward = net['forward'] === undefined ? undefined : (node(net['forward']) ?? {});
  const forwardMode = forward === undefined ? 'isolated' : (attr(forward, 'mode') ?? 'nat');
  const forwardDev = attr(forward, 'dev');
  const bridge = attr(node(net['bridge']), 'name');
  const uuid = text(net['uuid']);
  const ipv4 = nodes(net['ip']).map(parseIp).find((ip) => ip !== undefined);
  const ips = nodes(net['ip']).map(parseAnyIp).filter((ip) => ip !== undefined);
  return {
    name,
    forwardMode,
    ...(uuid === undefined ? {} : { uuid }),
    ...(forwardDev === undefined ? {} : { forwardDev }),
    ...(bridge === undefined ? {} : { bridge }),
    ...(ipv4 === undefined ? {} : { ipv4 }),
    ips,
  };
}

/** The XML that `virsh net-define` would take for a create request (values checked beforehand). */
export function buildNetworkXml(body: NetworkCreateBody): string {
  const { ipv4 } = body;
  const dhcp =
    ipv4.dhcp === undefined && (ipv4.hosts ?? []).length === 0
      ? undefined
      : {
          ...(ipv4.dhcp === undefined ? {} : { range: { '@start': ipv4.dhcp.start, '@end': ipv4.dhcp.end } }),
          ...((ipv4.hosts ?? []).length === 0
            ? {}
            : {
                host: (ipv4.hosts ?? []).map((h) => ({
                  '@mac': h.mac.toLowerCase(),
                  ...(h.name === undefined ? {} : { '@name': h.name }),
                  '@ip': h.ip,
                })),
              }),
        };
  const forward =
    body.forwardMode === 'isolated'
      ? undefined
      : { '@mode': body.forwardMode, ...(body.forwardDev === undefined ? {} : { '@dev': body.forwardDev }) };
  const network = {
    name: body.name,
    ...(forward === undefined ? {} : { forward }),
    bridge: { ...(body.bridge === undefined ? {} : { '@name': body.bridge }), '@stp': 'on', '@delay': '0' },
    ip: { '@address': ipv4.address, '@prefix': String(ipv4.prefix), ...(dhcp === undefined ? {} : { dhcp }) },
  };
  return String(builder.build({ network }));
}
