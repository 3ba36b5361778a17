import type { VmActionName } from '../../../common/vms.js';
import { shellQuoteAlways } from '../../../common/shell.js';
import { virshCommand, virshUri } from '../../lib/format';

const VIRSH_VERB: Record<VmActionName, string> = {
  start: 'start',
  shutdown: 'shutdown',
  reboot: 'reboot',
  destroy: 'destroy',
  suspend: 'suspend',
  resume: 'resume',
};

export function virshForAction(uri: string, action: VmActionName, name: string): string {
  return virshCommand(virshUri(uri), VIRSH_VERB[action], shellQuoteAlways(name));
}

export function virshForAutostart(uri: string, name: string, enabled: boolean): string {
  return enabled
    ? virshCommand(virshUri(uri), 'autostart', shellQuoteAlways(name))
    : virshCommand(virshUri(uri), 'autostart', '--disable', shellQuoteAlways(name));
}

export function virshForXml(uri: string, name: string, inactive: boolean): string {
  return inactive ? virshCommand(virshUri(uri), 'dumpxml', '--inactive', shellQuoteAlways(name)) : virshCommand(virshUri(uri), 'dumpxml', shellQuoteAlways(name));
}

/** What "Make persistent" does: define the VM from its own XML. */
export function virshForPersist(uri: string, name: string): string {
  const target = virshUri(uri);
  return `${virshCommand(target, 'dumpxml', '--inactive', '--security-info', shellQuoteAlways(name))} | ${virshCommand(target, 'define', '/dev/stdin')}`;
}

/** What "Discard saved state" does. */
export function virshForDiscardSavedState(uri: string, name: string): string {
  return virshCommand(virshUri(uri), 'managedsave-remove', shellQuoteAlways(name));
}
