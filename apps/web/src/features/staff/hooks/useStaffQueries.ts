import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSessionBody, JoinResponse, SessionSummary } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { isAccessLost } from '../../../lib/errors';
import { saveSessionAuth, setStaffAuth } from '../../../lib/session-store';

export const staffSessionsKey = ['staff', 'sessions'] as const;

export function useStaffSessions(token: string) {
  return useQuery<SessionSummary[]>({ queryKey: staffSessionsKey, queryFn: () => apiRequest('sessions.list', { token }) });
}

export function useCreateSession(token: string) {
  const client = useQueryClient();
  return useMutation<SessionSummary, Error, CreateSessionBody>({
    mutationFn: (body) => apiRequest('sessions.create', { token, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffSessionsKey }),
  });
}

/** A facilitator/organiser session token for the console, kept for reloads. */
export function useConsoleToken(staffToken: string, sessionId: string) {
  const query = useQuery<JoinResponse>({
    queryKey: ['staff', 'enter', sessionId, staffToken],
    queryFn: () => apiRequest('sessions.enter', { token: staffToken, params: { id: sessionId } }),
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => {
    if (query.data) saveSessionAuth('console', sessionId, query.data);
  }, [query.data, sessionId]);
  return query;
}

/** An expired staff token sends back to sign-in (RequireStaff redirects once it is cleared). */
export function useSignOutOnAccessLost(error: unknown): void {
  useEffect(() => {
    if (isAccessLost(error)) setStaffAuth(null);
  }, [error]);
}
