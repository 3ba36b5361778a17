/**
 * The OS catalog from Debian's osinfo-db (/usr/share/osinfo/os/<vendor>/<os>.xml): read once on
 * first use, inheritance (derives-from, clones) resolved, kept in memory.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERIC_LINUX, type OsEntry } from '../../common/provisioning.js';
import { parseOsinfoXml, type OsResources, type RawOs } from './parse.js';

export const OSINFO_DIR = '/usr/share/osinfo/os';

// PCI ids of virtio block and net (legacy and virtio 1.0).
const VIRTIO_DISK = ['http://pcisig.com/pci/1af4/1001', 'http://pcisig.com/pci/1af4/1042'];
const VIRTIO_NET = ['http://pcisig.com/pci/1af4/1000', 'http://pcisig.com/pci/1af4/1041'];
const GiB = 1024 ** 3;

export const OTHER_OS: OsEntry = {
  id: 'other',
  shortId: 'other',
  name: 'Other',
  eol: false,
  recommendedRamBytes: 1 * GiB,
  recommendedStorageBytes: 10 * GiB,
  recommendedVcpus: 1,
  virtioDisk: false,
  virtioNet: false,
};

function pickResources(byArch: Record<string, OsResources>, arch: string): OsResources {
  return { ...byArch['all'], ...byArch[arch] };
}

/** Resolves inheritance: devices are the union along the parents; missing resources come from the nearest parent. */
export function resolveOses(raws: readonly RawOs[], arch: string, today = new Date().toISOString().slice(0, 10)): OsEntry[] {
  const byId = new Map<string, RawOs>();
  for (const r of raws) if (!byId.has(r.id)) byId.set(r.id, r);
  const deviceCache = new Map<string, Set<string>>();

  const devicesOf = (id: string, seen: Set<string>): Set<string> => {
    const cached = deviceCache.get(id);
    if (cached !== undefined) return cached;
    const raw = byId.get(id);
    const out = new Set<string>();
    if (raw === undefined || seen.has(id)) return out;
    seen.add(id);
    for (const p of raw.parents) for (const d of devicesOf(p, seen)) out.add(d);
    for (const d of raw.unsupportedDevices) out.delete(d);
    for (const d of raw.devices) out.add(d);
    deviceCache.set(id, out);
    return out;
  };

  const inherited = (raw: RawOs, pick: (r: RawOs) => OsResources, seen = new Set<string>()): OsResources => {
    const own = pick(raw);
    if (seen.has(raw.id)) return own;
    seen.add(raw.id);
    let merged = { ...own };
    for (const p of raw.parents) {
      const parent = byId.get(p);
      if (parent === undefined) continue;
      merged = { ...inherited(parent, pick, seen), ...merged };
    }
    return merged;
  };

  return [...byId.values()].map((raw) => {
    const devices = devicesOf(raw.id, new Set());
    const min = inherited(raw, (r) => pickResources(r.minimum, arch));
    const rec = inherited(raw, (r) => pickResources(r.recommended, arch));
    const entry: OsEntry = {
      id: raw.id,
      shortId: raw.shortIds[0] ?? raw.id,
      name: raw.name ?? raw.shortIds[0] ?? raw.id,
      eol: raw.eolDate !== undefined && raw.eolDate < today,
      virtioDisk: VIRTIO_DISK.some((d) => devices.has(d)),
      virtioNet: VIRTIO_NET.some((d) => devices.has(d)),
    };
    if (raw.vendor !== undefined) entry.vendor = raw.vendor;
    if (raw.family !== undefined) entry.family = raw.family;
    if (raw.releaseDate !== undefined) entry.releaseDate = raw.releaseDate;
    if (min.ramBytes !== undefined) entry.minimumRamBytes = min.ramBytes;
    // A recommendation inherited from an older parent can be below this OS's own minimum.
    const atLeastMin = (r: number | undefined, m: number | undefined): number | undefined => (r === undefined ? m : m === undefined ? r : Math.max(r, m));
    const recRam = atLeastMin(rec.ramBytes, min.ramBytes);
    if (recRam !== undefined) entry.recommendedRamBytes = recRam;
    if (min.storageBytes !== undefined) entry.minimumStorageBytes = min.storageBytes;
    const recStorage = atLeastMin(rec.storageBytes, min.storageBytes);
    if (recStorage !== undefined) entry.recommendedStorageBytes = recStorage;
    const cpus = rec.ncpus ?? min.ncpus;
    if (cpus !== undefined) entry.recommendedVcpus = cpus;
    return entry;
  });
}

async function xmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  // <os>.d/ folders hold installer driver lists for an OS defined elsewhere: nothing the wizard uses.
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.xml') && !e.parentPath.endsWith('.d'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function loadRawOses(dir = OSINFO_DIR): Promise<RawOs[]> {
  const files = await xmlFiles(dir);
  const out: RawOs[] = [];
  for (const file of files) {
    try {
      out.push(...parseOsinfoXml(await readFile(file, 'utf8')));
    } catch {
      // A broken file costs that one OS, not the catalog.
    }
  }
  return out;
}

function score(os: OsEntry, q: string): number {
  const short = os.shortId.toLowerCase();
  const name = os.name.toLowerCase();
  if (short === q) return 0;
  if (name === q) return 1;
  if (short.startsWith(q) || name.startsWith(q)) return 2;
  return 3;
}

export class OsCatalog {
  private loading: Promise<OsEntry[]> | undefined;

  constructor(
    private readonly dir = OSINFO_DIR,
    private readonly arch = 'x86_64',
  ) {}

  /** Every OS, generic entries first, then newest release first. Read from disk on first call. */
  all(): Promise<OsEntry[]> {
    this.loading ??= loadRawOses(this.dir).then((raws) => {
      const oses = resolveOses(raws, this.arch).sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || a.name.localeCompare(b.name));
      return [GENERIC_LINUX, OTHER_OS, ...oses];
    });
    return this.loading;
  }

  async get(id: string): Promise<OsEntry | undefined> {
    return (await this.all()).find((o) => o.id === id || o.shortId === id);
  }

  /** Every word of `q` must appear in the name, a short id, the vendor or the id. */
  async search(q: string, limit: number): Promise<{ total: number; oses: OsEntry[] }> {
    const all = await this.all();
    const query = q.trim().toLowerCase();
    if (query === '') return { total: all.length, oses: all.slice(0, limit) };
    const words = query.split(/\s+/);
    const hits = all.filter((os) => {
      const hay = `${os.name} ${os.shortId} ${os.vendor ?? ''} ${os.id} ${os.family ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const ranked = hits.map((os, i) => ({ os, i, s: score(os, query) })).sort((a, b) => a.s - b.s || a.i - b.i);
    return { total: hits.length, oses: ranked.slice(0, limit).map((r) => r.os) };
  }
}
