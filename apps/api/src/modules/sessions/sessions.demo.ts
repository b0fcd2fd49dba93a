import type { INestApplication } from '@nestjs/common';
import type { AssemblyTheme } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import type { Session } from './session.entity';
import { sessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Whether the demo session (its join code) was seeded already. */
export function demoSessionExists(m: EntityManager, joinCode: string): Promise<boolean> {
  return sessionsRepository.joinCodeTaken(m, joinCode);
}

/** The demo's assembly with its projector theme, and its plenary session (seed/demo.ts). */
export async function seedDemoSession(
  m: EntityManager,
  assembly: { name: string; theme: AssemblyTheme },
  session: Pick<Session, 'title' | 'date' | 'joinCode' | 'accessMode' | 'state' | 'createdBy'>,
): Promise<Session> {
  const saved = await sessionsRepository.saveAssembly(m, assembly);
  return sessionsRepository.saveSession(m, { ...session, assemblyId: saved.id });
}

/** The demo's facilitator in a session, as the participant actor the use cases take: every demo seeder acts through it. */
export async function demoFacilitator(app: INestApplication, accountId: string, sessionId: string): Promise<ParticipantActor> {
  const entered = await app.get(SessionsService).enter({ kind: 'staff', accountId, role: 'facilitator' }, sessionId);
  return {
    kind: 'participant',
    participantId: entered.participant.id,
    sessionId,
    role: entered.participant.role,
    displayName: entered.participant.displayName,
    groupId: null,
    blocked: false,
  };
}
