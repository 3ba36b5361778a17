// `npm run bench -- rpc`: our libvirt client against a virsh process doing the same work.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { LibvirtClient, type DomainRef } from '../server/libvirt/index.js';
import { round, type BenchResult } from './run.js';

const exec = promisify(execFile);
const URI = 'test:///default';
/** virsh must go through the daemon to see the same test-driver state. */
const VIRSH_URI = 'test+unix:///default';
const DOMAINS = 1000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(fn));
  return out;
}

function virsh(...args: string[]): Promise<unknown> {
  return exec('virsh', ['-q', '-c', VIRSH_URI, ...args], { maxBuffer: 256 * 1024 * 1024 });
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

function result(metric: string, value: number, unit: string, baseline: number | null): BenchResult {
  return {
    bench: 'rpc',
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null ? null : round(baseline / value, 3),
  };
}

export async function run(): Promise<BenchResult[]> {
  const client = await LibvirtClient.connect({ uri: URI });
  const prefix = `vt-bench-${randomBytes(3).toString('hex')}`;
  const doms: DomainRef[] = [];
  try {
    // 1. One getVersion-class call: our client vs a virsh process.
    for (let i = 0; i < 200; i++) await client.connectGetVersion();
    const ours = await samples(5000, () => client.connectGetVersion());
    await virsh('version');
    const theirs = await samples(30, () => virsh('version'));
    const oursP50 = percentile(ours, 50);
    const virshP50 = percentile(theirs, 50);

    // 2. 1,000 running domains with all their stats in one round trip vs virsh domstats.
    const names = Array.from({ length: DOMAINS }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
    await inBatches(names, 50, async (name) => {
      const { dom } = await client.domainDefineXml({
        xml: `<domain type='test'><name>${name}</name><memory unit='KiB'>8192</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`,
      });
      await client.domainCreate({ dom });
      doms.push(dom);
    });
    const listAll = async (): Promise<number> => {
      const { retStats } = await client.connectGetAllDomainStats({ stats: 0, flags: 0 });
      return retStats.length;
    };
    const count = await listAll();
    if (count < DOMAINS) throw new Error(`expected at least ${DOMAINS} domains, got ${count}`);
    const statsOurs = await samples(20, listAll);
    await virsh('domstats');
    const statsVirsh = await samples(5, () => virsh('domstats'));
    const statsP50 = percentile(statsOurs, 50);

    return [
      result('getVersion-latency-p50', oursP50, 'ms', virshP50),
      result('getVersion-latency-p95', percentile(ours, 95), 'ms', percentile(theirs, 95)),
      result(`allDomainStats-${count}-domains-p50`, statsP50, 'ms', percentile(statsVirsh, 50)),
      // Target: under 100 ms for 1,000 domains (ratio > 1 means under target).
      result('allDomainStats-1000-vs-100ms-target', statsP50, 'ms', 100),
    ];
  } finally {
    await inBatches(doms, 50, async (dom) => {
      await client.domainDestroy({ dom }).catch(() => undefined);
      await client.domainUndefine({ dom }).catch(() => undefined);
    });
    await client.close();
  }
}
