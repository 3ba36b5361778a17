import { useQuery } from '@tanstack/react-query';
import type { ConsoleList } from '../../../common/consoles';
import type { VmList } from '../../../common/vms';
import { api, hostPath } from '../../lib/api';

/** The console devices of a VM (serial aliases, whether VNC is there). */
export function useConsoleList(host: string, uuid: string) {
  return useQuery({
    queryKey: ['consoles', host, uuid],
    queryFn: ({ signal }) => api.get<ConsoleList>(hostPath(host, 'vms', uuid, 'consoles'), { signal }),
    staleTime: 10_000,
  });
}

/** The host's VMs; the same query the VM list uses, kept live by the server events. */
export function useVmList(host: string) {
  return useQuery({
    queryKey: ['vms', host],
    queryFn: ({ signal }) => api.get<VmList>(hostPath(host, 'vms'), { signal }),
  });
}
