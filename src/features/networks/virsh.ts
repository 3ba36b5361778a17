import { shellQuote } from '../../../common/shell.js';
import type { NetworkAction } from './queries';

const v = (...words: string[]): string => ['virsh', ...words.map(shellQuote)].join(' ');

export function virshForNetworkAction(name: string, action: NetworkAction | 'xml' | 'leases'): string {
  switch (action) {
    case 'start':
      return v('net-start', name);
    case 'stop':
    case 'stop-force':
      return v('net-destroy', name);
    case 'autostart-on':
      return v('net-autostart', name);
    case 'autostart-off':
      return v('net-autostart', name, '--disable');
    case 'delete':
      return `${v('net-destroy', name)}; ${v('net-undefine', name)}`;
    case 'xml':
      return v('net-dumpxml', name);
    case 'leases':
      return v('net-dhcp-leases', name);
  }
}

export function virshForCreate(name: string, start: boolean, autostart: boolean): string {
  const file = `${name}.xml`;
  return [v('net-define', file), ...(start ? [v('net-start', name)] : []), ...(autostart ? [v('net-autostart', name)] : [])].join(' && ');
}
