import { useMutation, useQuery } from '@tanstack/react-query';
import type { GroupCreateBody, GroupList, GroupSummary } from '../../../common/access.js';
import { api } from '../../lib/api';
import { accessKeys, useRefresh } from './queries';

const groupPath = (group: string) => `/api/v1/access/groups/${encodeURIComponent(group)}`;
const memberPath = (group: string, username: string) => `${groupPath(group)}/members/${encodeURIComponent(username)}`;

export function useGroups() {
  return useQuery({
    queryKey: accessKeys.groups,
    queryFn: ({ signal }) => api.get<GroupList>('/api/v1/access/groups', { signal }),
    select: (data) => data.groups,
  });
}

export function useCreateGroup() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: GroupCreateBody) => api.post<GroupSummary>('/api/v1/access/groups', body), onSuccess: refresh });
}

export function useDeleteGroup() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (group: string) => api.delete<void>(groupPath(group)), onSuccess: refresh });
}

export function useAddMember() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ group, username }: { group: string; username: string }) => api.put<void>(memberPath(group, username), {}), onSuccess: refresh });
}

export function useRemoveMember() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ group, username }: { group: string; username: string }) => api.delete<void>(memberPath(group, username)), onSuccess: refresh });
}
