import { describe, expect, it } from 'vitest';
import { KEY_COMBOS, Keysym, textToKeystrokes } from './keysyms';

describe('keysyms', () => {
  it('turns text into keystrokes with shift where a US keyboard needs it', () => {
    expect(textToKeystrokes('aZ!\n')).toEqual([
      { keysym: 0x61, shift: false },
      { keysym: 0x5a, shift: true },
      { keysym: 0x21, shift: true },
      { keysym: Keysym.Return, shift: false },
    ]);
    expect(textToKeystrokes('é€')).toEqual([
      { keysym: 0xe9, shift: false },
      { keysym: 0x010020ac, shift: false },
    ]);
    expect(textToKeystrokes('\u0001')).toEqual([]);
  });

  it('offers Ctrl+Alt+Del first', () => {
    expect(KEY_COMBOS[0]).toMatchObject({ id: 'ctrl-alt-del', keys: [0xffe3, 0xffe9, 0xffff] });
  });
});
