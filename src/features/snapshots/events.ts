import type { VmEvent } from '../../../common/events.js';
import type { SnapshotEvent } from '../../../common/snapshots.js';
import { onServerEvent } from '../../lib/events';
import { snapshotKeys } from './queries';

// Another page (or virsh through a revert's lifecycle events) changed the snapshots or the VM
// state the create dialog depends on: refetch this VM's snapshot list if it is on screen.
onServerEvent<SnapshotEvent>('snapshot', (event, queryClient) => {
  void queryClient.invalidateQueries({ queryKey: snapshotKeys.list(event.host, event.uuid) });
});

onServerEvent<VmEvent>('vm', (event, queryClient) => {
  if (event.kind !== 'lifecycle') return;
  void queryClient.invalidateQueries({ queryKey: snapshotKeys.list(event.host, event.uuid) });
});
