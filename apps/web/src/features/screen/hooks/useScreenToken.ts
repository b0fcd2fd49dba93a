import { useCallback, useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { JoinResponse } from '@palabre/contracts';
import { endpoints } from '../../../lib/endpoints';
import { clearSessionAuth, saveSessionAuth } from '../../../lib/session-store';
import { useSessionAuth } from '../../../lib/use-stored-auth';

/**
 * The projector's session token (role observer) for a join code: reused after a reload,
 * obtained by joining with `{ code, screen: true }` otherwise. `renew()` drops a dead token.
 */
export function useScreenToken(code: string) {
  const stored = useSessionAuth('screen', code);
  const join = useMutation<JoinResponse, Error, string>({
    mutationFn: (joinCode) => endpoints.joinSession({ code: joinCode, screen: true }),
    onSuccess: (answer, joinCode) => saveSessionAuth('screen', joinCode, answer),
  });
  const { mutate } = join;
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (stored || asked.current === code) return;
    asked.current = code;
    mutate(code);
  }, [stored, code, mutate]);

  const renew = useCallback(() => {
    asked.current = null;
    clearSessionAuth('screen', code);
  }, [code]);

  return { auth: stored, error: stored ? null : join.error, isJoining: join.isPending, retry: () => mutate(code), renew };
}
