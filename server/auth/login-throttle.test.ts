import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, LoginThrottle } from './login-throttle.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('LoginThrottle', () => {
  it('lets 5 failures through, then locks with a delay that doubles per further failure', () => {
    const c = clock();
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, c.now);
    for (let i = 0; i < 4; i++) {
      expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
      throttle.finish('alice', '10.0.0.1', false);
    }
    expect(throttle.retryAfterMs('alice', '10.0.0.1')).toBe(0);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
    throttle.finish('alice', '10.0.0.1', false);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(1000);
    c.advance(1000);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
    throttle.finish('alice', '10.0.0.1', false);
    expect(throttle.retryAfterMs('alice', '10.0.0.1')).toBe(2000);
    c.advance(2000);
    throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.retryAfterMs('alice', '10.0.0.1')).toBe(4000);
  });

  it('locks the user name from any address and the address for any user name', () => {
    const c = clock();
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, c.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure('alice', `10.0.0.${i}`);
    expect(throttle.retryAfterMs('alice', '192.168.1.1')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('bob', '192.168.1.1')).toBe(0);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, '10.9.9.9');
    expect(throttle.retryAfterMs('carol', '10.9.9.9')).toBeGreaterThan(0);
  });

  it("clears the user name's count on success but not the address's", () => {
    const c = clock();
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, c.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('alice', '10.0.0.1');
    throttle.finish('alice', '10.0.0.1', true);
    throttle.recordFailure('alice', '10.0.0.2');
    expect(throttle.retryAfterMs('alice', '10.0.0.2')).toBe(0);
    throttle.recordFailure('mallory', '10.0.0.1');
    expect(throttle.retryAfterMs('anyone', '10.0.0.1')).toBe(1000);
  });

  it('caps the delay', () => {
    const c = clock();
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, c.now);
    for (let i = 0; i < 60; i++) throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.retryAfterMs('alice', '10.0.0.1')).toBe(DEFAULT_THROTTLE.maxDelayMs);
  });

  it('bounds parallel checks per user name so concurrent guesses cannot outrun the count', () => {
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, clock().now);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
    expect(throttle.begin('alice', '10.0.0.2')).toBe(0);
    expect(throttle.begin('alice', '10.0.0.3')).toBeGreaterThan(0);
    throttle.finish('alice', '10.0.0.1', false);
    expect(throttle.begin('alice', '10.0.0.3')).toBe(0);
  });

  it('forgets quiet keys and stays within its size bound', () => {
    const c = clock();
    const throttle = new LoginThrottle({ ...DEFAULT_THROTTLE, maxKeys: 100 }, c.now);
    for (let i = 0; i < 500; i++) throttle.recordFailure(`made-up-${i}`, '10.0.0.1');
    expect(throttle.size).toBeLessThanOrEqual(101);
    expect(throttle.retryAfterMs('anyone', '10.0.0.1')).toBeGreaterThan(0);
    c.advance(DEFAULT_THROTTLE.maxDelayMs + DEFAULT_THROTTLE.forgetAfterMs + 1);
    throttle.recordFailure('late', '10.0.0.2');
    expect(throttle.size).toBe(2);
  });
});
