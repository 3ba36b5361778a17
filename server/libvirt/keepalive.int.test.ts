import { describe, expect, it } from 'vitest';
import { LibvirtClient } from './index.js';
import { TEST_URI, waitFor } from './test-support.test-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('keepalive with the real daemon', () => {
  it('stays connected while idle: the daemon answers our frequent PINGs', async () => {
    const client = await LibvirtClient.connect({ uri: TEST_URI, keepalive: { intervalMs: 200, count: 1 } });
    const drops: unknown[] = [];
    client.on('disconnected', (e) => drops.push(e));
    try {
      // Without PONGs the client would drop the connection after 400 ms of silence.
      await sleep(2500);
      expect(drops).toEqual([]);
      expect(client.state).toBe('connected');
      expect((await client.connectGetUri()).uri).toBe(TEST_URI);
    } finally {
      await client.close();
    }
  });

  it("answers the daemon's own PINGs, so the daemon keeps an idle client (keepalive 5 s x 5)", async () => {
    // Our own pings effectively off: only the daemon's pings and our PONGs cross the wire.
    const client = await LibvirtClient.connect({ uri: TEST_URI, keepalive: { intervalMs: 600_000, count: 1 }, reconnect: false });
    const drops: unknown[] = [];
    const pings: number[] = [];
    const started = Date.now();
    client.on('disconnected', (e) => drops.push(e));
    client.on('daemonPing', () => pings.push(Date.now() - started));
    try {
      // libvirtd pings after 5 s of silence; each PING is answered with a PONG, which resets the
      // daemon's countdown (it drops a client after 5 unanswered PINGs). Two answered PINGs on a
      // live connection prove the exchange without waiting out the 30 s drop.
      await waitFor(() => (pings.length >= 2 ? true : undefined), 20_000, 'two PINGs from libvirtd');
      expect(pings[0]).toBeGreaterThanOrEqual(4_000);
      expect((pings[1] ?? 0) - (pings[0] ?? 0)).toBeGreaterThanOrEqual(4_000);
      expect(drops).toEqual([]);
      expect((await client.connectGetUri()).uri).toBe(TEST_URI);
    } finally {
      await client.close();
    }
  }, 30_000);
});
