import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { LoginBody, Me, PasswordChangeBody, SetupBody, SetupStatus } from '../../../common/access.js';
import { api } from '../../lib/api';

export const authKeys = {
  me: ['auth', 'me'] as const,
  setup: ['auth', 'setup'] as const,
};

/** Who is logged in, with their grants and the roles those name (GET /api/v1/auth/me). */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => api.get<Me>('/api/v1/auth/me', { signal }),
  });
}

/** Whether the first administrator still has to be created. */
export function useSetupStatus(enabled = true) {
  return useQuery({
    queryKey: authKeys.setup,
    queryFn: ({ signal }) => api.get<SetupStatus>('/api/v1/auth/setup', { signal }),
    enabled,
  });
}

/**
 * Login and setup start a new user's view: nothing fetched for whoever was logged in before may
 * stay in the cache (the next user may not be allowed to see it).
 */
function useFreshStart() {
  const queryClient = useQueryClient();
  return () => queryClient.clear();
}

export function useLogin() {
  const freshStart = useFreshStart();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<void>('/api/v1/auth/login', body, { redirectOn401: false }),
    onSuccess: freshStart,
  });
}

export function useSetup() {
  const freshStart = useFreshStart();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<void>('/api/v1/auth/setup', body, { redirectOn401: false }),
    onSuccess: freshStart,
  });
}

/**
 * Ends the session, then leaves the app for the login page and empties the cache (in that order:
 * pages still shown would refetch what was removed), whether or not the server still knew the session.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout', {}, { redirectOn401: false }),
    onSettled: async () => {
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    // A wrong current password is 403 LOGIN_FAILED; a 401 here is a lost session like anywhere else.
    mutationFn: (body: PasswordChangeBody) => api.post<void>('/api/v1/auth/password', body),
  });
}
