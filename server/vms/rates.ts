import type { TypedParamScalar } from '../libvirt/index.js';
import type { VmStats } from '../../common/vms.js';

/** The counters of one domain in one connectGetAllDomainStats answer. */
export interface Counters {
  at: number;
  cpuTimeNs: number | undefined;
  vcpus: number | undefined;
  balloonCurrentKiB: number | undefined;
  balloonAvailableKiB: number | undefined;
  balloonUnusedKiB: number | undefined;
  balloonRssKiB: number | undefined;
  diskReadBytes: number | undefined;
  diskWriteBytes: number | undefined;
  netRxBytes: number | undefined;
  netTxBytes: number | undefined;
}

function num(value: TypedParamScalar | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** Sums `<prefix>.<i>.<suffix>` for i < `<prefix>.count`; undefined when there is no such device. */
function sum(p: Record<string, TypedParamScalar>, prefix: string, suffix: string): number | undefined {
  const count = num(p[`${prefix}.count`]);
  if (count === undefined || count === 0) return undefined;
  let total = 0;
  let seen = false;
  for (let i = 0; i < count; i++) {
    const v = num(p[`${prefix}.${i}.${suffix}`]);
    if (v !== undefined) {
      total += v;
      seen = true;
    }
  }
  return seen ? total : undefined;
}

export function countersOf(p: Record<string, TypedParamScalar>, at: number): Counters {
  return {
    at,
    cpuTimeNs: num(p['cpu.time']),
    vcpus: num(p['vcpu.current']),
    balloonCurrentKiB: num(p['balloon.current']),
    balloonAvailableKiB: num(p['balloon.available']),
    balloonUnusedKiB: num(p['balloon.unused']),
    balloonRssKiB: num(p['balloon.rss']),
    diskReadBytes: sum(p, 'block', 'rd.bytes'),
    diskWriteBytes: sum(p, 'block', 'wr.bytes'),
    netRxBytes: sum(p, 'net', 'rx.bytes'),
    netTxBytes: sum(p, 'net', 'tx.bytes'),
  };
}

function rate(prev: number | undefined, cur: number | undefined, seconds: number): number | undefined {
  if (prev === undefined || cur === undefined || seconds <= 0 || cur < prev) return undefined;
  return (cur - prev) / seconds;
}

/**
 * Rates between two samples. CPU % is of all the VM's vCPUs (100 = every vCPU busy). Memory used is
 * what the guest reports as in use when the balloon driver gives stats, else QEMU's resident size.
 */
export function statsBetween(prev: Counters | undefined, cur: Counters): VmStats {
  const seconds = prev === undefined ? 0 : (cur.at - prev.at) / 1000;
  const cpuNsPerSec = rate(prev?.cpuTimeNs, cur.cpuTimeNs, seconds);
  const vcpus = cur.vcpus ?? 1;
  const guestUsed =
    cur.balloonAvailableKiB !== undefined && cur.balloonUnusedKiB !== undefined ? cur.balloonAvailableKiB - cur.balloonUnusedKiB : undefined;
  const usedKiB = guestUsed ?? cur.balloonRssKiB;
  const availableKiB = cur.balloonAvailableKiB ?? cur.balloonCurrentKiB;
  const stats: VmStats = { at: cur.at };
  if (cpuNsPerSec !== undefined) stats.cpuPercent = Math.min(100, Math.max(0, cpuNsPerSec / 1e9 / vcpus) * 100);
  if (usedKiB !== undefined) {
    stats.memUsedBytes = usedKiB * 1024;
    stats.memSource = guestUsed === undefined ? 'host' : 'guest';
  }
  if (availableKiB !== undefined) stats.memAvailableBytes = availableKiB * 1024;
  const rd = rate(prev?.diskReadBytes, cur.diskReadBytes, seconds);
  const wr = rate(prev?.diskWriteBytes, cur.diskWriteBytes, seconds);
  const rx = rate(prev?.netRxBytes, cur.netRxBytes, seconds);
  const tx = rate(prev?.netTxBytes, cur.netTxBytes, seconds);
  if (rd !== undefined) stats.diskReadBps = rd;
  if (wr !== undefined) stats.diskWriteBps = wr;
  if (rx !== undefined) stats.netRxBps = rx;
  if (tx !== undefined) stats.netTxBps = tx;
  return stats;
}
