import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { EventType } from '../../common/events.js';
import { api, ApiError } from './api';

/**
 * The one EventSource of the app (GET /api/v1/events). Features register a handler per event
 * type; a handler patches (setQueryData) or invalidates exactly the queries the event concerns:
 *
 *   onServerEvent<PoolEvent>('pool', (event, queryClient) => {
 *     void queryClient.invalidateQueries({ queryKey: ['pools', event.host] });
 *   });
 *
 * Register at module load of the feature (its routes module imports its events module).
 * The browser reconnects by itself and sends Last-Event-ID; the server then replays what was
 * missed or sends `resync`, upon which every query is refetched.
 *
 * A stream the browser gave up on (an answer other than 200, such as 401 once the session ended)
 * is checked against GET /api/v1/auth/me: a 401 there sends the user to the login page (the API
 * wrapper does that); otherwise the stream is opened anew a little later and every query refetched.
 */

export type ServerEventHandler<T> = (data: T, queryClient: QueryClient) => void;
export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

const EVENTS_URL = '/api/v1/events';
const ME_URL = '/api/v1/auth/me';
const REOPEN_AFTER_MS = 3000;

const handlers = new Map<EventType, Set<ServerEventHandler<never>>>();
let source: EventSource | undefined;
let client: QueryClient | undefined;
let status: StreamStatus = 'connecting';
const statusListeners = new Set<() => void>();

function setStatus(next: StreamStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function dispatch(type: EventType, event: MessageEvent<string>): void {
  const set = handlers.get(type);
  if (set === undefined || client === undefined) return;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    console.warn(`virtdeck: ignoring a "${type}" event that is not JSON`);
    return;
  }
  for (const handler of set) {
    try {
      (handler as ServerEventHandler<unknown>)(data, client);
    } catch (err) {
      console.error(`virtdeck: "${type}" event handler failed`, err);
    }
  }
}

const listening = new Set<EventType>();
function listen(type: EventType): void {
  if (source === undefined || listening.has(type)) return;
  listening.add(type);
  source.addEventListener(type, (event) => dispatch(type, event as MessageEvent<string>));
}

export function onServerEvent<T>(type: EventType, handler: ServerEventHandler<T>): () => void {
  let set = handlers.get(type);
  if (set === undefined) {
    set = new Set();
    handlers.set(type, set);
  }
  set.add(handler as ServerEventHandler<never>);
  listen(type);
  return () => set.delete(handler as ServerEventHandler<never>);
}

function open(queryClient: QueryClient, reopened: boolean): EventSource {
  const opened = new EventSource(EVENTS_URL);
  source = opened;
  listening.clear();
  for (const type of handlers.keys()) listen(type);
  let wasOpen = false;
  opened.addEventListener('open', () => {
    setStatus('open');
    // A new stream carries no Last-Event-ID, so the server cannot replay what was missed.
    if (reopened && !wasOpen) void queryClient.invalidateQueries();
    wasOpen = true;
  });
  opened.addEventListener('error', () => {
    setStatus(wasOpen ? 'reconnecting' : 'connecting');
    if (opened.readyState === EventSource.CLOSED) void recover(queryClient, opened);
  });
  return opened;
}

async function recover(queryClient: QueryClient, closed: EventSource): Promise<void> {
  try {
    await api.get<unknown>(ME_URL);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
  }
  setTimeout(() => {
    if (source === closed) open(queryClient, true);
  }, REOPEN_AFTER_MS);
}

/** Opens the stream; called once the user is logged in. Returns the function that closes it. */
export function startServerEvents(queryClient: QueryClient): () => void {
  if (source !== undefined) return () => undefined;
  client = queryClient;
  open(queryClient, false);
  return () => {
    source?.close();
    source = undefined;
    setStatus('connecting');
  };
}

function subscribeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

export function useServerEventsStatus(): StreamStatus {
  return useSyncExternalStore(subscribeStatus, () => status);
}

onServerEvent('resync', (_data, queryClient) => {
  void queryClient.invalidateQueries();
});
