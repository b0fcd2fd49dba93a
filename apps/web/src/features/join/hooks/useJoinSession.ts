import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { JoinBody, JoinResponse } from '@palabre/contracts';
import { endpoints } from '../../../lib/endpoints';
import { saveSessionAuth } from '../../../lib/session-store';

/** Joins (code + name, or invitation), keeps the token for reloads, opens the session page. */
export function useJoinSession() {
  const navigate = useNavigate();
  return useMutation<JoinResponse, Error, JoinBody>({
    mutationFn: (body) => endpoints.joinSession(body),
    onSuccess: (answer) => {
      saveSessionAuth('participant', answer.session.id, answer);
      void navigate(`/s/${answer.session.id}`, { replace: true });
    },
  });
}
