import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkCreateBody, NetworkDetail, NetworkList } from '../../../common/networks.js';
import { api, hostPath } from '../../lib/api';

export const networkKeys = {
  list: (host: string) => ['networks', host] as const,
  detail: (host: string, name: string) => ['network', host, name] as const,
  all: (host: string) => ['network', host] as const,
};

export function useNetworks(host: string) {
  return useQuery({
    queryKey: networkKeys.list(host),
    queryFn: ({ signal }) => api.get<NetworkList>(hostPath(host, 'networks'), { signal }),
  });
}

export function useNetwork(host: string, name: string | undefined) {
  return useQuery({
    queryKey: networkKeys.detail(host, name ?? ''),
    queryFn: ({ signal }) => api.get<NetworkDetail>(hostPath(host, 'networks', name ?? ''), { signal }),
    enabled: name !== undefined,
  });
}

function useRefresh(host: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: networkKeys.list(host) });
    void queryClient.invalidateQueries({ queryKey: networkKeys.all(host) });
  };
}

export function useCreateNetwork(host: string) {
  const refresh = useRefresh(host);
  return useMutation({
    mutationFn: (body: NetworkCreateBody) => api.post<NetworkDetail>(hostPath(host, 'networks'), body),
    onSuccess: refresh,
  });
}

export type NetworkAction = 'start' | 'stop' | 'stop-force' | 'autostart-on' | 'autostart-off' | 'delete';

export function useNetworkAction(host: string) {
  const refresh = useRefresh(host);
  return useMutation({
    mutationFn: async ({ name, action }: { name: string; action: NetworkAction }): Promise<unknown> => {
      switch (action) {
        case 'start':
          return api.post(hostPath(host, 'networks', name, 'start'));
        case 'stop':
          return api.post(hostPath(host, 'networks', name, 'stop'));
        case 'stop-force':
          return api.post(`${hostPath(host, 'networks', name, 'stop')}?force=1`);
        case 'autostart-on':
        case 'autostart-off':
          return api.put(hostPath(host, 'networks', name, 'autostart'), { enabled: action === 'autostart-on' });
        case 'delete':
          return api.delete(hostPath(host, 'networks', name));
      }
    },
    onSettled: refresh,
  });
}
