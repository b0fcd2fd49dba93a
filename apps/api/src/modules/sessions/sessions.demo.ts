import type { AssemblyTheme } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import type { Session } from './session.entity';
import { sessionsRepository } from './sessions.repository';

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
