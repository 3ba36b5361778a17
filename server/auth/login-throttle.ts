/**
 * Failed logins per user name and per client address, in memory. After `freeFailures` failures in a row
 * the key is locked for a delay that doubles with each further failure; a success clears the user name's
 * count (not the address's, or one valid account would reset an attacker's budget for guessing others).
 */

export interface ThrottleOptions {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key without failures for this long is forgotten. */
  forgetAfterMs: number;
  /** Bound on remembered keys, so a flood of made-up names cannot grow memory without end. */
  maxKeys: number;
  /** Logins checked at once per user name and per address: parallel guesses must not outrun the count. */
  maxInFlightPerUser: number;
  maxInFlightPerAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 10_000,
  maxInFlightPerUser: 2,
  maxInFlightPerAddress: 8,
};

/** How long to tell a client to wait when too many of its logins are being checked at once. */
const BUSY_RETRY_MS = 1000;

interface Counter {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a login for this user name from this address may be tried; 0 when it may now. */
  retryAfterMs(username: string, address: string): number {
    const at = this.now();
    let wait = 0;
    for (const key of this.keys(username, address)) {
      const counter = this.counters.get(key);
      if (counter !== undefined) wait = Math.max(wait, counter.lockedUntil - at);
    }
    return Math.max(0, wait);
  }

  /**
   * Starts checking a login: 0 when it may go ahead (then call finish), otherwise the milliseconds to wait.
   */
  begin(username: string, address: string): number {
    const wait = this.retryAfterMs(username, address);
    if (wait > 0) return wait;
    const [user, addr] = this.keys(username, address);
    if ((this.inFlight.get(user) ?? 0) >= this.options.maxInFlightPerUser || (this.inFlight.get(addr) ?? 0) >= this.options.maxInFlightPerAddress) {
      return BUSY_RETRY_MS;
    }
    for (const key of [user, addr]) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    return 0;
  }

  finish(username: string, address: string, succeeded: boolean): void {
    for (const key of this.keys(username, address)) {
      const n = (this.inFlight.get(key) ?? 1) - 1;
      if (n <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, n);
    }
    if (succeeded) this.recordSuccess(username);
    else this.recordFailure(username, address);
  }

  recordFailure(username: string, address: string): void {
    const at = this.now();
    this.forgetOld(at);
    for (const key of this.keys(username, address)) {
      const counter = this.counters.get(key) ?? { failures: 0, lastFailureAt: at, lockedUntil: 0 };
      counter.failures += 1;
      counter.lastFailureAt = at;
      const beyond = counter.failures - this.options.freeFailures;
      if (beyond >= 0) counter.lockedUntil = at + Math.min(this.options.baseDelayMs * 2 ** Math.min(beyond, 30), this.options.maxDelayMs);
      this.counters.delete(key); // re-insert: the map stays ordered by last failure
      this.counters.set(key, counter);
    }
  }

  recordSuccess(username: string): void {
    this.counters.delete(userKey(username));
  }

  get size(): number {
    return this.counters.size;
  }

  private keys(username: string, address: string): [string, string] {
    return [userKey(username), `a:${address}`];
  }

  private forgetOld(at: number): void {
    for (const [key, counter] of this.counters) {
      const stale = at - counter.lastFailureAt > this.options.forgetAfterMs && counter.lockedUntil <= at;
      if (!stale && this.counters.size < this.options.maxKeys) break;
      this.counters.delete(key);
    }
  }
}

function userKey(username: string): string {
  return `u:${username.toLowerCase().slice(0, 64)}`;
}
