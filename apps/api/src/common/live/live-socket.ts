import type { Socket } from 'socket.io';
import type { ClientToServerEvents, Locale, ServerToClientEvents } from '@palabre/contracts';
import type { ParticipantActor } from '../auth/actor';
import type { TokenBucket } from '../commands/rate-limit';

export interface LiveSocketData {
  actor: ParticipantActor;
  bucket: TokenBucket;
  /** The client's address (TRUST_PROXY decides whether X-Forwarded-For is believed). */
  address: string;
  /** Token expiry (ms since epoch): long-lived sockets are revalidated against it. */
  expiresAt: number;
}

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** The language the client asked for at the handshake: French unless it said English. */
export function socketLocale(socket: Pick<LiveSocket, 'handshake'>): Locale {
  return socket.handshake.auth?.locale === 'en' ? 'en' : 'fr';
}
