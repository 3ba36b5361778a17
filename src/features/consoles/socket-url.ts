import type { ConsoleKind } from './layout';

/** The console WebSocket URL on this server (same origin, so the Origin check passes). */
export function consoleSocketUrl(
  host: string,
  uuid: string,
  kind: ConsoleKind,
  query: Record<string, string> = {},
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const path = ['/api/v1/hosts', encodeURIComponent(host), 'vms', encodeURIComponent(uuid), 'console', kind].join('/');
  const search = new URLSearchParams(query).toString();
  return `${scheme}//${location.host}${path}${search === '' ? '' : `?${search}`}`;
}
