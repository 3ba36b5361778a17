import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GrantCreateBody, RoleCreateBody, RoleList, UserCreateBody, UserList, UserSummary, UserUpdateBody } from '../../../common/access.js';
import { api } from '../../lib/api';
import { authKeys } from '../auth/queries';

export const accessKeys = {
  users: ['access', 'users'] as const,
  roles: ['access', 'roles'] as const,
  groups: ['access', 'groups'] as const,
};

const userPath = (username: string) => `/api/v1/access/users/${encodeURIComponent(username)}`;

export function useUsers() {
  return useQuery({
    queryKey: accessKeys.users,
    queryFn: ({ signal }) => api.get<UserList>('/api/v1/access/users', { signal }),
    select: (data) => data.users,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: accessKeys.roles,
    queryFn: ({ signal }) => api.get<RoleList>('/api/v1/access/roles', { signal }),
    select: (data) => data.roles,
  });
}

/** After a change: the lists, and the admin's own privileges (they may have changed their own grants). */
export function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['access'] });
    void queryClient.invalidateQueries({ queryKey: authKeys.me });
  };
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: UserCreateBody) => api.post<UserSummary>('/api/v1/access/users', body), onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ username, change }: { username: string; change: UserUpdateBody }) => api.patch<UserSummary>(userPath(username), change),
    onSuccess: refresh,
  });
}

export function useDeleteUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (username: string) => api.delete<void>(userPath(username)), onSuccess: refresh });
}

export function useCreateGrant() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: GrantCreateBody) => api.post<unknown>('/api/v1/access/grants', body), onSuccess: refresh });
}

export function useDeleteGrant() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: number) => api.delete<void>(`/api/v1/access/grants/${id}`), onSuccess: refresh });
}

export function useCreateRole() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RoleCreateBody) => api.post<unknown>('/api/v1/access/roles', body), onSuccess: refresh });
}

export function useDeleteRole() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (name: string) => api.delete<void>(`/api/v1/access/roles/${encodeURIComponent(name)}`), onSuccess: refresh });
}
