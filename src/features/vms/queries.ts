import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { VmActionName, VmActionResult, VmDetail, VmList, VmSummary, VmXml } from '../../../common/vms.js';
import { api, hostPath } from '../../lib/api';

export const vmKeys = {
  list: (host: string) => ['vms', host] as const,
  detail: (host: string, uuid: string) => ['vm', host, uuid] as const,
  xml: (host: string, uuid: string, inactive: boolean) => ['vm-xml', host, uuid, inactive] as const,
  xmlAll: (host: string, uuid: string) => ['vm-xml', host, uuid] as const,
};

export function useVmList(host: string) {
  return useQuery({
    queryKey: vmKeys.list(host),
    queryFn: ({ signal }) => api.get<VmList>(hostPath(host, 'vms'), { signal }),
  });
}

export function useVm(host: string, uuid: string) {
  return useQuery({
    queryKey: vmKeys.detail(host, uuid),
    queryFn: ({ signal }) => api.get<VmDetail>(hostPath(host, 'vms', uuid), { signal }),
  });
}

export function useVmXml(host: string, uuid: string, inactive: boolean) {
  return useQuery({
    queryKey: vmKeys.xml(host, uuid, inactive),
    queryFn: ({ signal }) => api.get<VmXml>(`${hostPath(host, 'vms', uuid, 'xml')}${inactive ? '?inactive=1' : ''}`, { signal }),
  });
}

/** Puts a fresh summary into the list and the detail without refetching either. */
export function applyVmSummary(queryClient: QueryClient, host: string, vm: VmSummary): void {
  queryClient.setQueryData<VmList>(vmKeys.list(host), (old) => {
    if (old === undefined) return old;
    const index = old.vms.findIndex((v) => v.uuid === vm.uuid);
    if (index === -1) return { vms: [...old.vms, vm] };
    const vms = old.vms.slice();
    const previous = vms[index];
    vms[index] = previous?.stats !== undefined && vm.stats === undefined && vm.state !== 'shutoff' ? { ...vm, stats: previous.stats } : vm;
    return { vms };
  });
  queryClient.setQueryData<VmDetail>(vmKeys.detail(host, vm.uuid), (old) => (old === undefined ? old : { ...old, ...vm }));
}

export function removeVm(queryClient: QueryClient, host: string, uuid: string): void {
  queryClient.setQueryData<VmList>(vmKeys.list(host), (old) => (old === undefined ? old : { vms: old.vms.filter((v) => v.uuid !== uuid) }));
  void queryClient.invalidateQueries({ queryKey: vmKeys.detail(host, uuid) });
}

export function useVmAction(host: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, action }: { uuid: string; action: VmActionName }) => api.post<VmActionResult>(hostPath(host, 'vms', uuid, action)),
    onSuccess: ({ vm }) => applyVmSummary(queryClient, host, vm),
  });
}

export function useSetAutostart(host: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, enabled }: { uuid: string; enabled: boolean }) => api.put<VmActionResult>(hostPath(host, 'vms', uuid, 'autostart'), { enabled }),
    onSuccess: ({ vm }) => applyVmSummary(queryClient, host, vm),
  });
}
