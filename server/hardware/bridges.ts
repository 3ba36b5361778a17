/** The host's bridges, as libvirt's interface driver reports them (right for remote hosts too). */
import type { LibvirtClient } from '../libvirt/index.js';
import { createXmlParser } from '../xml/parser.js';

const parser = createXmlParser();

/** `<interface type='bridge' name='br0'>…` → `br0`; other interface types → undefined. */
export function bridgeNameOf(xml: string): string | undefined {
  const doc: unknown = parser.parse(xml);
  if (typeof doc !== 'object' || doc === null || !('interface' in doc)) return undefined;
  const iface = doc.interface;
  if (typeof iface !== 'object' || iface === null) return undefined;
  const attrs = iface as Record<string, unknown>;
  return attrs['@type'] === 'bridge' && typeof attrs['@name'] === 'string' ? attrs['@name'] : undefined;
}

/** Every bridge interface of the host, active or not, sorted by name. */
export async function listHostBridges(client: LibvirtClient): Promise<string[]> {
  const { ifaces } = await client.connectListAllInterfaces({ needResults: 1, flags: 0 });
  const names = await Promise.all(
    ifaces.map(async (iface) => bridgeNameOf((await client.interfaceGetXmlDesc({ iface, flags: 0 })).xml)),
  );
  return names.filter((n) => n !== undefined).sort();
}
