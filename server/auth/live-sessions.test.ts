import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { LiveConnections } from './live-sessions.js';
import { grantAccess } from './principal.js';

function principal(userId: number, via: Principal['via'], credentialId: string): Principal {
  return {
    user: { id: userId, username: `u${userId}`, realm: 'local', disabled: false, createdAt: '' },
    via,
    credentialId,
    grants: [],
    roles: [],
    access: grantAccess([], []),
  };
}

describe('LiveConnections', () => {
  it('closes the connections of one credential, or of a user except the one kept', () => {
    const live = new LiveConnections();
    const closed: string[] = [];
    live.add(principal(1, 'session', 's1'), () => true, () => closed.push('s1'));
    live.add(principal(1, 'session', 's2'), () => true, () => closed.push('s2'));
    live.add(principal(1, 'token', 't1'), () => true, () => closed.push('t1'));
    live.add(principal(2, 'session', 's3'), () => true, () => closed.push('s3'));
    expect(live.closeCredential('session', 's2')).toBe(1);
    expect(closed).toEqual(['s2']);
    expect(live.closeUser(1, { via: 'session', credentialId: 's1' })).toBe(1);
    expect(closed).toEqual(['s2', 't1']);
    expect(live.size).toBe(2);
  });

  it('sweeps credentials that no longer pass, checking each once, and counts console input as activity', () => {
    const live = new LiveConnections();
    const checks: boolean[] = [];
    let valid = true;
    const recheck = (touch: boolean) => {
      checks.push(touch);
      return valid;
    };
    const closed: number[] = [];
    live.add(principal(1, 'session', 's1'), recheck, () => closed.push(1));
    const active = live.add(principal(1, 'session', 's1'), recheck, () => closed.push(2));
    active.markActive();
    expect(live.sweep()).toBe(0);
    expect(checks).toEqual([false, true]);
    valid = false;
    expect(live.sweep()).toBe(2);
    expect(closed).toEqual([1, 2]);
  });

  it('forgets removed connections', () => {
    const live = new LiveConnections();
    const handle = live.add(principal(1, 'session', 's1'), () => false, () => {
      throw new Error('must not be called');
    });
    handle.remove();
    expect(live.sweep()).toBe(0);
  });
});
