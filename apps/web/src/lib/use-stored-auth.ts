import { useMemo, useSyncExternalStore } from 'react';
import type { JoinResponse, LoginResponse } from '@palabre/contracts';
import { readSessionRaw, readStaffRaw, subscribeAuth, type SessionAuthKind } from './session-store';

function parse<T>(raw: string | null): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** The signed-in staff account and token, or null; updates when signing in or out (any tab). */
export function useStaffAuth(): LoginResponse | null {
  const raw = useSyncExternalStore(subscribeAuth, readStaffRaw, () => null);
  return useMemo(() => parse<LoginResponse>(raw), [raw]);
}

/** A stored session token (participant, console or screen), or null. */
export function useSessionAuth(kind: SessionAuthKind, key: string): JoinResponse | null {
  const raw = useSyncExternalStore(subscribeAuth, () => readSessionRaw(kind, key), () => null);
  return useMemo(() => parse<JoinResponse>(raw), [raw]);
}
