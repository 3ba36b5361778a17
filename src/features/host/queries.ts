import { useQuery } from '@tanstack/react-query';
import type { HostFacts } from '../../../common/hosts.js';
import { api, hostPath } from '../../lib/api';

export function useHostFacts(host: string) {
  return useQuery({
    queryKey: ['host-facts', host],
    queryFn: ({ signal }) => api.get<HostFacts>(hostPath(host), { signal }),
  });
}
