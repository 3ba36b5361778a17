/** One osinfo-db `<os>` file → the facts the wizard needs, before inheritance is resolved. */
import { createXmlParser } from '../xml/parser.js';

export interface OsResources {
  ncpus?: number;
  ramBytes?: number;
  storageBytes?: number;
}

export interface RawOs {
  id: string;
  shortIds: string[];
  name?: string;
  vendor?: string;
  family?: string;
  distro?: string;
  releaseDate?: string;
  eolDate?: string;
  /** derives-from and clones: the OSes whose devices (and missing resources) this one inherits. */
  parents: string[];
  /** Device ids with supported=true (the default) and those explicitly marked unsupported. */
  devices: string[];
  unsupportedDevices: string[];
  /** Per arch ("all", "x86_64" …). */
  minimum: Record<string, OsResources>;
  recommended: Record<string, OsResources>;
}

const parser = createXmlParser({
  arrayTags: ['os', 'short-id', 'name', 'vendor', 'derives-from', 'clones', 'device', 'resources', 'family', 'distro', 'release-date', 'eol-date'],
});

type Node = Record<string, unknown>;

function asNode(v: unknown): Node | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
/** Text of the first element without xml:lang (translations are skipped). */
function plain(v: unknown): string | undefined {
  for (const item of list(v)) {
    if (typeof item === 'string') return item;
    const n = asNode(item);
    if (n !== undefined && n['@xml:lang'] === undefined && typeof n['#text'] === 'string') return n['#text'];
  }
  return undefined;
}
function texts(v: unknown): string[] {
  return list(v).flatMap((item) => (typeof item === 'string' ? [item] : []));
}
function attrs(v: unknown, name: string): string[] {
  return list(v).flatMap((item) => {
    const a = asNode(item)?.[`@${name}`];
    return typeof a === 'string' ? [a] : [];
  });
}
function num(v: unknown): number | undefined {
  const t = plain(v) ?? (typeof v === 'string' ? v : undefined);
  if (t === undefined || !/^\d+$/.test(t)) return undefined;
  return Number(t);
}
function resources(v: unknown): OsResources {
  const n = asNode(v);
  if (n === undefined) return {};
  const out: OsResources = {};
  const ncpus = num(n['n-cpus']);
  const ram = num(n['ram']);
  const storage = num(n['storage']);
  if (ncpus !== undefined) out.ncpus = ncpus;
  if (ram !== undefined) out.ramBytes = ram;
  if (storage !== undefined) out.storageBytes = storage;
  return out;
}

/** Every `<os>` of one osinfo-db file (a file holds one in practice). */
export function parseOsinfoXml(xml: string): RawOs[] {
  const doc = asNode(parser.parse(xml));
  const root = asNode(doc?.['libosinfo']);
  return list(root?.['os']).flatMap((item) => {
    const os = asNode(item);
    const id = os?.['@id'];
    if (os === undefined || typeof id !== 'string') return [];
    const minimum: Record<string, OsResources> = {};
    const recommended: Record<string, OsResources> = {};
    for (const r of list(os['resources'])) {
      const rn = asNode(r);
      const arch = typeof rn?.['@arch'] === 'string' ? rn['@arch'] : 'all';
      minimum[arch] = resources(rn?.['minimum']);
      recommended[arch] = resources(rn?.['recommended']);
    }
    const deviceNodes = list(asNode(os['devices'])?.['device']).map(asNode).filter((d) => d !== undefined);
    const raw: RawOs = {
      id,
      shortIds: texts(os['short-id']),
      parents: [...attrs(os['derives-from'], 'id'), ...attrs(os['clones'], 'id')],
      devices: deviceNodes.filter((d) => d['@supported'] !== 'false').map((d) => String(d['@id'])),
      unsupportedDevices: deviceNodes.filter((d) => d['@supported'] === 'false').map((d) => String(d['@id'])),
      minimum,
      recommended,
    };
    const name = plain(os['name']);
    const vendor = plain(os['vendor']);
    const family = plain(os['family']);
    const distro = plain(os['distro']);
    const releaseDate = plain(os['release-date']);
    const eolDate = plain(os['eol-date']);
    if (name !== undefined) raw.name = name;
    if (vendor !== undefined) raw.vendor = vendor;
    if (family !== undefined) raw.family = family;
    if (distro !== undefined) raw.distro = distro;
    if (releaseDate !== undefined) raw.releaseDate = releaseDate;
    if (eolDate !== undefined) raw.eolDate = eolDate;
    return [raw];
  });
}
