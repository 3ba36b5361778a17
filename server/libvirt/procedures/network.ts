import { array, hyper, int, struct, uint, xvoid } from '../xdr/index.js';
import { flags, intFlag, needResults, proc } from '../procedure.js';
import { networkRef, nonnullString, nullableString } from '../remote-types.js';

const net = { net: networkRef };

const dhcpLease = struct({
  iface: nonnullString,
  expirytime: hyper,
  type: int,
  mac: nullableString,
  iaid: nullableString,
  ipaddr: nonnullString,
  prefix: uint,
  hostname: nullableString,
  clientid: nullableString,
});

/** Virtual network procedures (numbers from remote_protocol.x). */
export const networkProcedures = {
  networkCreate: proc(39, struct(net), xvoid),
  networkCreateXml: proc(40, struct({ xml: nonnullString }), struct(net)),
  networkDefineXml: proc(41, struct({ xml: nonnullString }), struct(net)),
  networkDestroy: proc(42, struct(net), xvoid),
  networkGetXmlDesc: proc(43, struct({ ...net, flags }), struct({ xml: nonnullString })),
  networkGetAutostart: proc(44, struct(net), struct({ autostart: int })),
  networkGetBridgeName: proc(45, struct(net), struct({ name: nonnullString })),
  networkSetAutostart: proc(48, struct({ ...net, autostart: intFlag }), xvoid),
  networkUndefine: proc(49, struct(net), xvoid),
  networkIsActive: proc(152, struct(net), struct({ active: int })),
  networkIsPersistent: proc(153, struct(net), struct({ persistent: int })),
  networkGetDhcpLeases: proc(
    341,
    struct({ ...net, mac: nullableString, needResults, flags }),
    struct({ leases: array(dhcpLease, 65536), ret: uint }),
  ),
} as const;
