/** Small helpers shared by the pool and volume XML modules (fast-xml-parser set up one way). */
import { createXmlBuilder, createXmlParser } from './parser.js';

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[] | undefined;

export const storageXmlParser = createXmlParser({ arrayTags: ['device', 'host', 'disk', 'source'] });
export const storageXmlBuilder = createXmlBuilder();

export function isNode(v: XmlValue): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function child(node: XmlValue, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const v = node[name];
  if (Array.isArray(v)) {
    const first = v[0];
    return isNode(first) ? first : undefined;
  }
  if (isNode(v)) return v;
  if (typeof v === 'string') return { '#text': v };
  return undefined;
}

export function children(node: XmlValue, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const v = node[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (typeof x === 'string' ? { '#text': x } : x)).filter(isNode);
}

/** Text content of a child element (or of the node itself when name is omitted). */
export function text(node: XmlValue, name?: string): string | undefined {
  const target = name === undefined ? node : isNode(node) ? node[name] : undefined;
  const one = Array.isArray(target) ? target[0] : target;
  if (typeof one === 'string') return one;
  if (isNode(one)) {
    const t = one['#text'];
    return typeof t === 'string' ? t : t === undefined ? '' : undefined;
  }
  return undefined;
}

export function attr(node: XmlValue, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const v = node[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

const UNIT_SCALE: Readonly<Record<string, number>> = {
  b: 1, bytes: 1, k: 1024, kib: 1024, kb: 1000, m: 1024 ** 2, mib: 1024 ** 2, mb: 1000 ** 2,
  g: 1024 ** 3, gib: 1024 ** 3, gb: 1000 ** 3, t: 1024 ** 4, tib: 1024 ** 4, tb: 1000 ** 4,
  p: 1024 ** 5, pib: 1024 ** 5, pb: 1000 ** 5, e: 1024 ** 6, eib: 1024 ** 6, eb: 1000 ** 6,
};

/**
 * The exact byte count of such an element as a decimal string, only when it is above 2^53 (where
 * scaledBytes' number is no longer exact); undefined otherwise.
 */
export function scaledBytesBeyondSafe(node: XmlValue, name: string): string | undefined {
  const el = isNode(node) ? node[name] : undefined;
  if (el === undefined) return undefined;
  const raw = text(node, name);
  if (raw === undefined || raw === '' || !/^\d+$/.test(raw)) return undefined;
  const unit = (attr(isNode(el) ? el : undefined, 'unit') ?? 'bytes').toLowerCase();
  const exact = BigInt(raw) * BigInt(UNIT_SCALE[unit] ?? 1);
  return exact > BigInt(Number.MAX_SAFE_INTEGER) ? exact.toString() : undefined;
}

/** Reads `<capacity unit='bytes'>N</capacity>` style elements as a byte count. */
export function scaledBytes(node: XmlValue, name: string): number | undefined {
  const el = isNode(node) ? node[name] : undefined;
  if (el === undefined) return undefined;
  const raw = text(node, name);
  if (raw === undefined || raw === '' || !/^\d+$/.test(raw)) return undefined;
  const unit = (attr(isNode(el) ? el : undefined, 'unit') ?? 'bytes').toLowerCase();
  const scale = UNIT_SCALE[unit] ?? 1;
  return Number(raw) * scale;
}

/** Parses an XML document and returns its root element by name, or throws. */
export function parseRoot(xml: string, root: string): XmlNode {
  const doc: unknown = storageXmlParser.parse(xml);
  const node = isNode(doc as XmlValue) ? (doc as XmlNode)[root] : undefined;
  if (!isNode(node)) throw new Error(`Not a <${root}> document`);
  return node;
}
