import { describe, expect, it } from 'vitest';
import { LibvirtError, NotConnectedError } from '../libvirt/errors.js';
import { StreamOverflowError } from '../libvirt/index.js';
import { classifyConsoleError } from './errors.js';

function libvirtError(code: number, message: string): LibvirtError {
  return new LibvirtError({ code, domain: 10, message, level: 2, str1: null, str2: null, str3: null, int1: -1, int2: -1 });
}

describe('classifyConsoleError', () => {
  it('recognises what libvirt 9.0 answers for console opens', () => {
    expect(classifyConsoleError(libvirtError(9, 'operation failed: Active console session exists for this domain'))).toBe('in-use');
    expect(classifyConsoleError(libvirtError(9, 'operation failed: PTY device is not yet assigned'))).toBe('not-ready');
    expect(classifyConsoleError(libvirtError(55, 'Requested operation is not valid: domain is not running'))).toBe('not-running');
    expect(classifyConsoleError(libvirtError(42, "Domain not found: no domain with matching uuid 'x'"))).toBe('no-domain');
    expect(classifyConsoleError(new NotConnectedError())).toBe('not-connected');
    expect(classifyConsoleError(libvirtError(1, 'internal error: something'))).toBe('other');
    expect(classifyConsoleError(new Error('boom'))).toBe('other');
  });

  it('tells a stream the client aborted for a slow reader from other ends', () => {
    expect(classifyConsoleError(new StreamOverflowError('domainOpenConsole', 4194304))).toBe('overflow');
    expect(classifyConsoleError(new Error('domainOpenConsole: reader too slow'))).toBe('other');
  });
});
