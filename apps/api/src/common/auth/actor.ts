import type { ParticipantRole, StaffRole } from '@palabre/contracts';

export interface StaffActor {
  kind: 'staff';
  accountId: string;
  role: StaffRole;
  /** The StaffSession the token names: what signing out revokes (absent when the server acts itself, e.g. the demo seed). */
  staffSessionId?: string;
}

export interface ParticipantActor {
  kind: 'participant';
  participantId: string;
  sessionId: string;
  role: ParticipantRole;
  displayName: string;
  groupId: string | null;
  /** Blocked from contributing in this session by a facilitator. */
  blocked: boolean;
  /** A roster member (invitation, or a roster name a facilitator confirmed): may answer verified-only questions. */
  verified?: boolean;
}

export type Actor = StaffActor | ParticipantActor;
