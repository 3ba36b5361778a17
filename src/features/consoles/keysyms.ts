/** X11 keysyms for the keys the VNC toolbar sends (noVNC speaks keysyms). */
export const Keysym = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Delete: 0xffff,
  Shift_L: 0xffe1,
  Control_L: 0xffe3,
  Alt_L: 0xffe9,
  Super_L: 0xffeb,
  F1: 0xffbe,
} as const;

export function functionKey(n: number): number {
  return Keysym.F1 + (n - 1);
}

export interface KeyCombo {
  id: string;
  label: string;
  keys: number[];
}

export const KEY_COMBOS: readonly KeyCombo[] = [
  { id: 'ctrl-alt-del', label: 'Ctrl+Alt+Del', keys: [Keysym.Control_L, Keysym.Alt_L, Keysym.Delete] },
  { id: 'ctrl-alt-backspace', label: 'Ctrl+Alt+Backspace', keys: [Keysym.Control_L, Keysym.Alt_L, Keysym.BackSpace] },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({
    id: `ctrl-alt-f${n}`,
    label: `Ctrl+Alt+F${n}`,
    keys: [Keysym.Control_L, Keysym.Alt_L, functionKey(n)],
  })),
  { id: 'alt-tab', label: 'Alt+Tab', keys: [Keysym.Alt_L, Keysym.Tab] },
  { id: 'escape', label: 'Escape', keys: [Keysym.Escape] },
];

const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';

export interface KeyStroke {
  keysym: number;
  shift: boolean;
}

/** Text to keystrokes on a US layout: Latin-1 keysyms equal the code point, others use the Unicode range. */
export function textToKeystrokes(text: string): KeyStroke[] {
  const strokes: KeyStroke[] = [];
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') strokes.push({ keysym: Keysym.Return, shift: false });
    else if (ch === '\t') strokes.push({ keysym: Keysym.Tab, shift: false });
    else if (code >= 0x20 && code <= 0x7e) {
      strokes.push({ keysym: code, shift: (ch >= 'A' && ch <= 'Z') || SHIFTED.includes(ch) });
    } else if (code >= 0xa0 && code <= 0xff) strokes.push({ keysym: code, shift: false });
    else if (code > 0xff) strokes.push({ keysym: 0x01000000 + code, shift: false });
  }
  return strokes;
}
