import { describe, expect, it } from 'vitest';
import { EventHub } from './hub.js';

describe('EventHub', () => {
  it('numbers events, delivers them to every sink and reports activity', () => {
    const hub = new EventHub();
    const activity: boolean[] = [];
    hub.onActivity((on) => activity.push(on));
    const a: string[] = [];
    const b: string[] = [];
    const offA = hub.subscribe((f) => a.push(f));
    const offB = hub.subscribe((f) => b.push(f));
    hub.publish({ type: 'vm', data: { host: 'local', name: 'x' } });
    expect(a).toEqual(['id: 1\nevent: vm\ndata: {"host":"local","name":"x"}\n\n']);
    expect(b).toEqual(a);
    offA();
    offB();
    expect(activity).toEqual([true, false]);
  });

  it('replays what a reconnecting client missed, except stats', () => {
    const hub = new EventHub();
    hub.publish({ type: 'vm', data: { host: 'a' } });
    hub.publish({ type: 'stats', data: { host: 'a' } });
    hub.publish({ type: 'host', data: { host: 'a' } });
    expect(hub.missedSince(1)).toEqual(['id: 3\nevent: host\ndata: {"host":"a"}\n\n']);
    expect(hub.missedSince(3)).toEqual([]);
    expect(hub.missedSince(99)).toBeUndefined();
  });

  it('asks for a resync when the gap left the replay buffer', () => {
    const hub = new EventHub();
    for (let i = 0; i < 2100; i++) hub.publish({ type: 'vm', data: { host: 'a', i } });
    expect(hub.missedSince(50)).toBeUndefined();
    expect(hub.missedSince(2000)).toHaveLength(100);
  });
});
