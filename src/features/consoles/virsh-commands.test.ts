import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../common/shell.js';
import { virshConsoleCommand, virshDisplayCommand } from './virsh-commands';

describe('virsh commands of the console panes', () => {
  it('quotes names for the shell', () => {
    expect(shellQuote('vm-1')).toBe('vm-1');
    expect(shellQuote("it's a vm")).toBe(`'it'\\''s a vm'`);
    expect(shellQuote('$(rm -rf /)')).toBe(`'$(rm -rf /)'`);
  });

  it('builds virsh console and domdisplay', () => {
    expect(virshConsoleCommand('qemu:///system', 'web 1', 'serial0', false)).toBe(`virsh -c qemu:///system console 'web 1' --devname serial0 --safe`);
    expect(virshConsoleCommand('qemu:///system', 'db', undefined, true)).toBe('virsh -c qemu:///system console db --safe --force');
    expect(virshDisplayCommand('qemu:///system', 'db')).toBe('virsh -c qemu:///system domdisplay db');
  });
});
