import { array, struct, uint } from '../xdr/index.js';
import { flags, needResults, proc } from '../procedure.js';
import { interfaceRef, nonnullString } from '../remote-types.js';

/** Host network interface procedures (numbers from remote_protocol.x). */
export const interfaceProcedures = {
  interfaceGetXmlDesc: proc(130, struct({ iface: interfaceRef, flags }), struct({ xml: nonnullString })),
  connectListAllInterfaces: proc(284, struct({ needResults, flags }), struct({ ifaces: array(interfaceRef, 16384), ret: uint })),
} as const;
