import { describe, expect, it } from 'vitest';
import { isForeignBrowserRequest, isSameOrigin, normaliseOrigin, ownOrigin } from './origin-check.js';

describe('the origin rule', () => {
  it("accepts the server's own origin, compared as URL normalises it", () => {
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8090', host: '127.0.0.1:8090' }, 'http', [])).toBe(true);
    expect(isSameOrigin({ origin: 'http://VirtDeck.local', host: 'virtdeck.local:80' }, 'http', [])).toBe(true);
    expect(isSameOrigin({ origin: 'https://virtdeck.local:443', host: 'virtdeck.local' }, 'https', [])).toBe(true);
    expect(isSameOrigin({ origin: 'http://localhost', host: 'localhost:80' }, 'http', [])).toBe(true);
    expect(isSameOrigin({ origin: 'http://[::1]:8080', host: '[::1]:8080' }, 'http', [])).toBe(true);
  });

  it('refuses other sites, ports and schemes, opaque and malformed origins, and a missing Host', () => {
    expect(isSameOrigin({ origin: 'http://evil.example', host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'http://virtdeck.local', host: 'virtdeck.local' }, 'https', [])).toBe(false);
    expect(isSameOrigin({ origin: 'null', host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'not a url', host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'file:///x', host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8090', host: undefined }, 'http', [])).toBe(false);
    expect(isSameOrigin({ origin: 'http://a.example', host: 'a.example/@evil' }, 'http', [])).toBe(false);
  });

  it('needs an Origin or Sec-Fetch-Site: same-origin; a request with neither is refused', () => {
    expect(isSameOrigin({ host: '127.0.0.1:8090' }, 'http', [])).toBe(false);
    expect(isSameOrigin({ host: '127.0.0.1:8090', secFetchSite: 'same-origin' }, 'http', [])).toBe(true);
    expect(isSameOrigin({ host: '127.0.0.1:8090', secFetchSite: 'cross-site' }, 'http', [])).toBe(false);
    // A proxy that rewrote Host: the browser's own Sec-Fetch-Site still tells.
    expect(isSameOrigin({ origin: 'https://virt.example', host: '127.0.0.1:8090', secFetchSite: 'same-origin' }, 'http', [])).toBe(true);
  });

  it('accepts the configured origins', () => {
    expect(isSameOrigin({ origin: 'https://ops.example', host: '10.0.0.2:8080' }, 'http', ['https://ops.example'])).toBe(true);
    expect(isSameOrigin({ origin: 'https://OPS.example:443', host: '10.0.0.2:8080' }, 'http', ['https://ops.example'])).toBe(true);
    expect(isSameOrigin({ origin: 'https://ops.example:8443', host: '10.0.0.2:8080' }, 'http', ['https://ops.example'])).toBe(false);
  });

  it('treats a request without browser headers as not foreign (scripts logging in), a foreign browser one as foreign', () => {
    expect(isForeignBrowserRequest({ host: 'localhost' }, 'http', [])).toBe(false);
    expect(isForeignBrowserRequest({ host: 'localhost', secFetchSite: 'none' }, 'http', [])).toBe(false);
    expect(isForeignBrowserRequest({ host: 'localhost', origin: 'http://localhost' }, 'http', [])).toBe(false);
    expect(isForeignBrowserRequest({ host: 'localhost', origin: 'http://evil.example' }, 'http', [])).toBe(true);
    expect(isForeignBrowserRequest({ host: 'localhost', secFetchSite: 'cross-site' }, 'http', [])).toBe(true);
  });

  it('normalises origins and builds its own from scheme and Host', () => {
    expect(normaliseOrigin('HTTP://Example.ORG:80')).toBe('http://example.org');
    expect(normaliseOrigin('null')).toBeUndefined();
    expect(ownOrigin('https', 'virt.example:443')).toBe('https://virt.example');
    expect(ownOrigin('http', '')).toBeUndefined();
  });
});
