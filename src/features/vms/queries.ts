import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { VmActionName, VmActionResult, VmDetail, VmList, VmSummary, VmXml } from '../../../common/vms.js';
import { api, hostPath } from '../../lib/api';

export const vmKeys = {
  list: (host: string) => ['vms', host] as const,
  detail: (host: string, uuid: string) => ['vm', host, uuid] as const,
  xml: (host: string, uuid: string, inactive: boolean) => ['vm-xml', host, uuid, inactive] as const,
  xmlAll: (host: string, uuid: string) => ['vm-xml', host, uuid] as const,
  /** Transient VMs of the host that stopped and so no longer exist (filled by events and actions only). */
  gone: (host: string) => ['vms-gone', host] as const,
};

export interface GoneVm {
  uuid: string;
  name: string;
}

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

function summaryOf({ uuid, name, id, state, stateReason, autostart, persistent, managedSave, vcpus, memory, stats }: VmDetail): VmSummary {
  return { uuid, name, id, state, ...(stateReason === undefined ? {} : { stateReason }), autostart, persistent, managedSave, vcpus, memory, ...(stats === undefined ? {} : { stats }) };
}

/**
 * After a change of the VM's definition that libvirt announces with no event (memory or vCPUs for
 * the next boot, boot order): reads the VM once more and puts it into the detail, the list and the XML.
 */
export async function refreshVm(queryClient: QueryClient, host: string, uuid: string): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: vmKeys.xmlAll(host, uuid) });
  const detail = await queryClient.fetchQuery({
    queryKey: vmKeys.detail(host, uuid),
    queryFn: ({ signal }) => api.get<VmDetail>(hostPath(host, 'vms', uuid), { signal }),
    staleTime: 0,
  });
  applyVmSummary(queryClient, host, summaryOf(detail));
}

export function removeVm(queryClient: QueryClient, host: string, uuid: string): void {
  queryClient.setQueryData<VmList>(vmKeys.list(host), (old) => (old === undefined ? old : { vms: old.vms.filter((v) => v.uuid !== uuid) }));
  void queryClient.invalidateQueries({ queryKey: vmKeys.detail(host, uuid) });
}

/** A transient VM stopped: libvirt forgot it. The list drops it and both the list and its page say why. */
export function markVmGone(queryClient: QueryClient, host: string, vm: GoneVm): void {
  queryClient.setQueryData<GoneVm[]>(vmKeys.gone(host), (old = []) => (old.some((g) => g.uuid === vm.uuid) ? old : [...old, { uuid: vm.uuid, name: vm.name }]));
  removeVm(queryClient, host, vm.uuid);
}

export function forgetGoneVm(queryClient: QueryClient, host: string, uuid: string): void {
  queryClient.setQueryData<GoneVm[]>(vmKeys.gone(host), (old = []) => old.filter((g) => g.uuid !== uuid));
}

export function useGoneVms(host: string): GoneVm[] {
  return (
    useQuery({
      queryKey: vmKeys.gone(host),
      queryFn: () => [] as GoneVm[],
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? []
  );
}

export function useVmAction(host: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, action }: { uuid: string; action: VmActionName }) => api.post<VmActionResult>(hostPath(host, 'vms', uuid, action)),
    onSuccess: ({ vm, gone }) => (gone === true ? markVmGone(queryClient, host, vm) : applyVmSummary(queryClient, host, vm)),
  });
}

/** Discards the VM's managed-save image (DELETE …/managed-save): the next start boots afresh. */
export function useDiscardSavedState(host: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => api.delete<VmActionResult>(hostPath(host, 'vms', uuid, 'managed-save')),
    onSuccess: ({ vm }) => applyVmSummary(queryClient, host, vm),
  });
}

/** Defines a transient VM from its live XML (POST …/persist). */
export function usePersistVm(host: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => api.post<VmActionResult>(hostPath(host, 'vms', uuid, 'persist')),
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
