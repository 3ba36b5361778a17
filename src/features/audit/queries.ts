import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../common/access.js';
import { api } from '../../lib/api';

/** One page of the audit log; `search` is the query string built by auditSearch. Read anew each time the page opens. */
export function useAudit(search: string) {
  return useQuery({
    queryKey: ['audit', search],
    queryFn: ({ signal }) => api.get<AuditPage>(`/api/v1/audit?${search}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
