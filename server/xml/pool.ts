/** Storage pool XML ⇄ typed objects. Built with XMLBuilder: every user string is escaped. */
import type { PoolAdapter, PoolAuth, PoolCreateBody, PoolSource } from '../../common/storage.js';
import { effectiveTarget } from '../../common/storage-pool-check.js';
import {
  attr, child, children, parseRoot, scaledBytes, storageXmlBuilder, storageXmlParser, text,
  type XmlNode, type XmlValue,
} from './pool-volume-util.js';

function buildSource(s: PoolSource): XmlNode {
  const src: XmlNode = {};
  if (s.host) src['host'] = { '@name': s.host, ...(s.port !== undefined ? { '@port': String(s.port) } : {}) };
  if (s.dir) src['dir'] = { '@path': s.dir };
  if (s.device) src['device'] = { '@path': s.device };
  if (s.adapter) {
    const a = s.adapter;
    src['adapter'] = a.type === 'scsi_host'
      ? { '@type': 'scsi_host', '@name': a.name ?? '' }
      : {
          '@type': 'fc_host',
          ...(a.parent ? { '@parent': a.parent } : {}),
          '@wwnn': a.wwnn ?? '',
          '@wwpn': a.wwpn ?? '',
        };
  }
  if (s.name) src['name'] = s.name;
  if (s.format) src['format'] = { '@type': s.format };
  if (s.auth) {
    src['auth'] = {
      '@type': s.auth.type,
      '@username': s.auth.username,
      secret: s.auth.secretUuid ? { '@uuid': s.auth.secretUuid } : { '@usage': s.auth.secretUsage ?? '' },
    };
  }
  if (s.initiatorIqn) src['initiator'] = { iqn: { '@name': s.initiatorIqn } };
  return src;
}

/** Pool XML for a (validated) wizard request. */
export function buildPoolXml(body: PoolCreateBody): string {
  const pool: XmlNode = { '@type': body.type, name: body.name };
  const source = buildSource(body.source ?? {});
  if (Object.keys(source).length > 0) pool['source'] = source;
  const target = effectiveTarget(body);
  if (target !== undefined) pool['target'] = { path: target };
  return storageXmlBuilder.build({ pool }) as string;
}

export interface ParsedPool {
  name: string;
  uuid?: string;
  type: string;
  capacityBytes?: number;
  allocationBytes?: number;
  availableBytes?: number;
  targetPath?: string;
  source: PoolSource;
}

function parseSource(src: XmlNode | undefined): PoolSource {
  const out: PoolSource = {};
  if (!src) return out;
  const host = children(src, 'host')[0];
  if (host) {
    const name = attr(host, 'name');
    if (name) out.host = name;
    const port = attr(host, 'port');
    if (port && /^\d+$/.test(port)) out.port = Number(port);
  }
  const dir = attr(child(src, 'dir'), 'path');
  if (dir) out.dir = dir;
  const device = attr(children(src, 'device')[0], 'path');
  if (device) out.device = device;
  const name = text(src, 'name');
  if (name) out.name = name;
  const format = attr(child(src, 'format'), 'type');
  if (format) out.format = format;
  const adapter = child(src, 'adapter');
  if (adapter) {
    const type = attr(adapter, 'type') === 'fc_host' || attr(adapter, 'wwnn') ? 'fc_host' : 'scsi_host';
    const a: PoolAdapter = { type };
    for (const f of ['name', 'wwnn', 'wwpn', 'parent'] as const) {
      const v = attr(adapter, f);
      if (v) a[f] = v;
    }
    out.adapter = a;
  }
  const auth = child(src, 'auth');
  if (auth) {
    const type = attr(auth, 'type') === 'ceph' ? 'ceph' : 'chap';
    const a: PoolAuth = { type, username: attr(auth, 'username') ?? '' };
    const secret = child(auth, 'secret');
    const uuid = attr(secret, 'uuid');
    const usage = attr(secret, 'usage');
    if (uuid) a.secretUuid = uuid;
    if (usage) a.secretUsage = usage;
    out.auth = a;
  }
  const iqn = attr(child(child(src, 'initiator'), 'iqn'), 'name');
  if (iqn) out.initiatorIqn = iqn;
  return out;
}

export function parsePoolXml(xml: string): ParsedPool {
  const pool = parseRoot(xml, 'pool');
  const out: ParsedPool = {
    name: text(pool, 'name') ?? '',
    type: attr(pool, 'type') ?? '',
    source: parseSource(child(pool, 'source')),
  };
  const uuid = text(pool, 'uuid');
  if (uuid) out.uuid = uuid;
  const cap = scaledBytes(pool, 'capacity');
  if (cap !== undefined) out.capacityBytes = cap;
  const alloc = scaledBytes(pool, 'allocation');
  if (alloc !== undefined) out.allocationBytes = alloc;
  const avail = scaledBytes(pool, 'available');
  if (avail !== undefined) out.availableBytes = avail;
  const targetPath = text(child(pool, 'target'), 'path');
  if (targetPath) out.targetPath = targetPath;
  return out;
}

/** Parses the `<sources>` document of virConnectFindStoragePoolSources. */
export function parsePoolSourcesXml(xml: string): PoolSource[] {
  const doc: unknown = storageXmlParser.parse(xml);
  const sources = typeof doc === 'object' && doc !== null ? (doc as XmlNode)['sources'] : undefined;
  return children(sources as XmlValue, 'source').map((s) => parseSource(s));
}

/** The `<source>` document virConnectFindStoragePoolSources takes as a hint (host to scan). */
export function buildSourceSpecXml(host: string | undefined, port?: number): string {
  if (!host) return '';
  return storageXmlBuilder.build({ source: { host: { '@name': host, ...(port !== undefined ? { '@port': String(port) } : {}) } } }) as string;
}
