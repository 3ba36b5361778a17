/**
 * The one origin rule: a state-changing request or WebSocket upgrade that a browser could have sent on
 * behalf of another site (it carries the session cookie by itself) must come from this server's own
 * origin or one configured in VIRTDECK_ORIGINS.
 */

export interface OriginHeaders {
  origin?: string | undefined;
  host?: string | undefined;
  secFetchSite?: string | undefined;
}

/** scheme://host[:port] as URL normalises it (lower case, default port dropped), or undefined. */
export function normaliseOrigin(text: string): string | undefined {
  if (text === 'null') return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The origin a browser shows for this server, from the scheme it was reached by and its Host header. */
export function ownOrigin(protocol: 'http' | 'https', host: string | undefined): string | undefined {
  if (host === undefined || host === '' || /[\s/?#@]/.test(host)) return undefined;
  return normaliseOrigin(`${protocol}://${host}`);
}

/** True when the request demonstrably comes from this server's pages or an allowed origin. */
export function isSameOrigin(headers: OriginHeaders, protocol: 'http' | 'https', allowedOrigins: readonly string[]): boolean {
  // Browsers set Sec-Fetch-Site themselves; no page can forge it (it also covers a proxy that rewrites Host).
  if (headers.secFetchSite === 'same-origin') return true;
  if (headers.origin === undefined) return false;
  const origin = normaliseOrigin(headers.origin);
  if (origin === undefined) return false;
  if (allowedOrigins.includes(origin)) return true;
  return origin === ownOrigin(protocol, headers.host);
}

/** True when a browser says the request comes from elsewhere; requests without browser headers say nothing. */
export function isForeignBrowserRequest(headers: OriginHeaders, protocol: 'http' | 'https', allowedOrigins: readonly string[]): boolean {
  if (headers.origin === undefined && headers.secFetchSite === undefined) return false;
  if (headers.origin === undefined && headers.secFetchSite === 'none') return false;
  return !isSameOrigin(headers, protocol, allowedOrigins);
}
