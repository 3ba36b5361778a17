import type { StatsEvent, VmEvent } from '../../../common/events.js';
import { onServerEvent } from '../../lib/events';
import { applyVmSummary, markVmGone, removeVm, vmKeys } from './queries';
import { powerRequests } from './power-requests';
import { statsStore } from './stats-store';

onServerEvent<VmEvent>('vm', (event, queryClient) => {
  // A requested reboot happened, or the VM stopped: the shutdown/reboot request is answered.
  if (event.kind === 'reboot') powerRequests.clear(event.host, event.uuid, 'reboot');
  if (event.vm === undefined || event.vm.state === 'shutoff' || event.vm.state === 'crashed') powerRequests.clear(event.host, event.uuid);
  if (event.vm === undefined) {
    // Gone after a stop: it was transient. After an undefine the list just drops it.
    if (event.event === 'stopped') markVmGone(queryClient, event.host, { uuid: event.uuid, name: event.name });
    else removeVm(queryClient, event.host, event.uuid);
    statsStore.clear(event.host, event.uuid);
  } else {
    applyVmSummary(queryClient, event.host, event.vm);
    if (event.vm.state === 'shutoff') statsStore.clear(event.host, event.uuid);
  }
  // Devices, ports and the XML can change with any event: refetch what is on screen.
  void queryClient.invalidateQueries({ queryKey: vmKeys.xmlAll(event.host, event.uuid) });
  if (event.kind !== 'lifecycle' || event.event === 'started' || event.event === 'stopped' || event.event === 'defined') {
    void queryClient.invalidateQueries({ queryKey: vmKeys.detail(event.host, event.uuid) });
  }
});

onServerEvent<StatsEvent>('stats', (event) => {
  for (const { uuid, ...sample } of event.vms) statsStore.add(event.host, uuid, sample);
});
