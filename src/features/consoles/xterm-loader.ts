import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';

/** Only ever imported with import(): xterm.js and its CSS form their own chunk. */
export function loadXterm(): Promise<{ Terminal: typeof Terminal; FitAddon: typeof FitAddon; SearchAddon: typeof SearchAddon }> {
  return Promise.resolve({ Terminal, FitAddon, SearchAddon });
}
