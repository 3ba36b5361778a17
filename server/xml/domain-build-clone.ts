/**
 * Edits a domain's own XML for a clone, keeping every element it does not need to change
 * (fast-xml-parser in preserveOrder mode round-trips elements, attributes and order).
 */
import { createXmlBuilder, createXmlParser } from './parser.js';

type Attrs = Record<string, string>;
/** One element in preserveOrder form: `{ tag: children, ':@': attributes }`, or a text node. */
export type OrderedNode = { [key: string]: OrderedNode[] | Attrs | string | undefined };

const parser = createXmlParser({ preserveOrder: true });
const builder = createXmlBuilder({ preserveOrder: true });

export function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}
export function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? value : [];
}
export function attrsOf(node: OrderedNode): Attrs {
  const a = node[':@'];
  if (a === undefined || Array.isArray(a) || typeof a === 'string') {
    const fresh: Attrs = {};
    node[':@'] = fresh;
    return fresh;
  }
  return a;
}
export function getAttr(node: OrderedNode, name: string): string | undefined {
  return attrsOf(node)[`@${name}`];
}
export function setAttr(node: OrderedNode, name: string, value: string): void {
  attrsOf(node)[`@${name}`] = value;
}
export function deleteAttr(node: OrderedNode, name: string): void {
  const attrs = attrsOf(node);
  delete attrs[`@${name}`];
}
export function findChildren(node: OrderedNode, tag: string): OrderedNode[] {
  return childrenOf(node).filter((c) => tagOf(c) === tag);
}
export function findChild(node: OrderedNode, tag: string): OrderedNode | undefined {
  return findChildren(node, tag)[0];
}
export function removeChildren(node: OrderedNode, tag: string): void {
  const t = tagOf(node);
  if (t === undefined) return;
  node[t] = childrenOf(node).filter((c) => tagOf(c) !== tag);
}
/** Replaces the text of a child element, creating it (at the start) when missing. */
export function setChildText(node: OrderedNode, tag: string, text: string): void {
  const existing = findChild(node, tag);
  if (existing !== undefined) {
    existing[tag] = [{ '#text': text }];
    return;
  }
  const t = tagOf(node);
  if (t !== undefined) node[t] = [{ [tag]: [{ '#text': text }] }, ...childrenOf(node)];
}
export function textOf(node: OrderedNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const t = childrenOf(node).find((c) => typeof c['#text'] === 'string');
  return typeof t?.['#text'] === 'string' ? t['#text'] : undefined;
}

export function parseOrdered(xml: string): OrderedNode {
  const doc = parser.parse(xml) as OrderedNode[];
  const domain = doc.find((n) => tagOf(n) === 'domain');
  if (domain === undefined) throw new Error('not a domain XML document');
  return domain;
}

export function buildOrdered(domain: OrderedNode): string {
  return builder.build([domain]) as string;
}

export interface CloneDiskEdit {
  /** The disk's target dev (vda …), the key the caller uses. */
  target: string;
  /** New source: a file path, or a volume of a pool. */
  source: { file: string } | { dev: string } | { pool: string; volume: string };
}

export interface CloneEdits {
  name: string;
  uuid: string;
  /** New MACs, in interface order. */
  macs: string[];
  disks: CloneDiskEdit[];
  /** New serial log path, or undefined to drop the log (it named the original VM). */
  serialLogFile?: string;
}

/** Applies a clone's changes: name, UUID, MACs, cloned disk sources; drops per-VM files (NVRAM, old serial log). */
export function applyCloneEdits(xml: string, edits: CloneEdits): string {
  const domain = parseOrdered(xml);
  setChildText(domain, 'name', edits.name);
  setChildText(domain, 'uuid', edits.uuid);
  // libvirt creates a fresh NVRAM from the template for the clone; the original's file stays its own.
  const os = findChild(domain, 'os');
  if (os !== undefined) removeChildren(os, 'nvram');
  const devices = findChild(domain, 'devices');
  if (devices !== undefined) {
    findChildren(devices, 'interface').forEach((iface, i) => {
      const mac = edits.macs[i];
      removeChildren(iface, 'mac');
      removeChildren(iface, 'target');
      if (mac !== undefined) {
        const t = tagOf(iface);
        if (t !== undefined) iface[t] = [{ mac: [], ':@': { '@address': mac } }, ...childrenOf(iface)];
      }
    });
    for (const disk of findChildren(devices, 'disk')) {
      const target = getAttr(findChild(disk, 'target') ?? {}, 'dev');
      const edit = edits.disks.find((d) => d.target === target);
      if (edit === undefined) continue;
      const source = findChild(disk, 'source');
      if (source === undefined) continue;
      for (const a of ['file', 'dev', 'pool', 'volume', 'dir']) deleteAttr(source, a);
      if ('file' in edit.source) {
        setAttr(disk, 'type', 'file');
        setAttr(source, 'file', edit.source.file);
      } else if ('dev' in edit.source) {
        setAttr(disk, 'type', 'block');
        setAttr(source, 'dev', edit.source.dev);
      } else {
        setAttr(disk, 'type', 'volume');
        setAttr(source, 'pool', edit.source.pool);
        setAttr(source, 'volume', edit.source.volume);
      }
      // A backing chain recorded for the original describes the original's file.
      removeChildren(disk, 'backingStore');
    }
    for (const kind of ['serial', 'console']) {
      for (const chr of findChildren(devices, kind)) {
        const log = findChild(chr, 'log');
        if (log === undefined) continue;
        if (edits.serialLogFile !== undefined && kind === 'serial') setAttr(log, 'file', edits.serialLogFile);
        else removeChildren(chr, 'log');
      }
    }
    for (const g of findChildren(devices, 'graphics')) {
      // A fixed port would clash with the original's.
      if (getAttr(g, 'autoport') === 'no' || (getAttr(g, 'port') !== undefined && getAttr(g, 'port') !== '-1')) {
        setAttr(g, 'port', '-1');
        setAttr(g, 'autoport', 'yes');
      }
    }
  }
  return buildOrdered(domain);
}
