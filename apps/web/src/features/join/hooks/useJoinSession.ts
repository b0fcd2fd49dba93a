import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { JoinBody, JoinResponse } from '@palabre/contracts';
import { endpoints } from '../../../lib/endpoints';
import { deviceId, saveSessionAuth } from '../../../lib/session-store';

/**
 * Joins (code + name, or invitation) with this browser's device id, keeps the token for reloads,
 * opens the session page. The server resumes the participant this browser already had under that name.
 */
export function useJoinSession() {
  const navigate = useNavigate();
  return useMutation<JoinResponse, Error, JoinBody>({
    mutationFn: (body) => endpoints.joinSession({ ...body, device: deviceId() }),
    onSuccess: (answer) => {
      saveSessionAuth('participant', answer.session.id, answer);
      void navigate(`/s/${answer.session.id}`, { replace: true });
    },
  });
}
