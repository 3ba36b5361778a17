import { array, int, struct, xvoid } from '../xdr/index.js';
import { flags, needResults, proc } from '../procedure.js';
import { domainRef, domainSnapshotRef, nonnullString } from '../remote-types.js';

const snap = { snap: domainSnapshotRef };
const snapshots = array(domainSnapshotRef, 1024);

/** Domain snapshot procedures (numbers from remote_protocol.x). */
export const snapshotProcedures = {
  domainSnapshotCreateXml: proc(185, struct({ dom: domainRef, xmlDesc: nonnullString, flags }), struct(snap)),
  domainSnapshotGetXmlDesc: proc(186, struct({ ...snap, flags }), struct({ xml: nonnullString })),
  domainSnapshotNum: proc(187, struct({ dom: domainRef, flags }), struct({ num: int })),
  domainSnapshotLookupByName: proc(189, struct({ dom: domainRef, name: nonnullString, flags }), struct(snap)),
  domainHasCurrentSnapshot: proc(190, struct({ dom: domainRef, flags }), struct({ result: int })),
  domainSnapshotCurrent: proc(191, struct({ dom: domainRef, flags }), struct(snap)),
  domainRevertToSnapshot: proc(192, struct({ ...snap, flags }), xvoid),
  domainSnapshotDelete: proc(193, struct({ ...snap, flags }), xvoid),
  domainSnapshotGetParent: proc(244, struct({ ...snap, flags }), struct(snap)),
  domainSnapshotIsCurrent: proc(271, struct({ ...snap, flags }), struct({ current: int })),
  domainSnapshotHasMetadata: proc(272, struct({ ...snap, flags }), struct({ metadata: int })),
  domainListAllSnapshots: proc(
    274,
    struct({ dom: domainRef, needResults, flags }),
    struct({ snapshots, ret: int }),
  ),
  domainSnapshotListAllChildren: proc(
    275,
    struct({ snapshot: domainSnapshotRef, needResults, flags }),
    struct({ snapshots, ret: int }),
  ),
} as const;
