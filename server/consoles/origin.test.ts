import { describe, expect, it } from 'vitest';
import { isOriginAllowed, originAllowListFromEnv } from './origin.js';

describe('isOriginAllowed', () => {
  it('accepts the origin of the host the browser used', () => {
    expect(isOriginAllowed('http://127.0.0.1:8090', '127.0.0.1:8090', [])).toBe(true);
    expect(isOriginAllowed('http://VirtDeck.local', 'virtdeck.local:80', [])).toBe(true);
    expect(isOriginAllowed('https://virtdeck.local', 'virtdeck.local', [])).toBe(true);
  });

  it('refuses other sites, other ports, opaque and malformed origins', () => {
    expect(isOriginAllowed('http://evil.example', '127.0.0.1:8090', [])).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:9999', '127.0.0.1:8090', [])).toBe(false);
    expect(isOriginAllowed('null', '127.0.0.1:8090', [])).toBe(false);
    expect(isOriginAllowed('not a url', '127.0.0.1:8090', [])).toBe(false);
    expect(isOriginAllowed('file:///x', '127.0.0.1:8090', [])).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:8090', undefined, [])).toBe(false);
  });

  it('accepts origins from the allow list', () => {
    expect(isOriginAllowed('https://ops.example', '10.0.0.2:8080', ['https://ops.example'])).toBe(true);
  });

  it('lets non-browser clients without Origin through', () => {
    expect(isOriginAllowed(undefined, '127.0.0.1:8090', [])).toBe(true);
  });

  it('reads the allow list from the environment', () => {
    expect(originAllowListFromEnv({ VIRTDECK_CONSOLE_ORIGINS: ' https://a.example, ,https://b.example' }))
      .toEqual(['https://a.example', 'https://b.example']);
    expect(originAllowListFromEnv({})).toEqual([]);
  });
});
