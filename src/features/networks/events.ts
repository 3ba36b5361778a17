import type { NetworkEventData } from '../../../common/networks.js';
import { onServerEvent } from '../../lib/events';
import { networkKeys } from './queries';

// A network was defined, undefined, started, stopped or changed: refetch what shows it.
onServerEvent<NetworkEventData>('network', (event, queryClient) => {
  void queryClient.invalidateQueries({ queryKey: networkKeys.list(event.host) });
  if (event.event === 'undefined') queryClient.removeQueries({ queryKey: networkKeys.detail(event.host, event.name) });
  else void queryClient.invalidateQueries({ queryKey: networkKeys.detail(event.host, event.name) });
});
