import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeResult, HardwareView } from '../../../common/hardware.js';
import type { HostBridges } from '../../../common/networks.js';
import { api, hostPath } from '../../lib/api';
import { invalidateHostStorage } from '../storage/queries';
import { refreshVm } from '../vms/queries';

export const hardwareKeys = {
  view: (host: string, uuid: string) => ['vm-hardware', host, uuid] as const,
  bridges: (host: string) => ['host-bridges', host] as const,
};

export function useHardware(host: string, uuid: string) {
  return useQuery({
    queryKey: hardwareKeys.view(host, uuid),
    queryFn: ({ signal }) => api.get<HardwareView>(hostPath(host, 'vms', uuid, 'hardware'), { signal }),
  });
}

export function useBridges(host: string) {
  return useQuery({
    queryKey: hardwareKeys.bridges(host),
    queryFn: ({ signal }) => api.get<HostBridges>(hostPath(host, 'bridges'), { signal }),
    select: (data) => data.bridges,
  });
}

export interface HardwareChange {
  method: 'post' | 'put' | 'delete';
  /** Path segments after /vms/:uuid/. */
  path: string[];
  body?: object;
  query?: string;
}

/** Every hardware change: the answer carries the VM's hardware after it, which goes straight into the cache. */
export function useHardwareChange(host: string, uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: HardwareChange): Promise<ChangeResult> => {
      const url = `${hostPath(host, 'vms', uuid, ...change.path)}${change.query ?? ''}`;
      if (change.method === 'delete') return api.delete<ChangeResult>(url);
      return change.method === 'post' ? api.post<ChangeResult>(url, change.body) : api.put<ChangeResult>(url, change.body ?? {});
    },
    onSuccess: (result, change) => {
      queryClient.setQueryData(hardwareKeys.view(host, uuid), result.hardware);
      // Changes for the next boot come with no libvirt event: refresh what shows the VM here.
      refreshVm(queryClient, host, uuid).catch(() => undefined);
      if (change.path[0] === 'disks') invalidateHostStorage(queryClient, host);
    },
  });
}
