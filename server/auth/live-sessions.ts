import type { Principal } from './principal.js';

/** WebSocket close code for a console whose session or token ended (logout, revoked, expired). */
export const SESSION_ENDED_CLOSE_CODE = 4401;
export const SWEEP_INTERVAL_MS = 5000;

interface LiveConnection {
  principal: Principal;
  close: () => void;
  recheck: (touch: boolean) => boolean;
  /** Set by traffic from the client (console input): the next sweep counts it as session activity. */
  active: boolean;
}

export interface LiveHandle {
  markActive(): void;
  remove(): void;
}

/**
 * Long-lived connections (SSE streams, console WebSockets) by the credential that opened them, so that
 * revoking a session or token, or disabling a user, ends them at once; a sweep ends those that expired.
 */
export class LiveConnections {
  private readonly connections = new Set<LiveConnection>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onError: (message: string, err: unknown) => void = () => undefined) {}

  add(principal: Principal, recheck: (touch: boolean) => boolean, close: () => void): LiveHandle {
    const connection: LiveConnection = { principal, recheck, close, active: false };
    this.connections.add(connection);
    return {
      markActive: () => {
        connection.active = true;
      },
      remove: () => {
        this.connections.delete(connection);
      },
    };
  }

  get size(): number {
    return this.connections.size;
  }

  /** Ends the connections opened with this session or token. */
  closeCredential(via: Principal['via'], credentialId: string): number {
    return this.closeWhere((c) => c.principal.via === via && c.principal.credentialId === credentialId);
  }

  /** Ends every connection of a user, except those of `keep` (the session that made the change). */
  closeUser(userId: number, keep?: { via: Principal['via']; credentialId: string }): number {
    return this.closeWhere(
      (c) => c.principal.user.id === userId && !(keep !== undefined && c.principal.via === keep.via && c.principal.credentialId === keep.credentialId),
    );
  }

  /** Re-checks every credential: expired, deleted or disabled ones end their connections. */
  sweep(): number {
    const verdicts = new Map<string, boolean>();
    return this.closeWhere((c) => {
      const key = `${c.principal.via}:${c.principal.credentialId}`;
      const touch = c.active;
      c.active = false;
      let alive = touch ? undefined : verdicts.get(key);
      if (alive === undefined) {
        try {
          alive = c.recheck(touch);
        } catch (err) {
          this.onError('could not re-check a live session', err);
          alive = true;
        }
        verdicts.set(key, alive);
      }
      return !alive;
    });
  }

  start(intervalMs = SWEEP_INTERVAL_MS): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private closeWhere(match: (c: LiveConnection) => boolean): number {
    const doomed = [...this.connections].filter(match);
    for (const c of doomed) {
      this.connections.delete(c);
      try {
        c.close();
      } catch (err) {
        this.onError('could not close a live connection', err);
      }
    }
    return doomed.length;
  }
}
