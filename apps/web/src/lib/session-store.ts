import type { JoinResponse, LoginResponse } from '@palabre/contracts';

/**
 * Tokens survive a reload or a phone going to sleep: they live in localStorage.
 * - the staff sign-in (one per browser);
 * - one session token per (kind, key): a participant per session id, the facilitator
 *   console per session id, a projector screen per join code.
 */
export type SessionAuthKind = 'participant' | 'console' | 'screen';

const PREFIX = 'palabre.';
const STAFF_KEY = `${PREFIX}staff`;

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: re-render when any stored token changes (also from another tab). */
export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: the app still works until the next reload.
  }
  notify();
}

// Raw string reads keep useSyncExternalStore snapshots stable (same string, same result).
export function readStaffRaw(): string | null {
  try {
    return localStorage.getItem(STAFF_KEY);
  } catch {
    return null;
  }
}

export function getStaffAuth(): LoginResponse | null {
  return read<LoginResponse>(STAFF_KEY);
}

export function setStaffAuth(auth: LoginResponse | null): void {
  write(STAFF_KEY, auth);
}

/** Signing out on a shared computer: the staff token and every console token of this browser go. */
export function forgetStaffAuth(): void {
  try {
    const consoles = Object.keys(localStorage).filter((k) => k.startsWith(`${PREFIX}console.`));
    for (const key of consoles) write(key, null);
  } catch {
    // Storage unavailable: nothing was kept either.
  }
  setStaffAuth(null);
}

function sessionKey(kind: SessionAuthKind, key: string): string {
  return `${PREFIX}${kind}.${key.toUpperCase()}`;
}

export function getSessionAuth(kind: SessionAuthKind, key: string): JoinResponse | null {
  return read<JoinResponse>(sessionKey(kind, key));
}

export function saveSessionAuth(kind: SessionAuthKind, key: string, auth: JoinResponse): void {
  write(sessionKey(kind, key), auth);
}

export function clearSessionAuth(kind: SessionAuthKind, key: string): void {
  write(sessionKey(kind, key), null);
}

/** Raw stored value, for stable useSyncExternalStore snapshots. */
export function readSessionRaw(kind: SessionAuthKind, key: string): string | null {
  try {
    return localStorage.getItem(sessionKey(kind, key));
  } catch {
    return null;
  }
}

const DEVICE_KEY = `${PREFIX}device`;

/**
 * A random id for this browser, kept with its tokens: joining again from it resumes the same
 * participant, and a browser the facilitators removed stays out. Not a hardware id: clearing
 * the site's data makes a new one.
 */
export function deviceId(): string {
  try {
    const known = localStorage.getItem(DEVICE_KEY);
    if (known && /^[0-9a-f-]{36}$/i.test(known)) return known;
    const fresh = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

/**
 * The participants this browser holds, newest session first: of the session with this join code,
 * or of every session when no code is given (the home page offers to resume them).
 */
export function storedParticipants(code?: string): JoinResponse[] {
  const found: JoinResponse[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`${PREFIX}participant.`)) continue;
      const auth = read<JoinResponse>(key);
      if (!auth?.session || !auth.participant) continue;
      if (code && auth.session.joinCode.toUpperCase() !== code.toUpperCase()) continue;
      if (auth.session.state === 'archived') continue;
      found.push(auth);
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => (a.session.date < b.session.date ? 1 : a.session.date > b.session.date ? -1 : 0));
}
