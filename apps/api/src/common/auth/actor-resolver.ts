import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import type { ParticipantActor, StaffActor } from './actor';
import { actorRepository } from './actor.repository';
import { STAFF_SESSION_LOOKUP, type StaffSessionLookup } from './staff-session-lookup';
import { TokenService } from './tokens';

/** Turns a bearer token into an actor, checking the database so a removed person is refused at once. */
@Injectable()
export class ActorResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly db: DataSource,
    @Inject(STAFF_SESSION_LOOKUP) private readonly staffSessions: StaffSessionLookup,
  ) {}

  async staff(token: string | undefined): Promise<StaffActor> {
    const claims = this.tokens.verify(token);
    if (claims.typ !== 'staff') throw new AppError('UNAUTHENTICATED');
    // Signed out, reset or removed since the token was issued: refused at once.
    const account = await this.staffSessions.accountOf(claims.jti, claims.sub);
    if (!account) throw new AppError('UNAUTHENTICATED');
    return { kind: 'staff', accountId: account.id, role: account.role, staffSessionId: claims.jti };
  }

  async participant(token: string | undefined): Promise<ParticipantActor> {
    const claims = this.tokens.verify(token);
    if (claims.typ !== 'participant') throw new AppError('UNAUTHENTICATED');
    const participant = await actorRepository.participant(this.db.manager, claims.sub);
    if (!participant || participant.session_id !== claims.sid) throw new AppError('UNAUTHENTICATED');
    if (participant.revoked) throw new AppError('TOKEN_REVOKED');
    return {
      kind: 'participant',
      participantId: participant.id,
      sessionId: participant.session_id,
      role: participant.role,
      displayName: participant.display_name,
      groupId: participant.group_id,
      blocked: participant.blocked,
      verified: participant.verified,
    };
  }
}

export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}
