import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { HostList, HostSummary } from '../../common/hosts.js';
import type { HostEvent } from '../../common/events.js';
import { api } from '../lib/api';
import { onServerEvent } from '../lib/events';

export const hostsQueryKey = ['hosts'] as const;

export function useHosts() {
  return useQuery({
    queryKey: hostsQueryKey,
    queryFn: ({ signal }) => api.get<HostList>('/api/v1/hosts', { signal }),
  });
}

/** The host in the current URL (/hosts/:host/…). */
export function useHostId(): string {
  const { host } = useParams();
  if (host === undefined) throw new Error('useHostId used outside /hosts/:host');
  return host;
}

export function useHostSummary(hostId: string): HostSummary | undefined {
  const { data } = useHosts();
  return data?.hosts.find((h) => h.id === hostId);
}

onServerEvent<HostEvent>('host', (event, queryClient) => {
  queryClient.setQueryData<HostList>(hostsQueryKey, (old) => {
    if (old === undefined) return old;
    return {
      hosts: old.hosts.map((h) =>
        h.id === event.host
          ? { id: h.id, uri: event.uri, state: event.state, since: event.since, ...(event.error === undefined ? {} : { error: event.error }) }
          : h,
      ),
    };
  });
  if (event.state === 'connected') {
    // Whatever was fetched while the host was away is stale now.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[1] === event.host });
  }
});
