import type { VmEvent } from '../../../common/events.js';
import { onServerEvent } from '../../lib/events';
import { hardwareKeys } from './queries';

// Devices added or removed, started, stopped, redefined: the VM's hardware may differ now.
onServerEvent<VmEvent>('vm', (event, queryClient) => {
  if (event.removed === true) queryClient.removeQueries({ queryKey: hardwareKeys.view(event.host, event.uuid) });
  else void queryClient.invalidateQueries({ queryKey: hardwareKeys.view(event.host, event.uuid) });
});
