/**
 * Cross-site WebSocket hijacking guard. Browsers always send Origin on a WebSocket upgrade; a page
 * on another site must not open a console, so the Origin has to name this server (the Host the
 * browser used) or be in the configured allow list. Requests without Origin come from non-browser
 * clients (scripts, benchmarks), which no web page can forge, and are let through.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowList: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowList.some((allowed) => allowed.toLowerCase() === url.origin.toLowerCase())) return true;
  if (host === undefined || host === '') return false;
  return url.host.toLowerCase() === hostWithDefaultPort(host, url.protocol).toLowerCase();
}

function hostWithDefaultPort(host: string, protocol: string): string {
  // URL.host drops default ports, so compare the Host header the same way.
  const defaultPort = protocol === 'https:' ? ':443' : ':80';
  return host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host;
}

/** `VIRTDECK_CONSOLE_ORIGINS=https://a.example,https://b.example` */
export function originAllowListFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env['VIRTDECK_CONSOLE_ORIGINS'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
