import { describe, expect, it } from 'vitest';
import { countersOf, statsBetween } from './rates.js';

const sample = (at: number, cpuNs: bigint, extra: Record<string, number | bigint> = {}) =>
  countersOf(
    {
      'cpu.time': cpuNs,
      'vcpu.current': 2,
      'balloon.current': 131072n,
      'balloon.rss': 65536n,
      'block.count': 2,
      'block.0.rd.bytes': 1000n,
      'block.0.wr.bytes': 0n,
      'block.1.rd.bytes': 0n,
      'block.1.wr.bytes': 500n,
      'net.count': 1,
      'net.0.rx.bytes': 2048n,
      'net.0.tx.bytes': 0n,
      ...extra,
    },
    at,
  );

describe('statsBetween', () => {
  it('turns counters into rates over the interval', () => {
    const a = sample(10_000, 1_000_000_000n);
    const b = sample(12_000, 3_000_000_000n, { 'block.0.rd.bytes': 5000n, 'block.1.wr.bytes': 2500n, 'net.0.rx.bytes': 6144n, 'net.0.tx.bytes': 1000n });
    expect(statsBetween(a, b)).toEqual({
      at: 12_000,
      cpuPercent: 50, // 1 s of CPU per second on 2 vCPUs
      memUsedBytes: 64 * 1024 * 1024,
      memSource: 'host',
      memAvailableBytes: 128 * 1024 * 1024,
      diskReadBps: 2000,
      diskWriteBps: 1000,
      netRxBps: 2048,
      netTxBps: 500,
    });
  });

  it('prefers the guest view of memory and gives no rates on a first sample or after a restart', () => {
    const first = sample(0, 5n, { 'balloon.available': 120000n, 'balloon.unused': 100000n });
    expect(statsBetween(undefined, first)).toEqual({ at: 0, memUsedBytes: 20000 * 1024, memSource: 'guest', memAvailableBytes: 120000 * 1024 });
    const restarted = sample(2000, 1n);
    expect(statsBetween(first, restarted).cpuPercent).toBeUndefined();
  });
});
