import type { ConsoleList } from '../../common/consoles.js';
import { parseDomainConsoles } from './domain-consoles.js';
import { VIR_DOMAIN_XML_SECURE, uuidBytes, type ConsoleLibvirt } from './libvirt-port.js';

/** The console devices of a VM. Read with SECURE only to tell whether VNC has a password; addresses, ports and passwords never leave the server. */
export async function listConsoles(client: ConsoleLibvirt, uuid: string): Promise<ConsoleList> {
  const { dom } = await client.domainLookupByUuid({ uuid: uuidBytes(uuid) });
  const { xml } = await client.domainGetXmlDesc({ dom, flags: VIR_DOMAIN_XML_SECURE });
  const { serial, graphics } = parseDomainConsoles(xml);
  return { running: dom.id !== -1, serial, graphics };
}
