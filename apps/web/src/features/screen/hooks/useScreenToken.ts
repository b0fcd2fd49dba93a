import { useCallback, useEffect, useState } from 'react';
import type { ScreenPairing } from '@palabre/contracts';
import { ApiError, apiRequest } from '../../../lib/api';
import { clearSessionAuth, saveSessionAuth } from '../../../lib/session-store';
import { useSessionAuth, useStaffAuth } from '../../../lib/use-stored-auth';

/** How often a projector waiting for approval asks whether it was paired. */
const POLL_MS = 2_000;

/**
 * The projector's session token (role observer) for a join code, reused after a reload. Screens
 * are issued by staff: opened from a signed-in staff browser, the page gets its token at once;
 * otherwise it shows a pairing code that a facilitator approves in the console, and polls until
 * then (a new code when it expires). `renew()` drops a dead token.
 */
export function useScreenToken(code: string) {
  const stored = useSessionAuth('screen', code);
  const staff = useStaffAuth();
  const staffToken = staff?.token ?? null;
  const [pairing, setPairing] = useState<ScreenPairing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (stored) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setError(null);
    setPairing(null);

    const poll = (pairingId: string) => {
      timer = setTimeout(() => {
        apiRequest('screens.pairing.status', { params: { pairingId } }).then(
          (status) => {
            if (cancelled) return;
            if (status.state === 'paired') saveSessionAuth('screen', code, status.auth);
            else poll(pairingId);
          },
          (failure: unknown) => {
            if (cancelled) return;
            // Expired: show a new code. A network hiccup: keep asking.
            if (failure instanceof ApiError && failure.code === 'PAIRING_INVALID') setAttempt((n) => n + 1);
            else poll(pairingId);
          },
        );
      }, POLL_MS);
    };

    const run = async () => {
      if (staffToken) {
        try {
          const sessions = await apiRequest('sessions.list', { token: staffToken });
          const session = sessions.find((s) => s.joinCode === code);
          if (session) {
            const auth = await apiRequest('screens.open', { token: staffToken, params: { id: session.id } });
            if (!cancelled) saveSessionAuth('screen', code, auth);
            return;
          }
        } catch {
          // A stale staff sign-in: pair like any other projector.
        }
      }
      const started = await apiRequest('screens.pairing.start');
      if (cancelled) return;
      setPairing(started);
      poll(started.pairingId);
    };
    run().catch((failure: unknown) => {
      if (!cancelled) setError(failure);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [stored, staffToken, code, attempt]);

  const renew = useCallback(() => clearSessionAuth('screen', code), [code]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { auth: stored, pairing: stored ? null : pairing, error: stored ? null : error, retry, renew };
}
