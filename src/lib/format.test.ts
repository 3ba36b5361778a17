import { describe, expect, it } from 'vitest';
import { shellQuote, shellQuoteAlways } from '../../common/shell.js';
import { formatDuration, virshCommand } from './format';

describe('format', () => {
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('5s');
    expect(formatDuration(65)).toBe('1m 5s');
    expect(formatDuration(3 * 3600 + 60)).toBe('3h 1m');
    expect(formatDuration(90000)).toBe('1d 1h 0m');
  });

  it('quotes for the shell so the text runs as written', () => {
    expect(shellQuote('qemu:///system')).toBe('qemu:///system');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuoteAlways("it's")).toBe(`'it'\\''s'`);
    expect(shellQuoteAlways('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(virshCommand('qemu:///system', 'destroy', shellQuoteAlways('demo vm'))).toBe(
      "virsh -c qemu:///system destroy 'demo vm'",
    );
  });
});
