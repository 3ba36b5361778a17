/** Virtual networks: list, details, leases, create (with rollback), start, stop, autostart, delete. */
import { isLibvirtCode, VIR_ERR_NO_NETWORK, VIR_ERR_NO_SUPPORT, uuidToString, type LibvirtClient, type NetworkRef } from '../libvirt/index.js';
import { checkNetworkCreate, fieldErrorsText, type ExistingNetwork, type NetworkCreateBody, type NetworkDetail, type NetworkLease, type NetworkSummary } from '../../common/networks.js';
import { HttpError, badRequest } from '../http/errors.js';
import { buildNetworkXml, parseNetworkXml } from '../xml/network.js';
import { macOwners, scanDomainNics, usersOfNetwork, type DomainNics } from './domain-scan.js';

export const NetworkErrorCodes = { inUse: 'NETWORK_IN_USE', exists: 'ALREADY_EXISTS', createFailed: 'NETWORK_CREATE_FAILED' } as const;

const isNoNetwork = (err: unknown): boolean => isLibvirtCode(err, VIR_ERR_NO_NETWORK);

export async function lookupNetwork(client: LibvirtClient, name: string): Promise<NetworkRef> {
  return (await client.networkLookupByName({ name })).net;
}

type WireLease = Awaited<ReturnType<LibvirtClient['networkGetDhcpLeases']>>['leases'][number];

// virIPAddrType
const IP_ADDR_TYPE_IPV6 = 1;

/** One lease of virNetworkGetDHCPLeases (IPv4 and IPv6 alike) with the VM that owns its MAC. */
export function toNetworkLease(l: WireLease, owners: ReadonlyMap<string, { uuid: string; name: string }>): NetworkLease {
  const mac = l.mac === null || l.mac === '' ? undefined : l.mac.toLowerCase();
  const vm = mac === undefined ? undefined : owners.get(mac);
  return {
    family: l.type === IP_ADDR_TYPE_IPV6 ? 'ipv6' : 'ipv4',
    ...(mac === undefined ? {} : { mac }),
    ip: l.ipaddr,
    prefix: l.prefix,
    ...(l.hostname === null ? {} : { hostname: l.hostname }),
    ...(l.iaid === null ? {} : { iaid: l.iaid }),
    ...(l.clientid === null ? {} : { clientId: l.clientid }),
    expiry: Number(l.expirytime),
    ...(vm === undefined ? {} : { vm }),
  };
}

async function leasesOf(client: LibvirtClient, net: NetworkRef, scan: readonly DomainNics[]): Promise<NetworkLease[]> {
  let leases: WireLease[];
  try {
    ({ leases } = await client.networkGetDhcpLeases({ net, mac: null, needResults: 1, flags: 0 }));
  } catch (err) {
    // Drivers without DHCP (libvirt's test driver) have no leases to show.
    if (isLibvirtCode(err, VIR_ERR_NO_SUPPORT)) return [];
    throw err;
  }
  const owners = macOwners(scan);
  return leases.map((l) => toNetworkLease(l, owners));
}

async function summarize(client: LibvirtClient, net: NetworkRef, scan: readonly DomainNics[]): Promise<NetworkSummary & { xml: string }> {
  const [{ xml }, { active }, { autostart }, { persistent }] = await Promise.all([
    client.networkGetXmlDesc({ net, flags: 0 }),
    client.networkIsActive({ net }),
    client.networkGetAutostart({ net }),
    client.networkIsPersistent({ net }),
  ]);
  const parsed = parseNetworkXml(xml);
  const leases = active !== 0 ? await leasesOf(client, net, scan) : [];
  return {
    name: net.name,
    uuid: uuidToString(net.uuid),
    active: active !== 0,
    autostart: autostart !== 0,
    persistent: persistent !== 0,
    forwardMode: parsed.forwardMode,
    ...(parsed.forwardDev === undefined ? {} : { forwardDev: parsed.forwardDev }),
    ...(parsed.bridge === undefined ? {} : { bridge: parsed.bridge }),
    ...(parsed.ipv4 === undefined ? {} : { ipv4: parsed.ipv4 }),
    ips: parsed.ips,
    leases,
    usedBy: usersOfNetwork(scan, net.name, parsed.bridge),
    xml,
  };
}

export async function listNetworks(client: LibvirtClient): Promise<NetworkSummary[]> {
  const [{ nets }, scan] = await Promise.all([client.connectListAllNetworks({ needResults: 1, flags: 0 }), scanDomainNics(client)]);
  const settled = await Promise.allSettled(nets.map((net) => summarize(client, net, scan)));
  const out: NetworkSummary[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') {
      const { xml: _xml, ...summary } = s.value;
      out.push(summary);
    } else if (!isNoNetwork(s.reason)) throw s.reason;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getNetwork(client: LibvirtClient, name: string): Promise<NetworkDetail> {
  const net = await lookupNetwork(client, name);
  return summarize(client, net, await scanDomainNics(client));
}

export async function getLeases(client: LibvirtClient, name: string): Promise<NetworkLease[]> {
  const net = await lookupNetwork(client, name);
  if ((await client.networkIsActive({ net })).active === 0) return [];
  return leasesOf(client, net, await scanDomainNics(client));
}

/** Names and IPv4 blocks of the host's networks (one entry per block, every block), for the overlap check. */
export async function existingNetworks(client: LibvirtClient): Promise<ExistingNetwork[]> {
  const { nets } = await client.connectListAllNetworks({ needResults: 1, flags: 0 });
  const settled = await Promise.allSettled(
    nets.map(async (net): Promise<ExistingNetwork[]> => {
      const parsed = parseNetworkXml((await client.networkGetXmlDesc({ net, flags: 0 })).xml);
      const blocks = parsed.ips.filter((ip) => ip.family === 'ipv4').map((ip) => ({ name: net.name, cidr: ip.cidr }));
      // A network without IPv4 still takes its name.
      return blocks.length > 0 ? blocks : [{ name: net.name, cidr: '' }];
    }),
  );
  return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}

export async function createNetwork(client: LibvirtClient, body: NetworkCreateBody): Promise<NetworkDetail> {
  const errors = checkNetworkCreate(body, await existingNetworks(client));
  if (Object.keys(errors).length > 0) {
    const exists = errors['name']?.includes('already exists') === true && Object.keys(errors).length === 1;
    if (exists) throw new HttpError(409, NetworkErrorCodes.exists, errors['name'] ?? '');
    throw badRequest(fieldErrorsText(errors));
  }
  const { net } = await client.networkDefineXml({ xml: buildNetworkXml(body) });
  let started = false;
  try {
    if (body.start === true) {
      await client.networkCreate({ net });
      started = true;
    }
    if (body.autostart === true) await client.networkSetAutostart({ net, autostart: 1 });
  } catch (err) {
    // Leave nothing behind: the request failed as a whole.
    if (started) await client.networkDestroy({ net }).catch(() => undefined);
    await client.networkUndefine({ net }).catch(() => undefined);
    throw err;
  }
  return getNetwork(client, body.name);
}

export async function startNetwork(client: LibvirtClient, name: string): Promise<NetworkDetail> {
  await client.networkCreate({ net: await lookupNetwork(client, name) });
  return getNetwork(client, name);
}

function refuseRunningUsers(users: readonly { name: string; active: boolean }[], name: string, doing: string): void {
  const running = users.filter((u) => u.active);
  if (running.length > 0) {
    const list = running.map((u) => `"${u.name}"`).join(', ');
    throw new HttpError(409, NetworkErrorCodes.inUse, `Cannot ${doing} network "${name}": running VM ${list} ${running.length === 1 ? 'uses' : 'use'} it`);
  }
}

export async function stopNetwork(client: LibvirtClient, name: string, force: boolean): Promise<NetworkDetail> {
  const net = await lookupNetwork(client, name);
  if (!force) {
    const { bridge } = parseNetworkXml((await client.networkGetXmlDesc({ net, flags: 0 })).xml);
    refuseRunningUsers(usersOfNetwork(await scanDomainNics(client), name, bridge), name, 'stop (their NICs lose the network; stop anyway with force=1)');
  }
  await client.networkDestroy({ net });
  return getNetwork(client, name);
}

export async function setNetworkAutostart(client: LibvirtClient, name: string, enabled: boolean): Promise<NetworkDetail> {
  await client.networkSetAutostart({ net: await lookupNetwork(client, name), autostart: enabled ? 1 : 0 });
  return getNetwork(client, name);
}

/** Stops (when active) and undefines; refused while a running VM uses the network. */
export async function deleteNetwork(client: LibvirtClient, name: string): Promise<void> {
  const net = await lookupNetwork(client, name);
  const { bridge } = parseNetworkXml((await client.networkGetXmlDesc({ net, flags: 0 })).xml);
  refuseRunningUsers(usersOfNetwork(await scanDomainNics(client), name, bridge), name, 'delete');
  const [{ active }, { persistent }] = await Promise.all([client.networkIsActive({ net }), client.networkIsPersistent({ net })]);
  if (active !== 0) await client.networkDestroy({ net });
  if (persistent !== 0) await client.networkUndefine({ net });
}
