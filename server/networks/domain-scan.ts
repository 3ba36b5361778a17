/** Which VMs sit on which network, and which VM owns which MAC: one pass over every domain's live XML. */
import { uuidToString, type LibvirtClient } from '../libvirt/index.js';
import { parseDomainXml } from '../xml/domain.js';
import type { VmInterface } from '../../common/vms.js';

export interface DomainNics {
  uuid: string;
  name: string;
  active: boolean;
  interfaces: VmInterface[];
}

export async function scanDomainNics(client: LibvirtClient): Promise<DomainNics[]> {
  const { domains } = await client.connectListAllDomains({ needResults: 1, flags: 0 });
  const settled = await Promise.allSettled(
    domains.map(async (dom) => {
      const { xml } = await client.domainGetXmlDesc({ dom, flags: 0 });
      return { uuid: uuidToString(dom.uuid), name: dom.name, active: dom.id > 0, interfaces: parseDomainXml(xml).interfaces };
    }),
  );
  // A domain undefined during the scan no longer uses anything.
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

export function usersOfNetwork(scan: readonly DomainNics[], network: string, bridge: string | undefined): { uuid: string; name: string; active: boolean }[] {
  return scan
    .filter((d) => d.interfaces.some((i) => (i.type === 'network' && i.sourceNetwork === network) || (bridge !== undefined && i.type === 'bridge' && i.sourceBridge === bridge)))
    .map(({ uuid, name, active }) => ({ uuid, name, active }));
}

export function macOwners(scan: readonly DomainNics[]): Map<string, { uuid: string; name: string }> {
  const owners = new Map<string, { uuid: string; name: string }>();
  for (const d of scan) for (const i of d.interfaces) if (i.mac !== undefined) owners.set(i.mac.toLowerCase(), { uuid: d.uuid, name: d.name });
  return owners;
}
