import { shellQuote } from '../../../common/shell.js';

/** What `virsh console` would do for this pane. */
export function virshConsoleCommand(uri: string, name: string, device: string | undefined, force: boolean): string {
  const parts = ['virsh', '-c', uri, 'console', name, ...(device === undefined ? [] : ['--devname', device]), '--safe', ...(force ? ['--force'] : [])];
  return parts.map(shellQuote).join(' ');
}

/** Where the VM's display listens (what a VNC viewer would connect to). */
export function virshDisplayCommand(uri: string, name: string): string {
  return ['virsh', '-c', uri, 'domdisplay', name].map(shellQuote).join(' ');
}
