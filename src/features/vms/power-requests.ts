/**
 * Shutdown and reboot requests sent to guests, until libvirt shows they happened (shut off, or a
 * reboot event). The guest decides whether to answer at all: these requests are what lets the
 * page say "shutting down…" with the time since it was sent, and later that it did not respond.
 */
import { useSyncExternalStore } from 'react';

export type PowerRequestAction = 'shutdown' | 'reboot';

export interface PowerRequest {
  action: PowerRequestAction;
  /** Milliseconds since the epoch when it was sent (or when the user chose to wait longer). */
  sentAt: number;
}

class PowerRequests {
  private readonly requests = new Map<string, PowerRequest>();
  private readonly listeners = new Set<() => void>();

  private key(host: string, uuid: string): string {
    return `${host}\u0000${uuid}`;
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  start(host: string, uuid: string, action: PowerRequestAction, at = Date.now()): void {
    this.requests.set(this.key(host, uuid), { action, sentAt: at });
    this.changed();
  }

  /** Ends the request (of that action only, when given): it happened, or it no longer applies. */
  clear(host: string, uuid: string, action?: PowerRequestAction): void {
    const key = this.key(host, uuid);
    const request = this.requests.get(key);
    if (request === undefined || (action !== undefined && request.action !== action)) return;
    this.requests.delete(key);
    this.changed();
  }

  get(host: string, uuid: string): PowerRequest | undefined {
    return this.requests.get(this.key(host, uuid));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const powerRequests = new PowerRequests();

export function usePowerRequest(host: string, uuid: string): PowerRequest | undefined {
  return useSyncExternalStore(
    (l) => powerRequests.subscribe(l),
    () => powerRequests.get(host, uuid),
  );
}

export type PowerRequestPhase = { phase: 'waiting'; elapsedSeconds: number } | { phase: 'no-response'; elapsedSeconds: number };

/** Waiting until the timeout has passed, then no response. */
export function powerRequestPhase(request: PowerRequest, now: number, timeoutSeconds: number): PowerRequestPhase {
  const elapsedSeconds = Math.max(0, Math.floor((now - request.sentAt) / 1000));
  return { phase: elapsedSeconds >= timeoutSeconds ? 'no-response' : 'waiting', elapsedSeconds };
}
