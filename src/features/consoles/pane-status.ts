import { ConsoleCloseCode } from '../../../common/consoles';

export type PaneState = 'loading' | 'connecting' | 'connected' | 'vm-not-running' | 'in-use' | 'disconnected';

export interface PaneStatus {
  state: PaneState;
  message: string;
}

export const INITIAL_STATUS: PaneStatus = { state: 'loading', message: 'Loading the console' };

/** What the pane shows after the socket closed with `code` and `reason`. */
export function statusAfterClose(code: number, reason: string): PaneStatus {
  if (code === ConsoleCloseCode.notRunning) return { state: 'vm-not-running', message: reason || 'The VM is not running' };
  if (code === 1006) return { state: 'disconnected', message: 'Connection to the virtdeck server lost' };
  if (code === ConsoleCloseCode.normal && reason === '') return { state: 'disconnected', message: 'Console closed' };
  return { state: 'disconnected', message: reason || `Console closed (code ${code})` };
}

export const STATE_LABEL: Record<PaneState, string> = {
  loading: 'Loading',
  connecting: 'Connecting',
  connected: 'Connected',
  'vm-not-running': 'VM not running',
  'in-use': 'In use elsewhere',
  disconnected: 'Disconnected',
};
