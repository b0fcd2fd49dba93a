import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@palabre/contracts';
import type { ParticipantActor } from '../auth/actor';
import type { TokenBucket } from './rate-limit';

export interface LiveSocketData {
  actor: ParticipantActor;
  bucket: TokenBucket;
  /** Token expiry (ms since epoch): long-lived sockets are revalidated against it. */
  expiresAt: number;
}

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
