import { useQueries } from '@tanstack/react-query';
import type { VmList } from '../../../common/vms.js';
import { api, hostPath } from '../../lib/api';
import { vmKeys } from '../vms/queries';

/** Names of the VMs that grants name by UUID, read from the VM lists of their hosts (the same cache entries as the VM list). */
export function useVmNames(paths: readonly string[]): ReadonlyMap<string, string> {
  const hosts = [...new Set(paths.flatMap((p) => /^\/hosts\/([^/]+)\/vms\//.exec(p)?.[1] ?? []))].sort();
  return useQueries({
    queries: hosts.map((host) => ({
      queryKey: vmKeys.list(host),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<VmList>(hostPath(host, 'vms'), { signal }),
    })),
    combine: (results) => new Map(results.flatMap((r) => r.data?.vms.map((vm): [string, string] => [vm.uuid, vm.name]) ?? [])),
  });
}
