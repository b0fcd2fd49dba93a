import type {
  AuthOptions,
  CreateSessionBody,
  JoinBody,
  JoinResponse,
  LoginBody,
  LoginResponse,
  RosterNames,
  ScreenPairing,
  ScreenPairingStatus,
  SessionSnapshot,
  SessionSummary,
  StaffAccount,
} from '@palabre/contracts';
import { apiRequest } from './api';

/** Core REST calls. Feature folders write theirs the same way, next to their hooks. */
export const endpoints = {
  login: (body: LoginBody) => apiRequest<LoginResponse>('auth.login', { body }),
  logout: (token: string) => apiRequest<void>('auth.logout', { token }),
  me: (token: string) => apiRequest<StaffAccount>('auth.me', { token }),
  authOptions: () => apiRequest<AuthOptions>('auth.options'),
  listSessions: (token: string) => apiRequest<SessionSummary[]>('sessions.list', { token }),
  createSession: (token: string, body: CreateSessionBody) => apiRequest<SessionSummary>('sessions.create', { token, body }),
  enterSession: (token: string, id: string) => apiRequest<JoinResponse>('sessions.enter', { token, params: { id } }),
  joinSession: (body: JoinBody) => apiRequest<JoinResponse>('sessions.join', { body }),
  rosterNames: (code: string) => apiRequest<RosterNames>('join.roster', { params: { code } }),
  startScreenPairing: () => apiRequest<ScreenPairing>('screens.pairing.start', {}),
  screenPairingStatus: (pairingId: string) => apiRequest<ScreenPairingStatus>('screens.pairing.status', { params: { pairingId } }),
  openScreen: (token: string, id: string) => apiRequest<JoinResponse>('screens.open', { token, params: { id } }),
  approveScreen: (token: string, id: string, code: string) => apiRequest<{ participantId: string }>('screens.pairing.approve', { token, params: { id }, body: { code } }),
  snapshot: (token: string, id: string, signal?: AbortSignal) =>
    apiRequest<SessionSnapshot>('sessions.snapshot', { token, params: { id }, signal }),
};
