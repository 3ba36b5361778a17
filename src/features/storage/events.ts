import type { PoolEventData } from '../../../common/storage.js';
import { onServerEvent } from '../../lib/events';
import { storageKeys } from './queries';

// A pool changed (lifecycle, refresh, or a volume created/deleted in it): refetch what shows it.
onServerEvent<PoolEventData>('pool', (event, queryClient) => {
  void queryClient.invalidateQueries({ queryKey: storageKeys.pools(event.host) });
  void queryClient.invalidateQueries({ queryKey: storageKeys.pool(event.host, event.name) });
  void queryClient.invalidateQueries({ queryKey: storageKeys.volumes(event.host, event.name) });
  if (event.event === 'undefined') queryClient.removeQueries({ queryKey: storageKeys.pool(event.host, event.name) });
});
