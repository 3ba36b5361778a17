/** Rewrites the <boot dev=…/> list of a domain's <os>, keeping the rest of the XML as libvirt wrote it. */
import { createXmlBuilder, createXmlParser } from './parser.js';

type Ordered = Record<string, unknown>;

const parser = createXmlParser({ preserveOrder: true });
const builder = createXmlBuilder({ preserveOrder: true });

const isOrdered = (v: unknown): v is Ordered => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (n: Ordered, tag: string): unknown[] | undefined => {
  const v = n[tag];
  return Array.isArray(v) ? v : undefined;
};

export function replaceBootDevices(domainXml: string, devices: readonly string[]): string {
  const doc: unknown = parser.parse(domainXml);
  if (!Array.isArray(doc)) throw new Error('domain XML does not parse');
  const domain = doc.find((n) => isOrdered(n) && 'domain' in n);
  const domainChildren = isOrdered(domain) ? childrenOf(domain, 'domain') : undefined;
  const os = domainChildren?.find((n) => isOrdered(n) && 'os' in n);
  const osChildren = isOrdered(os) ? childrenOf(os, 'os') : undefined;
  if (osChildren === undefined) throw new Error('domain XML has no <os>');
  const kept = osChildren.filter((n) => !(isOrdered(n) && 'boot' in n));
  const boots = devices.map((dev) => ({ boot: [], ':@': { '@dev': dev } }));
  // <boot> goes after <type>/<loader>/<nvram>/<kernel>… and before <bootmenu>, <smbios>, <bios>.
  const after = kept.findIndex((n) => isOrdered(n) && ('bootmenu' in n || 'smbios' in n || 'bios' in n || 'bootloader' in n));
  const at = after === -1 ? kept.length : after;
  (os as Ordered)['os'] = [...kept.slice(0, at), ...boots, ...kept.slice(at)];
  return String(builder.build(doc));
}
