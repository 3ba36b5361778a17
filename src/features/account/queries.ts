import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionList, TokenCreateBody, TokenCreated, TokenList } from '../../../common/access.js';
import { api } from '../../lib/api';

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
};

/** The logged-in user's own sessions; read anew whenever the dialog opens. */
export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: ({ signal }) => api.get<SessionList>('/api/v1/auth/sessions', { signal }),
    select: (data) => data.sessions,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => api.get<TokenList>('/api/v1/auth/tokens', { signal }),
    select: (data) => data.tokens,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** The answer carries the secret: the caller keeps it only while showing it, never in the query cache. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreateBody) => api.post<TokenCreated>('/api/v1/auth/tokens', body),
    // Dropped from the mutation cache as soon as nobody watches it (the dialog resets it once it took the secret).
    gcTime: 0,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/auth/tokens/${encodeURIComponent(id)}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
